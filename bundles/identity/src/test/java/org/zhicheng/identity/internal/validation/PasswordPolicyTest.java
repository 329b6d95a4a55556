package org.zhicheng.identity.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The password rules of CQ-ORG-3, strengthened by OWASP ASVS 2.1. */
class PasswordPolicyTest {

    static final PasswordPolicy DEFAULTS = PasswordPolicy.defaults();

    /** A password no rule objects to. */
    static final String STRONG = "Kx7#vPq2!mRt";

    /** Fictional account holder: ID number with hand-computed check character X, born 1990-03-07. */
    static final String ID = "44030419900307123X";

    static List<String> codes(List<Violation> violations) {
        return violations.stream().map(Violation::code).toList();
    }

    static List<String> check(String password) {
        return codes(DEFAULTS.check(password, "reviewer.a"));
    }

    static Violation only(List<Violation> violations, String code) {
        assertEquals(List.of(code), codes(violations), violations::toString);
        return violations.get(0);
    }

    @Test
    void defaultsFollowCqOrg3AndAsvs() {
        assertEquals(new PasswordPolicy(8, 128, 3, true, true), DEFAULTS);
        assertEquals(8, DEFAULTS.minLength());
        assertEquals(128, DEFAULTS.maxLength());
        assertEquals(3, DEFAULTS.minClasses());
        assertTrue(DEFAULTS.rejectCommon());
        assertTrue(DEFAULTS.rejectPersonal());
    }

    @ParameterizedTest
    @ValueSource(strings = {STRONG, "N3w&Strong-Pass", "correct horse battery staple 7", "评审Zc#2026x", "Ab1!efgh",
        "ÄÖÜ-äöü-2024x"})
    void acceptsGoodPasswords(String password) {
        assertEquals(List.of(), DEFAULTS.check(password, "reviewer.a", ID, "1990-03-07", "zhangwei", "13812345678"));
    }

