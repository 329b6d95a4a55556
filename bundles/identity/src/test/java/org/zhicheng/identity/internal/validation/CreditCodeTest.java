package org.zhicheng.identity.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100 unified social credit codes of units (CQ-ORG-2, FJ-2, FJ-9). */
class CreditCodeTest {

    /** The 31 characters of GB 32100, typed out here independently of the implementation. */
    static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /**
     * Completes 16 characters with the GB 11714 organisation-code check character (17th) and the GB 32100 check
     * character (18th), derived from the standards rather than from the implementation: the organisation code
     * values letters by {@link Character#getNumericValue} (A = 10 ... Z = 35), the credit code by their place in
     * {@link #CHARS}, and the credit code's weights are computed as 3^i mod 31.
     */
    static String withChecks(String first16) {
        assertEquals(16, first16.length());
        int[] orgWeights = {3, 7, 9, 10, 5, 8, 4, 2};
        int orgSum = 0;
        for (int i = 0; i < 8; i++) {
            orgSum += Character.getNumericValue(first16.charAt(8 + i)) * orgWeights[i];
        }
        int org = 11 - orgSum % 11;
        String first17 = first16 + (org == 10 ? "X" : org == 11 ? "0" : Integer.toString(org));
        return first17 + overallCheck(first17);
    }

    static char overallCheck(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        return CHARS.charAt((31 - sum % 31) % 31);
    }

    static List<String> codes(Parsed<CreditCode> result) {
        return result.violations().stream().map(Violation::code).toList();
    }

    static Violation only(Parsed<CreditCode> result, String code) {
        assertFalse(result.isValid(), "expected " + code);
        assertEquals(List.of(code), codes(result), () -> result.violations().toString());
        return result.violations().get(0);
    }

