package org.zhicheng.identity.internal.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhicheng.identity.internal.validation.ResidentIdNumber.Sex;

/** GB 11643 resident ID numbers as applicants type them (CQ-APP-1, FJ-2, CQ-ORG-5, GD-TITLE-8). */
public class ResidentIdNumberTest {

    /** A fixed "today" so that the not-in-the-future rule is deterministic. */
    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    /** The example printed in GB 11643-1999 itself; its check character X was also verified by hand. */
    static final String STANDARD_EXAMPLE = "11010519491231002X";

    /**
     * Fictional numbers whose check characters were computed by hand (weighted sums 244, 180 and 285, mod 11 = 2,
     * 4 and 10, giving X, 8 and 2).
     */
    static final String SHENZHEN_MAN_1990 = "44030419900307123X";
    static final String CHONGQING_MAN_1985 = "500103198511200418";
    static final String FUZHOU_WOMAN_1992 = "350102199208150622";

    /**
     * Completes 17 digits with their ISO 7064 MOD 11-2 check character, derived from the definition rather than
     * copied from the implementation: the weight of a digit is 2^(n-1) mod 11 where n is its position counted
     * from the right (the check character being position 1), and the check value a makes the whole weighted sum
     * congruent to 1 mod 11; a value of 10 is written X.
     */
    public static String withCheck(String first17) {
        assertEquals(17, first17.length());
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = 1;
            for (int k = 0; k < 17 - i; k++) {
                weight = weight * 2 % 11;
            }
            sum += (first17.charAt(i) - '0') * weight;
        }
        int check = ((1 - sum) % 11 + 11) % 11;
        return first17 + (check == 10 ? "X" : Integer.toString(check));
    }

    static Parsed<ResidentIdNumber> parse(String raw) {
        return ResidentIdNumber.parse(raw, TODAY);
    }

    static List<String> codes(Parsed<ResidentIdNumber> result) {
        return result.violations().stream().map(Violation::code).toList();
    }

    static Violation only(Parsed<ResidentIdNumber> result, String code) {
        assertFalse(result.isValid(), "expected " + code);
        assertEquals(List.of(code), codes(result), () -> result.violations().toString());
        return result.violations().get(0);
    }

    static String wrongCheck(String valid) {
        char last = valid.charAt(17);
        return valid.substring(0, 17) + (last == '0' ? '1' : last == 'X' ? '0' : 'X');
    }

    @Test
    void helperAgreesWithTheHandComputedLiterals() {
        assertEquals(STANDARD_EXAMPLE, withCheck(STANDARD_EXAMPLE.substring(0, 17)));
        assertEquals(SHENZHEN_MAN_1990, withCheck(SHENZHEN_MAN_1990.substring(0, 17)));
        assertEquals(CHONGQING_MAN_1985, withCheck(CHONGQING_MAN_1985.substring(0, 17)));
        assertEquals(FUZHOU_WOMAN_1992, withCheck(FUZHOU_WOMAN_1992.substring(0, 17)));
    }

    @Test
    void parsesTheStandardsExample() {
        Parsed<ResidentIdNumber> result = parse(STANDARD_EXAMPLE);
        assertTrue(result.isValid(), () -> result.violations().toString());
        assertTrue(result instanceof Parsed.Valid);
        assertEquals(List.of(), result.violations());
        ResidentIdNumber id = result.orElseThrow();
        assertEquals(STANDARD_EXAMPLE, id.value());
        assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
        assertEquals(Sex.FEMALE, id.sex());
        assertEquals("110105", id.regionCode());
        assertEquals("110***********002X", id.masked());
    }

    @ParameterizedTest
    @CsvSource({
        "44030419900307123X, 1990-03-07, MALE, 440304",
        "500103198511200418, 1985-11-20, MALE, 500103",
        "350102199208150622, 1992-08-15, FEMALE, 350102",
    })
    void parsesHandComputedNumbers(String raw, LocalDate birthDate, Sex sex, String region) {
        ResidentIdNumber id = parse(raw).orElseThrow();
        assertEquals(raw, id.value());
        assertEquals(birthDate, id.birthDate());
        assertEquals(sex, id.sex());
        assertEquals(region, id.regionCode());
    }

    @Test
    void theSeventeenthDigitGivesTheSex() {
        for (int d = 0; d <= 9; d++) {
            ResidentIdNumber id = parse(withCheck("3201021988010512" + d)).orElseThrow();
            assertEquals(d % 2 == 1 ? Sex.MALE : Sex.FEMALE, id.sex(), "17th digit " + d);
        }
    }

    @Test
    void toStringIsMaskedAndNeverTheFullNumber() {
        ResidentIdNumber id = parse(SHENZHEN_MAN_1990).orElseThrow();
        assertEquals("440***********123X", id.masked());
        assertEquals(id.masked(), id.toString());
        assertEquals(18, id.masked().length());
        assertFalse(id.toString().contains("19900307"));
        assertFalse(String.valueOf(id).contains(SHENZHEN_MAN_1990));
        assertFalse(parse(SHENZHEN_MAN_1990).toString().contains(SHENZHEN_MAN_1990),
                "the result's own toString goes through the masked toString too");
    }

    @Test
    void normalisesFullWidthDigitsAndX() {
        String fullWidth = "１１０１０５１９４９１２３１００２Ｘ";
        assertEquals(STANDARD_EXAMPLE, parse(fullWidth).orElseThrow().value());
        assertEquals(STANDARD_EXAMPLE, parse("１１０１０５１９４９１２３１００２ｘ").orElseThrow().value());
    }

    @Test
    void normalisesLowerCaseX() {
        assertEquals(STANDARD_EXAMPLE, parse("11010519491231002x").orElseThrow().value());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "  11010519491231002X  ",
        "110105 19491231 002X",
        "110 105 1949 1231 002 x",
        "\t11010519491231002X\n",
        "\u3000110105\u300019491231002X\u3000",
        "110105\u00a019491231002X",
        "\u200b11010519491231002X\ufeff",
    })
    void removesSpacesAnywhere(String raw) {
        assertEquals(STANDARD_EXAMPLE, parse(raw).orElseThrow().value());
    }

    @Test
    void equalityIsOnTheNormalisedValue() {
        ResidentIdNumber a = parse(STANDARD_EXAMPLE).orElseThrow();
        ResidentIdNumber b = parse(" １１０１０５ １９４９１２３１ ００２x ").orElseThrow();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, parse(SHENZHEN_MAN_1990).orElseThrow());
        assertNotEquals(a, STANDARD_EXAMPLE, "a number is not equal to its string");
    }

    @Test
    void isValidConvenienceUsesTheRealClock() {
        assertTrue(ResidentIdNumber.isValid(STANDARD_EXAMPLE));
        assertTrue(ResidentIdNumber.isValid("11010519491231002x"));
        assertFalse(ResidentIdNumber.isValid(wrongCheck(STANDARD_EXAMPLE)));
        assertFalse(ResidentIdNumber.isValid(null));
        assertTrue(ResidentIdNumber.parse(CHONGQING_MAN_1985).isValid());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u3000\t "})
    void requiresANumber(String raw) {
        Violation v = only(parse(raw), ResidentIdNumber.REQUIRED);
        assertTrue(v.zh().contains("身份证号"));
    }

    @Test
    void nullCountsAsEmpty() {
        only(parse(null), ResidentIdNumber.REQUIRED);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 17, 19, 20})
    void saysHowManyCharactersWereGiven(int length) {
        String raw = (STANDARD_EXAMPLE.substring(0, 17) + "1234").substring(0, Math.min(length, 21));
        Violation v = only(parse(raw), ResidentIdNumber.LENGTH);
        assertTrue(v.zh().contains("当前为" + length + "位"), v.zh());
        assertTrue(v.en().contains(length + (length == 1 ? " was" : " were") + " given"), v.en());
    }

    @Test
    void pointsFifteenDigitNumbersToTheSecondGeneration() {
        Violation v = only(parse("110105491231002"), ResidentIdNumber.LENGTH);
        assertTrue(v.zh().contains("15位的是第一代身份证号码"), v.zh());
        assertTrue(v.en().contains("first-generation"), v.en());
    }

    @Test
    void namesThePositionsThatAreNotDigits() {
        Violation v = only(parse("1101A519491231002X"), ResidentIdNumber.CHARACTERS);
        assertTrue(v.zh().contains("第5位"), v.zh());
        assertTrue(v.en().startsWith("Character 5 "), v.en());

        Violation two = only(parse("110105X9491231-02X"), ResidentIdNumber.CHARACTERS);
        assertTrue(two.zh().contains("第7、15位"), two.zh());
        assertTrue(two.en().startsWith("Characters 7, 15 "), two.en());
    }

    @Test
    void xIsOnlyAllowedLast() {
        Violation v = only(parse("11010519491231002X".substring(0, 16) + "X2"), ResidentIdNumber.CHARACTERS);
        assertTrue(v.zh().contains("第17位"), v.zh());
    }

    @Test
    void reportsBadCharactersAndLengthTogether() {
        Parsed<ResidentIdNumber> result = parse("11010519491231O02");
        assertEquals(List.of(ResidentIdNumber.CHARACTERS, ResidentIdNumber.LENGTH), codes(result));
    }

    @Test
    void doesNotStripHyphens() {
        assertEquals(List.of(ResidentIdNumber.CHARACTERS, ResidentIdNumber.LENGTH),
                codes(parse("110105-19491231-002X")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81",
        "82", "83"})
    void acceptsEveryProvinceLevelCode(String province) {
        ResidentIdNumber id = parse(withCheck(province + "010219800101001")).orElseThrow();
        assertEquals(province + "0102", id.regionCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "10", "16", "20", "24", "30", "38", "40", "47", "49", "55", "60", "66", "70", "72",
        "80", "84", "90", "91", "99"})
    void refusesOtherRegionCodes(String province) {
        Violation v = only(parse(withCheck(province + "010219800101001")), ResidentIdNumber.REGION);
        assertTrue(v.zh().contains("“" + province + "”"), v.zh());
        assertTrue(v.en().contains("\"" + province + "\""), v.en());
    }

    @ParameterizedTest
    @ValueSource(strings = {"19900230", "19900001", "19901301", "19900100", "19900431", "20250229", "19000229",
        "00000000"})
    void refusesDatesThatDoNotExist(String date) {
        Parsed<ResidentIdNumber> result = parse(withCheck("440304" + date + "123"));
        Violation v = result.violations().get(0);
        assertEquals(ResidentIdNumber.BIRTH_DATE, v.code());
        assertEquals(List.of(ResidentIdNumber.BIRTH_DATE), codes(result));
        assertTrue(v.zh().contains(date), v.zh());
        assertTrue(v.en().contains("YYYYMMDD"), v.en());
    }

    @Test
    void acceptsLeapDays() {
        assertEquals(LocalDate.of(2000, 2, 29), parse(withCheck("44030420000229123")).orElseThrow().birthDate());
        assertEquals(LocalDate.of(1996, 2, 29), parse(withCheck("44030419960229123")).orElseThrow().birthDate());
    }

    @Test
    void refusesBirthDatesInTheFuture() {
        assertTrue(parse(withCheck("44030420260301123")).isValid(), "born today");
        Violation v = only(parse(withCheck("44030420260302123")), ResidentIdNumber.BIRTH_DATE_FUTURE);
        assertTrue(v.zh().contains("2026-03-02"), v.zh());
        assertTrue(v.en().contains("future"), v.en());
        assertTrue(ResidentIdNumber.parse(withCheck("44030420260302123"), LocalDate.of(2026, 3, 2)).isValid(),
                "the clock hook decides what the future is");
    }

    @Test
    void refusesBirthDatesBefore1900() {
        assertTrue(parse(withCheck("11010519000101002")).isValid(), "1900-01-01 is the earliest");
        Violation v = only(parse(withCheck("11010518991231002")), ResidentIdNumber.BIRTH_DATE_TOO_EARLY);
        assertTrue(v.zh().contains("1899-12-31"), v.zh());
        assertTrue(v.en().contains("1900-01-01"), v.en());
    }

    @Test
    void saysWhichCheckCharacterIsExpected() {
        Violation v = only(parse("11010519491231002X".substring(0, 17) + "5"), ResidentIdNumber.CHECK_DIGIT);
        assertTrue(v.zh().startsWith("身份证号第18位校验码应为 X，请核对"), v.zh());
        assertTrue(v.en().startsWith("The check digit (18th character) should be X; please check the number"),
                v.en());

        Violation eight = only(parse(CHONGQING_MAN_1985.substring(0, 17) + "X"), ResidentIdNumber.CHECK_DIGIT);
        assertTrue(eight.zh().contains("应为 8"), eight.zh());
    }

    @Test
    void aSwappedPairOfDigitsIsCaught() {
        String swapped = "44030419900370123X";
        Parsed<ResidentIdNumber> result = parse(swapped);
        assertTrue(codes(result).contains(ResidentIdNumber.BIRTH_DATE));
        assertTrue(codes(result).contains(ResidentIdNumber.CHECK_DIGIT));
    }

    @Test
    void reportsRegionDateAndCheckTogether() {
        Parsed<ResidentIdNumber> result = parse("99010519491331002X");
        assertEquals(List.of(ResidentIdNumber.REGION, ResidentIdNumber.BIRTH_DATE, ResidentIdNumber.CHECK_DIGIT),
                codes(result));
    }

    @Test
    void everyMessageIsBilingualAndNeverContainsTheNumber() {
        List<String> inputs = List.of("", "1101", "1101A519491231002X", withCheck("99010219800101001"),
                withCheck("44030419900230123"), withCheck("44030420300101123"), withCheck("44030418000101123"),
                wrongCheck(SHENZHEN_MAN_1990));
        for (String raw : inputs) {
            Parsed<ResidentIdNumber> result = parse(raw);
            assertFalse(result.isValid(), raw);
            for (Violation v : result.violations()) {
                assertTrue(v.code().startsWith("id-number."), v.code());
                assertTrue(v.zh().codePoints().anyMatch(Character::isIdeographic), v.zh());
                assertTrue(v.en().chars().allMatch(c -> c < 0x80), v.en());
                if (raw.length() == 18) {
                    assertFalse(v.zh().contains(raw) || v.en().contains(raw), v.toString());
                }
            }
        }
    }

    @Test
    void orElseThrowNamesTheCodesButNotTheNumber() {
        String bad = wrongCheck(SHENZHEN_MAN_1990);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(bad).orElseThrow());
        assertTrue(e.getMessage().contains(ResidentIdNumber.CHECK_DIGIT), e.getMessage());
        assertFalse(e.getMessage().contains(bad), e.getMessage());
        assertTrue(parse(bad).toOptional().isEmpty());
        assertTrue(parse(bad) instanceof Parsed.Invalid);
    }

    @Test
    void anInvalidResultHasAtLeastOneViolation() {
        assertThrows(IllegalArgumentException.class, () -> new Parsed.Invalid<>(List.of()));
        assertThrows(NullPointerException.class, () -> new Parsed.Valid<>(null));
    }

    @Test
    void agreesWithTheSeparatelyEnteredBirthDateAndSex() {
        ResidentIdNumber id = parse(FUZHOU_WOMAN_1992).orElseThrow();
        assertEquals(List.of(), id.consistencyWith(LocalDate.of(1992, 8, 15), Sex.FEMALE));
        assertEquals(List.of(), id.consistencyWith(null, null), "nothing entered, nothing to compare");
    }

    @Test
    void reportsABirthDateThatDiffers() {
        ResidentIdNumber id = parse(FUZHOU_WOMAN_1992).orElseThrow();
        List<Violation> violations = id.consistencyWith(LocalDate.of(1992, 5, 18), Sex.FEMALE);
        assertEquals(1, violations.size());
        Violation v = violations.get(0);
        assertEquals(ResidentIdNumber.BIRTH_DATE_MISMATCH, v.code());
        assertTrue(v.zh().contains("1992-05-18") && v.zh().contains("1992-08-15"), v.zh());
        assertTrue(v.en().contains("1992-05-18") && v.en().contains("1992-08-15"), v.en());
    }

    @Test
    void reportsASexThatDiffers() {
        ResidentIdNumber id = parse(CHONGQING_MAN_1985).orElseThrow();
        List<Violation> violations = id.consistencyWith(null, Sex.FEMALE);
        assertEquals(1, violations.size());
        Violation v = violations.get(0);
        assertEquals(ResidentIdNumber.SEX_MISMATCH, v.code());
        assertTrue(v.zh().contains("（女）") && v.zh().contains("（男）"), v.zh());
        assertTrue(v.en().contains("(female)") && v.en().contains("(male)"), v.en());
    }

    @Test
    void reportsBothDifferences() {
        ResidentIdNumber id = parse(CHONGQING_MAN_1985).orElseThrow();
        assertEquals(List.of(ResidentIdNumber.BIRTH_DATE_MISMATCH, ResidentIdNumber.SEX_MISMATCH),
                id.consistencyWith(LocalDate.of(1985, 11, 21), Sex.FEMALE).stream().map(Violation::code).toList());
    }

    @Test
    void manyGeneratedNumbersRoundTrip() {
        IntStream.range(0, 400).forEach(i -> {
            String first17 = String.format("5001%02d%04d%02d%02d%03d", i % 40, 1950 + i % 70, 1 + i % 12,
                    1 + i % 28, i);
            String raw = withCheck(first17);
            Parsed<ResidentIdNumber> result = parse(raw);
            assertTrue(result.isValid(), () -> raw + " " + result.violations());
            assertFalse(parse(wrongCheck(raw)).isValid(), raw);
        });
    }
}