    @Test
    void refusesInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(0, 128, 3, true, true));
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(8, 63, 3, true, true),
                "ASVS 2.1.2: at least 64 characters must be allowed");
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(100, 90, 3, true, true));
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(8, 128, -1, true, true));
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(8, 128, 5, true, true));
        new PasswordPolicy(1, 64, 0, false, false);
        new PasswordPolicy(64, 64, 4, true, true);
    }

    // --- required -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "        ", "\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000"})
    void refusesEmptyOrOnlySpaces(String password) {
        Violation v = only(DEFAULTS.check(password, "reviewer.a"), PasswordPolicy.REQUIRED);
        assertTrue(v.zh().contains("空格"), v.zh());
        only(DEFAULTS.check(null, null), PasswordPolicy.REQUIRED);
    }

    // --- length ---------------------------------------------------------------------------------------------

    @Test
    void refusesTooShortAndSaysTheMinimumAndTheLength() {
        Violation v = only(DEFAULTS.check("Ab1!xyz", "reviewer.a"), PasswordPolicy.TOO_SHORT);
        assertEquals("密码至少需要 8 个字符，当前为 7 个。", v.zh());
        assertEquals("The password must have at least 8 characters; it has 7.", v.en());
        assertEquals(List.of(), DEFAULTS.check("Ab1!xyzq", "reviewer.a"), "exactly the minimum");
    }

    @Test
    void countsCharactersNotBytesOrUtf16Units() {
        // 4 Chinese characters + 4 others = 8 characters; an emoji outside the BMP is one character too.
        assertEquals(List.of(), DEFAULTS.check("职称评审Ab1!", "reviewer.a"));
        assertEquals(List.of(PasswordPolicy.TOO_SHORT), codes(DEFAULTS.check("\uD83D\uDE00Ab1!xy", "reviewer.a")));
        assertEquals(List.of(), DEFAULTS.check("\uD83D\uDE00Ab1!xyz", "reviewer.a"));
    }

    @Test
    void consecutiveSpacesCountAsOneForTheMinimum() {
        Violation v = only(DEFAULTS.check("Ab1    xyz", "reviewer.a"), PasswordPolicy.TOO_SHORT);
        assertTrue(v.zh().contains("当前为 7 个（连续的空格按一个计）"), v.zh());
        assertTrue(v.en().contains("it has 7 (consecutive spaces count as one)"), v.en());
        assertEquals(List.of(), DEFAULTS.check("Ab1 xyz w", "reviewer.a"), "single spaces count fully");
    }

    @Test
    void refusesTooLongWithoutTruncating() {
        String max = "Aa1!" + "x".repeat(124);
        assertEquals(128, max.length());
        assertEquals(List.of(), DEFAULTS.check(max, "reviewer.a"), "exactly the maximum");
        Violation v = only(DEFAULTS.check(max + "y", "reviewer.a"), PasswordPolicy.TOO_LONG);
        assertEquals("密码最多 128 个字符，当前为 129 个；系统不会截断密码，请缩短。", v.zh());
        assertEquals("The password may have at most 128 characters; it has 129. Passwords are never truncated,"
                + " so please shorten it.", v.en());
    }

    @Test
    void customLengths() {
        PasswordPolicy twelve = new PasswordPolicy(12, 64, 3, true, true);
        Violation v = only(twelve.check("Ab1!xyzqrst", "u"), PasswordPolicy.TOO_SHORT);
        assertTrue(v.en().contains("at least 12") && v.en().contains("it has 11"), v.en());
        assertEquals(List.of(), twelve.check("Ab1!xyzqrstu", "u"));
        assertEquals(List.of(PasswordPolicy.TOO_LONG), codes(twelve.check("Ab1!" + "x".repeat(61), "u")));
    }

    // --- classes --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kxvpqmrtwz    | 1 | upper-case letters, digits, symbols   | 大写字母、数字、符号",
        "KXVPQMRTWZ    | 1 | lower-case letters, digits, symbols   | 小写字母、数字、符号",
        "kxvpqmrt7z    | 2 | upper-case letters, symbols           | 大写字母、符号",
        "kxvpq#rtwz    | 2 | upper-case letters, digits            | 大写字母、数字",
        "Kxvpqmrtwz    | 2 | digits, symbols                       | 数字、符号",
        "KXVP7#R2WZ    | 3 | -                                     | -",
        "kx vp qm rt   | 2 | upper-case letters, digits            | 大写字母、数字",
        "评审职称系统密码设置 | 1 | upper-case letters, lower-case letters, digits | 大写字母、小写字母、数字",
    })
    void namesTheMissingClasses(String password, int present, String missingEn, String missingZh) {
        List<Violation> violations = DEFAULTS.check(password, "reviewer.a");
        if (present >= 3) {
            assertEquals(List.of(), violations);
            return;
        }
        Violation v = only(violations, PasswordPolicy.CLASSES);
        assertTrue(v.en().contains("it has " + present + ". Missing: " + missingEn + " (add " + (3 - present)
                + " of them)"), v.en());
        assertTrue(v.zh().contains("当前只有 " + present + " 类，缺少：" + missingZh), v.zh());
    }

    @Test
    void classesAreConfigurable() {
        PasswordPolicy four = new PasswordPolicy(8, 128, 4, true, true);
        Violation v = only(four.check("Kxvpqmr7", "u"), PasswordPolicy.CLASSES);
        assertTrue(v.en().contains("at least 4 of the 4") && v.en().contains("Missing: symbols"), v.en());
        assertEquals(List.of(), four.check("Kxvpqm7#", "u"));
        PasswordPolicy none = new PasswordPolicy(8, 128, 0, true, true);
        assertEquals(List.of(), none.check("kxvpqmrtwz", "u"));
    }

    @Test
    void fullWidthCharactersCountInTheirClass() {
        assertEquals(List.of(), DEFAULTS.check("Ｋｘ７ｖＰｑ２ｍ", "reviewer.a"), "upper, lower and digit");
    }

    // --- control characters ---------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Kx7#vPq2\nmRt", "Kx7#vPq2\tmRt", "Kx7#vPq2\rmRt", "Kx7#vPq2\u0000mRt", "Kx7#vPq2\u007fmRt",
        "Kx7#vPq2\u2028mRt", "Kx7#vPq2\uD800mRt", "\u001bKx7#vPq2mRt"})
    void refusesControlAndBrokenCharacters(String password) {
        Violation v = only(DEFAULTS.check(password, "reviewer.a"), PasswordPolicy.CONTROL_CHARACTER);
        assertTrue(v.zh().contains("控制字符"), v.zh());
        assertTrue(v.en().contains("control characters"), v.en());
    }

    @Test
    void allowsSpacesIncludingLeadingAndTrailing() {
        assertEquals(List.of(), DEFAULTS.check(" Kx7 vPq2mRt ", "reviewer.a"));
        assertEquals(List.of(), DEFAULTS.check("\u3000Kx7vPq2mRt", "reviewer.a"), "the ideographic space too");
    }

    // --- username -------------------------------------------------------------------------------------------

    @Test
    void refusesTheUsernameIgnoringCaseAndWidth() {
        PasswordPolicy noClasses = new PasswordPolicy(8, 128, 0, false, true);
        only(noClasses.check("Reviewer.A", "reviewer.a"), PasswordPolicy.EQUALS_USERNAME);
        only(noClasses.check("ｒｅｖｉｅｗｅｒ．ａ", "Reviewer.A"), PasswordPolicy.EQUALS_USERNAME);
        only(noClasses.check(" reviewer.a ", "reviewer.a"), PasswordPolicy.EQUALS_USERNAME);
        Violation v = only(DEFAULTS.check("Zhang.Wei#2026", "zhang.wei#2026"), PasswordPolicy.EQUALS_USERNAME);
        assertEquals("密码不能与用户名相同。", v.zh());
        assertEquals("The password must not be the same as the username.", v.en());
    }

    @ParameterizedTest
    @ValueSource(strings = {"reviewer.a-2026!X", "X!REVIEWER.A7", "Ｒｅｖｉｅｗｅｒ.Ａ-7x", "9#a.reweiveR"})
    void refusesPasswordsContainingTheUsername(String password) {
        Violation v = only(DEFAULTS.check(password, "reviewer.a"), PasswordPolicy.CONTAINS_USERNAME);
        assertTrue(v.zh().contains("用户名"), v.zh());
        assertTrue(v.en().contains("backwards"), v.en());
    }

    @Test
    void veryShortUsernamesAreOnlyRefusedWhole() {
        assertEquals(List.of(), DEFAULTS.check("Kx7#abPq2", "ab"));
        PasswordPolicy lenient = new PasswordPolicy(1, 128, 0, false, true);
        only(lenient.check("AB", "ab"), PasswordPolicy.EQUALS_USERNAME);
    }

    @Test
    void noUsernameNoUsernameRule() {
        assertEquals(List.of(), DEFAULTS.check(STRONG, null));
        assertEquals(List.of(), DEFAULTS.check(STRONG, "  "));
    }

    // --- personal data --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Pw#44030419900307123X", "Zc#07123x-a", "Zc#07 123X-a", "Ｚｃ＃０７１２３Ｘａ"})
    void refusesTheIdNumberAndItsLastSix(String password) {
        Violation v = only(DEFAULTS.check(password, "reviewer.a", ID), PasswordPolicy.CONTAINS_ID_NUMBER);
        assertEquals("密码不能包含身份证号或身份证号的后6位。", v.zh());
        assertEquals("The password must not contain the ID number or its last six characters.", v.en());
    }

    @Test
    void anIdNumberTypedWithSpacesOrFullWidthIsStillRecognised() {
        only(DEFAULTS.check("Zc#07123x-a", "reviewer.a", "440304 19900307 123x"), PasswordPolicy.CONTAINS_ID_NUMBER);
        only(DEFAULTS.check("Zc#07123x-a", "reviewer.a", "４４０３０４１９９００３０７１２３Ｘ"),
                PasswordPolicy.CONTAINS_ID_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Lm#19900307q", "Lm#900307qr", "Lm#1990-03-07", "Lm#1990.03.07", "Lm#1990/03/07",
        "Lm#07031990", "Lm#03071990", "Lm#199037qz", "Lm#1990年03月07日"})
    void refusesTheBirthDateTakenFromTheIdNumber(String password) {
        Violation v = only(DEFAULTS.check(password, "reviewer.a", ID), PasswordPolicy.CONTAINS_BIRTH_DATE);
        assertEquals("密码不能包含出生日期。", v.zh());
        assertEquals("The password must not contain the birth date.", v.en());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1985-11-20", "19851120", "1985/11/20", "1985.11.20", "1985-11-20 ", "1985年11月20日"})
    void refusesTheBirthDateGivenSeparately(String birthDate) {
        only(DEFAULTS.check("Qa!20111985x", "reviewer.a", birthDate), PasswordPolicy.CONTAINS_BIRTH_DATE);
        only(DEFAULTS.check("Qa!851120xyz", "reviewer.a", birthDate), PasswordPolicy.CONTAINS_BIRTH_DATE);
        assertEquals(List.of(), DEFAULTS.check("Qa!1985xyzw", "reviewer.a", birthDate), "the year alone is fine");
    }

    @Test
    void unpaddedBirthDatesAreRecognisedToo() {
        only(DEFAULTS.check("Qa!199011xyz", "reviewer.a", "1990-1-1"), PasswordPolicy.CONTAINS_BIRTH_DATE);
        only(DEFAULTS.check("Qa!19900101xy", "reviewer.a", "1990-1-1"), PasswordPolicy.CONTAINS_BIRTH_DATE);
    }

    @Test
    void reportsIdNumberAndBirthDateTogether() {
        assertEquals(List.of(PasswordPolicy.CONTAINS_ID_NUMBER, PasswordPolicy.CONTAINS_BIRTH_DATE),
                codes(DEFAULTS.check("Zc#19900307-07123X", "reviewer.a", ID)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "zhangwei            | Zhangwei#2026q",
        "Zhang Wei           | zHANGwEI#2026q",
        "zhangwei            | Q6202#iewgnahz",
        "13812345678         | Kx#345678ab",
        "13812345678         | Kx#13812345678",
        "wei.zhang@example.cn| Wei.Zhang!99",
        "张伟                 | 张伟Abc!2026",
        "张伟                 | Abc!2026伟张",
    })
    void refusesOtherPersonalData(String item, String password) {
        Violation v = only(DEFAULTS.check(password, "reviewer.a", item.strip()), PasswordPolicy.CONTAINS_PERSONAL);
        assertTrue(v.zh().contains("个人信息"), v.zh());
        assertTrue(v.en().contains("personal data"), v.en());
    }

    @Test
    void shortOrEmptyPersonalDataIsIgnoredUnlessWhole() {
        assertEquals(List.of(), DEFAULTS.check("Kx7#wePq2", "reviewer.a", "we", "", null, "  "));
        assertEquals(List.of(), DEFAULTS.check(STRONG, "reviewer.a", (String[]) null));
        PasswordPolicy lenient = new PasswordPolicy(1, 128, 0, false, true);
        only(lenient.check("We", "reviewer.a", "we"), PasswordPolicy.CONTAINS_PERSONAL);
    }

    @Test
    void personalRulesCanBeSwitchedOff() {
        PasswordPolicy impersonal = new PasswordPolicy(8, 128, 3, true, false);
        assertEquals(List.of(), impersonal.check("reviewer.a-2026!X", "reviewer.a"));
        assertEquals(List.of(), impersonal.check("Zc#19900307-07123X", "reviewer.a", ID, "zhangwei"));
        assertEquals(List.of(), impersonal.check("Zhangwei#2026q", "reviewer.a", "zhangwei"));
    }

    // --- common passwords -----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"Passw0rd!", "Admin@123", "Qwer1234!", "P@ssw0rd", "P@ssw0rd1", "1qaz@WSX", "1qaz!QAZ",
        "!QAZ2wsx", "Woaini1314!", "Aa123456!", "Abc@1234", "Qwe123!@#", "Welcome1!", "Password@2024", "Huawei@123",
        "Root@1234", "Zhicheng@2026", "Zxcv1234!", "Qq123456.", "Asdf1234!", "Test@123456", "Sa123456!"})
    void refusesCommonPasswordsThatMeetTheOtherRules(String password) {
        Violation v = only(DEFAULTS.check(password, "reviewer.a"), PasswordPolicy.COMMON);
        assertEquals("该密码属于常见弱密码，很容易被猜中，请换一个。", v.zh());
        assertEquals("This password is on the list of common passwords and easy to guess; please choose another.",
                v.en());
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456", "123456789", "111111", "000000", "5201314", "1314520", "woaini1314", "qq123456",
        "a123456", "abc123", "password", "88888888", "666666", "147258369", "zxcvbnm", "1qaz2wsx", "qwe123",
        "admin123", "19900101", "iloveyou", "qwertyuiop", "PASSWORD", "Ｐａｓｓｗ０ｒｄ！", "zhang123456", "woaini520",
        "123qwe", "asdfghjkl", "q1w2e3r4", "1q2w3e4r5t", "zaq12wsx", "20001231", "abcd1234", " password "})
    void knowsTheWellKnownOnes(String password) {
        assertTrue(PasswordPolicy.isCommon(password), password);
        assertTrue(check(password).contains(PasswordPolicy.COMMON), password);
    }

    @Test
    void rarePasswordsAreNotCommon() {
        assertFalse(PasswordPolicy.isCommon(STRONG));
        assertFalse(PasswordPolicy.isCommon("N3w&Strong-Pass"));
        assertFalse(PasswordPolicy.isCommon(null));
    }

    @Test
    void theCommonRuleCanBeSwitchedOff() {
        assertEquals(List.of(), new PasswordPolicy(8, 128, 3, false, true).check("Passw0rd!", "reviewer.a"));
    }

    @Test
    void theListIsLargeLowerCaseUniqueAndClean() throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            assertNotNull(in, "the resource ships next to the class");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        }
        assertTrue(lines.size() >= 2_000, "entries: " + lines.size());
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            assertFalse(line.isBlank(), "no blank lines");
            assertEquals(line.strip(), line, "no surrounding spaces: " + line);
            assertEquals(line.toLowerCase(Locale.ROOT), line, "lower case: " + line);
            assertTrue(line.chars().noneMatch(Character::isISOControl), "no control characters: " + line);
            assertTrue(seen.add(line), "duplicate: " + line);
        }
        assertEquals(seen.size(), PasswordPolicy.commonPasswordCount());
    }

    @Test
    void theListLoadsOnceAndSafelyFromManyThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String password = i % 2 == 0 ? "Admin@123" : STRONG;
                tasks.add(() -> PasswordPolicy.isCommon(password));
            }
            List<Future<Boolean>> results = pool.invokeAll(tasks);
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i % 2 == 0, results.get(i).get(), "task " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- all together ---------------------------------------------------------------------------------------

    @Test
    void reportsEveryRuleThatFailsInAStableOrder() {
        assertEquals(List.of(PasswordPolicy.TOO_SHORT, PasswordPolicy.CLASSES, PasswordPolicy.EQUALS_USERNAME,
                PasswordPolicy.COMMON), codes(DEFAULTS.check("abc123", "abc123")));
        assertEquals(List.of(PasswordPolicy.CONTROL_CHARACTER, PasswordPolicy.CLASSES,
                PasswordPolicy.CONTAINS_USERNAME, PasswordPolicy.CONTAINS_ID_NUMBER, PasswordPolicy.CONTAINS_BIRTH_DATE,
                PasswordPolicy.CONTAINS_PERSONAL),
                codes(DEFAULTS.check("zhangsan\t19900307\t07123x\tweizhang", "zhangsan", ID, "weizhang")));
    }

    @Test
    void messagesAreBilingualAndNeverRepeatThePassword() {
        String password = "zhangsan19900307";
        List<Violation> violations = DEFAULTS.check(password, "zhangsan", ID, "13812345678");
        assertFalse(violations.isEmpty());
        for (Violation v : violations) {
            assertTrue(v.code().startsWith("password."), v.code());
            assertTrue(v.zh().codePoints().anyMatch(Character::isIdeographic), v.zh());
            assertTrue(v.en().chars().allMatch(c -> c < 0x80), v.en());
            assertFalse(v.zh().contains(password) || v.en().contains(password), v.toString());
            assertFalse(v.zh().contains("19900307") || v.en().contains("19900307"), v.toString());
        }
    }
}