    /**
     * Codes printed on real business licences and in public registers: the two the brief names, Huawei Technologies
     * Co., Ltd. (华为技术有限公司, 914403001922038216) and Alibaba (China) Co., Ltd. (阿里巴巴（中国）有限公司,
     * 91330100716105852F), and two Tencent companies. Each passes both check characters, which a mis-remembered
     * code would do only by a 1-in-341 chance.
     */
    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91110000802100433B", "914403001922038216", "91330100716105852F",
        "9144030071526726XG", "91440300708461136T"})
    void acceptsRealPublishedCodes(String raw) {
        Parsed<CreditCode> result = CreditCode.parse(raw);
        assertTrue(result.isValid(), () -> result.violations().toString());
        assertEquals(raw, result.orElseThrow().value());
        assertEquals(raw, withChecks(raw.substring(0, 16)), "the test's own algorithm agrees");
    }

    @Test
    void exposesTheParts() {
        CreditCode code = CreditCode.parse("91350100M000100Y43").orElseThrow();
        assertEquals("91350100M000100Y43", code.value());
        assertEquals('9', code.registrationAuthority());
        assertEquals('1', code.organisationType());
        assertEquals("350100", code.regionCode());
        assertEquals("M000100Y4", code.organisationCode());
    }

    @Test
    void toStringIsTheFullCodeBecauseCodesArePublic() {
        assertEquals("91110000802100433B", CreditCode.parse("91110000802100433B").orElseThrow().toString());
    }

    @ParameterizedTest
    @CsvSource({
        // authority + type + region + organisation code body: units as they appear in the seeds
        "1250000045038119, 事业单位 (public institution: a hospital in Chongqing)",
        "1144000000000001, 机关 (government body: a provincial commission in Guangdong)",
        "1335000012345678, 中央编办直接管理机构编制的群众团体",
        "1935020099999999, 机构编制 其他",
        "5244030068432501, 民办非企业单位 (private non-enterprise unit: a private hospital)",
        "5150010012345678, 社会团体 (association)",
        "5311000050000001, 基金会 (foundation)",
        "5935010012345678, 民政 其他",
        "9144010061234567, 企业 (enterprise)",
        "92350102L1234567, 个体工商户 (individual business, body with a letter)",
        "9335070057654321, 农民专业合作社",
        "Y1440300ABCDEFGH, 其他 (body of letters)",
        "2111000012345678, 外交 (any type accepted)",
        "3150010012345678, 司法行政",
        "3950010012345678, 司法行政 other type",
        "4111000012345678, 文化",
        "6211000012345678, 旅游",
        "7135010012345678, 宗教",
        "8144030012345678, 工会",
        "A111000012345678, 中央军委改革和编制办公室",
        "N250010012345678, 农业 (collective economic organisation)",
        "NQ50010012345678, 农业 with a type not in the 2015 list: accepted rather than wrongly refused",
    })
    void acceptsGeneratedCodesOfEveryAuthority(String first16, String what) {
        String raw = withChecks(first16);
        Parsed<CreditCode> result = CreditCode.parse(raw);
        assertTrue(result.isValid(), () -> what + " " + raw + " " + result.violations());
    }

    @Test
    void organisationCheckCanBeXOrZero() {
        // 11 - sum mod 11 is 10 (written X) or 11 (written 0) for some bodies; find one of each.
        boolean x = false;
        boolean zero = false;
        for (int n = 0; n < 1_000 && !(x && zero); n++) {
            String raw = withChecks(String.format("91110000%08d", n));
            x |= raw.charAt(16) == 'X' && CreditCode.isValid(raw);
            zero |= raw.charAt(16) == '0' && CreditCode.isValid(raw);
        }
        assertTrue(x, "a valid code whose organisation check is X");
        assertTrue(zero, "a valid code whose organisation check is 0");
    }

    @Test
    void overallCheckCanBeZero() {
        // Search for a code whose weighted sum is a multiple of 31, where "31 becomes 0" matters.
        for (int n = 0; n < 10_000; n++) {
            String raw = withChecks(String.format("91440300%08d", n));
            if (raw.charAt(17) == '0') {
                assertTrue(CreditCode.isValid(raw), raw);
                return;
            }
        }
        throw new AssertionError("no code with check character 0 found");
    }

    @Test
    void normalisesCaseWidthAndSpaces() {
        assertEquals("91350100M000100Y43", CreditCode.parse("91350100m000100y43").orElseThrow().value());
        assertEquals("91350100M000100Y43", CreditCode.parse("９１３５０１００Ｍ０００１００Ｙ４３").orElseThrow().value());
        assertEquals("91350100M000100Y43", CreditCode.parse("９１３５０１００ｍ０００１００ｙ４３").orElseThrow().value());
        assertEquals("91350100M000100Y43", CreditCode.parse("  9135 0100 M000 100Y 43\t").orElseThrow().value());
        assertEquals("91350100M000100Y43", CreditCode.parse("\u300091350100M000100Y43\u200b").orElseThrow().value());
    }

    @Test
    void equalityIsOnTheNormalisedValue() {
        CreditCode a = CreditCode.parse("91350100M000100Y43").orElseThrow();
        CreditCode b = CreditCode.parse(" 91350100m000100y43 ").orElseThrow();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, CreditCode.parse("91110000802100433B").orElseThrow());
        assertNotEquals(a, "91350100M000100Y43");
    }

    @Test
    void isValidConvenience() {
        assertTrue(CreditCode.isValid("91110000802100433B"));
        assertFalse(CreditCode.isValid("91110000802100433C"));
        assertFalse(CreditCode.isValid(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\u3000"})
    void requiresACode(String raw) {
        Violation v = only(CreditCode.parse(raw), CreditCode.REQUIRED);
        assertTrue(v.zh().contains("统一社会信用代码"));
        only(CreditCode.parse(null), CreditCode.REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8, 16, 17, 19, 20})
    void saysHowManyCharactersWereGiven(int length) {
        String raw = ("91350100M000100Y43" + "12").substring(0, length);
        Violation v = only(CreditCode.parse(raw), CreditCode.LENGTH);
        assertTrue(v.zh().contains("当前为" + length + "位"), v.zh());
        assertTrue(v.en().contains(length + (length == 1 ? " was" : " were") + " given"), v.en());
    }

    @Test
    void recognisesAnOldRegistrationNumber() {
        Violation v = only(CreditCode.parse("350100100012345"), CreditCode.LENGTH);
        assertTrue(v.zh().contains("工商注册号"), v.zh());
        assertTrue(v.en().contains("business registration number"), v.en());
    }

    @Test
    void recognisesAnOrganisationCode() {
        Violation v = only(CreditCode.parse("M000100Y4"), CreditCode.LENGTH);
        assertTrue(v.zh().contains("组织机构代码"), v.zh());
        assertTrue(v.en().contains("organisation code"), v.en());

        Parsed<CreditCode> withHyphen = CreditCode.parse("M000100Y-4");
        assertEquals(List.of(CreditCode.CHARACTERS, CreditCode.LENGTH), codes(withHyphen));
        assertTrue(withHyphen.violations().get(1).zh().contains("组织机构代码"));
    }

    @ParameterizedTest
    @CsvSource({
        "91350100MOOO100Y43, 10, O",
        "91350100M000100I43, 16, I",
        "9135010OM000100Y43, 8, O",
        "S1350100M000100Y43, 1, S",
        "9Z350100M000100Y43, 2, Z",
        "91350100M000100V43, 16, V",
    })
    void refusesConfusableLettersAndExplainsWhy(String raw, int position, String letter) {
        Violation v = only(CreditCode.parse(raw), CreditCode.CHARACTERS);
        assertTrue(v.zh().contains("第" + position + "位“" + letter + "”"), v.zh());
        assertTrue(v.en().contains("character " + position + " (\"" + letter + "\")"), v.en());
        assertTrue(v.zh().contains("I、O、S、V、Z"), v.zh());
        boolean hint = !letter.equals("V");
        assertEquals(hint, v.zh().contains("误写成字母"), v.zh());
        assertEquals(hint, v.en().contains("were typed as the letters"), v.en());
    }

    @Test
    void refusesOtherCharactersAndNamesEachOne() {
        Violation v = only(CreditCode.parse("913501-0M000100Y4#"), CreditCode.CHARACTERS);
        assertTrue(v.zh().contains("第7位“-”、第18位“#”"), v.zh());
        assertTrue(v.en().contains("character 7 (\"-\"), character 18 (\"#\") are not allowed"), v.en());
        assertFalse(v.zh().contains("误写成字母"), "no letter hint for punctuation");

        Violation chinese = only(CreditCode.parse("91350100M000100Y4号"), CreditCode.CHARACTERS);
        assertTrue(chinese.zh().contains("第18位“号”"), chinese.zh());
    }

    @Test
    void reportsBadCharactersAndLengthTogether() {
        assertEquals(List.of(CreditCode.CHARACTERS, CreditCode.LENGTH), codes(CreditCode.parse("91350100M0O0100Y4")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "P", "Q", "R", "T", "U", "W",
        "X"})
    void refusesUnknownRegistrationAuthorities(String authority) {
        Violation v = only(CreditCode.parse(withChecks(authority + "135010012345678")), CreditCode.AUTHORITY);
        assertTrue(v.zh().contains("第1位“" + authority + "”"), v.zh());
        assertTrue(v.en().contains("1 to 9, A, N or Y"), v.en());
    }

    @ParameterizedTest
    @CsvSource({
        "1, 4, '1、2、3、9'",
        "1, A, '1、2、3、9'",
        "5, 4, '1、2、3、9'",
        "5, 0, '1、2、3、9'",
        "9, 4, '1、2、3'",
        "9, 9, '1、2、3'",
        "Y, 2, '1'",
        "Y, 9, '1'",
    })
    void refusesOrganisationTypesTheAuthorityDoesNotHave(String authority, String type, String expected) {
        Violation v = only(CreditCode.parse(withChecks(authority + type + "35010012345678")),
                CreditCode.ORGANISATION_TYPE);
        assertTrue(v.zh().contains("“" + type + "”") && v.zh().contains("“" + authority + "”"), v.zh());
        assertTrue(v.zh().contains("应为" + expected + "之一"), v.zh());
        assertTrue(v.en().contains("should be one of " + expected.replace("、", ", ")), v.en());
    }

    @ParameterizedTest
    @ValueSource(strings = {"91A50100M000100Y", "913501L0M000100Y", "91YYYYYY12345678"})
    void refusesARegionCodeThatIsNotSixDigits(String first16) {
        Violation v = only(CreditCode.parse(withChecks(first16)), CreditCode.REGION);
        assertTrue(v.zh().contains(first16.substring(2, 8)), v.zh());
        assertTrue(v.en().contains("six digits"), v.en());
    }

    @Test
    void saysWhichOrganisationCheckCharacterIsExpected() {
        // 17th character changed from 4 to 5, the 18th recomputed so that only the embedded check fails.
        String first17 = "91350100M000100Y5";
        String raw = first17 + overallCheck(first17);
        Violation v = only(CreditCode.parse(raw), CreditCode.ORGANISATION_CHECK);
        assertTrue(v.zh().contains("第17位（组织机构代码的校验码）应为 4"), v.zh());
        assertTrue(v.en().contains("should be 4; please check characters 9 to 17"), v.en());
    }

    @Test
    void saysWhichCheckCharacterIsExpected() {
        Violation v = only(CreditCode.parse("91350100M000100Y44"), CreditCode.CHECK_CHARACTER);
        assertTrue(v.zh().contains("第18位校验码应为 3"), v.zh());
        assertTrue(v.en().contains("should be 3"), v.en());

        Violation b = only(CreditCode.parse("91110000802100433C"), CreditCode.CHECK_CHARACTER);
        assertTrue(b.zh().contains("应为 B"), b.zh());
    }

    @Test
    void reportsEveryStructuralProblemAtOnce() {
        // Unknown authority, a letter in the region and both checks wrong.
        Parsed<CreditCode> result = CreditCode.parse("B1A50100M000100Y5X");
        assertEquals(List.of(CreditCode.AUTHORITY, CreditCode.REGION, CreditCode.ORGANISATION_CHECK,
                CreditCode.CHECK_CHARACTER), codes(result));
        Parsed<CreditCode> typeToo = CreditCode.parse("94A50100M000100Y5X");
        assertEquals(List.of(CreditCode.ORGANISATION_TYPE, CreditCode.REGION, CreditCode.ORGANISATION_CHECK,
                CreditCode.CHECK_CHARACTER), codes(typeToo));
    }

    @Test
    void catchesEverySingleCharacterTypo() {
        String valid = "91350100M000100Y43";
        for (int i = 0; i < 18; i++) {
            for (char c : CHARS.toCharArray()) {
                if (c == valid.charAt(i)) {
                    continue;
                }
                String typo = valid.substring(0, i) + c + valid.substring(i + 1);
                assertFalse(CreditCode.isValid(typo), typo);
            }
        }
    }

    @Test
    void everyMessageIsBilingual() {
        List<String> inputs = List.of("", "9135", "91350100MOOO100Y43", "B1A50100M000100Y5X", "94350100M000100Y43");
        for (String raw : inputs) {
            for (Violation v : CreditCode.parse(raw).violations()) {
                assertTrue(v.code().startsWith("credit-code."), v.code());
                assertTrue(v.zh().codePoints().anyMatch(Character::isIdeographic), v.zh());
                assertTrue(v.en().chars().allMatch(c -> c < 0x80), v.en());
            }
        }
    }

    @Test
    void orElseThrowNamesTheCodes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CreditCode.parse("91350100M000100Y44").orElseThrow());
        assertTrue(e.getMessage().contains(CreditCode.CHECK_CHARACTER), e.getMessage());
        assertTrue(CreditCode.parse("91350100M000100Y44") instanceof Parsed.Invalid);
        assertThrows(IllegalArgumentException.class, () -> new Parsed.Invalid<>(List.of()));
    }
}
