package org.zhicheng.identity.internal.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An 18-character resident ID number (公民身份号码, GB 11643-1999), checked and normalised. Applicants give it
 * when they register (CQ-APP-1) and on exam forms (FJ-2); it can be registered once (CQ-ORG-5), so equality is on
 * the normalised value; it is core data that applicants cannot change (GD-TITLE-8); photos and certificates are
 * matched by it (GD-PHOTO-2, GD-PHOTO-7).
 *
 * <p>Layout: six digits of the region where it was first issued, eight digits of birth date ({@code YYYYMMDD}),
 * three digits of sequence whose last one is odd for men and even for women, and an ISO 7064 MOD 11-2 check
 * character ({@code 0}–{@code 9} or {@code X}). Residence permits of Hong Kong, Macao and Taiwan residents use the
 * same layout with the region codes {@code 81}, {@code 82} and {@code 83}.
 *
 * <p>{@link #toString()} returns the {@linkplain #masked() masked} form, so a number never reaches a log in full;
 * call {@link #value()} where the full number is really needed.
 */
public final class ResidentIdNumber {

    /** Code: nothing was entered. */
    public static final String REQUIRED = "id-number.required";
    /** Code: a character other than a digit, or {@code X} elsewhere than in the last position. */
    public static final String CHARACTERS = "id-number.characters";
    /** Code: not 18 characters long. */
    public static final String LENGTH = "id-number.length";
    /** Code: the first two digits are not a province-level region code. */
    public static final String REGION = "id-number.region";
    /** Code: digits 7–14 are not a real calendar date. */
    public static final String BIRTH_DATE = "id-number.birth-date";
    /** Code: the birth date lies after today. */
    public static final String BIRTH_DATE_FUTURE = "id-number.birth-date-future";
    /** Code: the birth date lies before 1900-01-01. */
    public static final String BIRTH_DATE_TOO_EARLY = "id-number.birth-date-too-early";
    /** Code: the 18th character is not the ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static final String CHECK_DIGIT = "id-number.check-digit";
    /** Code ({@link #consistencyWith}): the separately entered birth date differs from the one in the number. */
    public static final String BIRTH_DATE_MISMATCH = "id-number.birth-date-mismatch";
    /** Code ({@link #consistencyWith}): the separately entered sex differs from the one in the number. */
    public static final String SEX_MISMATCH = "id-number.sex-mismatch";

    /** The length of a second-generation resident ID number. */
    public static final int LENGTH_18 = 18;

    /** Birth dates before this are refused as implausible. */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    /** Where "today" is taken by {@link #parse(String)}: the numbers are Chinese, so is their calendar day. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    /**
     * Province-level codes of GB/T 2260 plus 71 (Taiwan), 81 (Hong Kong), 82 (Macao) and 83 (residence permits of
     * Taiwan residents).
     */
    private static final Set<Integer> PROVINCES = Set.of(11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
            41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83);

    /** Sex as encoded by the 17th digit (odd for men, even for women), and as collected on forms (CQ-APP-1, FJ-2). */
    public enum Sex {
        /** 男: odd 17th digit. */
        MALE("男", "male"),
        /** 女: even 17th digit. */
        FEMALE("女", "female");

        private final String zh;
        private final String en;

        Sex(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        /** The Chinese label used in messages (CQ-APP-1). */
        public String zh() {
            return zh;
        }

        /** The English label used in messages (CQ-APP-1). */
        public String en() {
            return en;
        }
    }

    private final String value;
    private final LocalDate birthDate;

    private ResidentIdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * Parses a number as typed, taking "today" in China for the not-in-the-future rule (CQ-APP-1, FJ-2).
     *
     * @see #parse(String, LocalDate)
     */
    public static Parsed<ResidentIdNumber> parse(String raw) {
        return parse(raw, LocalDate.now(CHINA));
    }

    /**
     * Parses a number as typed (CQ-APP-1, FJ-2). It is first normalised: spaces anywhere (also the ideographic
     * space and invisible zero-width characters from copy and paste) are removed, full-width digits and
     * full-width {@code Ｘ}/{@code ｘ} become ASCII, and {@code x} becomes {@code X}. Then it must be 18
     * characters, 17 digits followed by a digit or {@code X}; when that holds, the region, birth date and check
     * character are all checked and every failure is reported.
     *
     * @param raw   the input; {@code null} counts as empty
     * @param today the current date, for the rule that a birth date cannot lie in the future
     */
    public static Parsed<ResidentIdNumber> parse(String raw, LocalDate today) {
        Objects.requireNonNull(today, "today");
        String value = normalise(raw);
        if (value.isEmpty()) {
            return new Parsed.Invalid<>(List.of(new Violation(REQUIRED, "请填写身份证号。",
                    "Please enter the resident ID number.")));
        }
        List<Violation> violations = new ArrayList<>();
        int length = value.codePointCount(0, value.length());
        List<Integer> badPositions = new ArrayList<>();
        int position = 0;
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            int c = value.codePointAt(i);
            position++;
            boolean digit = c >= '0' && c <= '9';
            boolean lastX = c == 'X' && position == LENGTH_18;
            if (!digit && !lastX) {
                badPositions.add(position);
            }
        }
        if (!badPositions.isEmpty()) {
            String zhList = badPositions.stream().map(String::valueOf).collect(Collectors.joining("、"));
            String enList = badPositions.stream().map(String::valueOf).collect(Collectors.joining(", "));
            violations.add(new Violation(CHARACTERS,
                    "身份证号第" + zhList + "位应为数字（只有第18位可以是 X），请核对。",
                    (badPositions.size() == 1 ? "Character " + enList + " of the ID number must be a digit"
                            : "Characters " + enList + " of the ID number must be digits")
                            + " (only the 18th may be X); please check the number."));
        }
        if (length != LENGTH_18) {
            boolean firstGeneration = length == 15 && badPositions.isEmpty();
            violations.add(new Violation(LENGTH,
                    "身份证号应为18位，当前为" + length + "位。"
                            + (firstGeneration ? "15位的是第一代身份证号码，请填写18位的第二代身份证号码。" : "请核对。"),
                    "A resident ID number has 18 characters; " + length + (length == 1 ? " was" : " were")
                            + " given. " + (firstGeneration
                                    ? "15-digit numbers come from first-generation ID cards; please enter the"
                                            + " 18-character number."
                                    : "Please check the number.")));
        }
        if (!violations.isEmpty()) {
            // Without the right shape the region, date and check positions mean nothing.
            return new Parsed.Invalid<>(violations);
        }

        String province = value.substring(0, 2);
        if (!PROVINCES.contains(Integer.parseInt(province))) {
            violations.add(new Violation(REGION,
                    "身份证号前两位“" + province + "”不是有效的省级行政区划代码，请核对。",
                    "The first two digits \"" + province + "\" of the ID number are not a valid province-level"
                            + " region code; please check the number."));
        }

        LocalDate birthDate = null;
        String digits = value.substring(6, 14);
        try {
            birthDate = LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)));
        } catch (DateTimeException e) {
            violations.add(new Violation(BIRTH_DATE,
                    "身份证号第7至14位的出生日期“" + digits + "”不是有效日期（年月日格式 YYYYMMDD），请核对。",
                    "Characters 7 to 14 of the ID number (\"" + digits + "\") are not a real birth date in the form"
                            + " YYYYMMDD; please check the number."));
        }
        if (birthDate != null && birthDate.isAfter(today)) {
            violations.add(new Violation(BIRTH_DATE_FUTURE,
                    "身份证号中的出生日期 " + birthDate + " 晚于今天，请核对。",
                    "The birth date in the ID number (" + birthDate + ") lies in the future; please check the"
                            + " number."));
        }
        if (birthDate != null && birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            violations.add(new Violation(BIRTH_DATE_TOO_EARLY,
                    "身份证号中的出生日期 " + birthDate + " 早于1900年1月1日，请核对。",
                    "The birth date in the ID number (" + birthDate + ") is before 1900-01-01; please check the"
                            + " number."));
        }

        char expected = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            violations.add(new Violation(CHECK_DIGIT,
                    "身份证号第18位校验码应为 " + expected + "，请核对（前17位有误也会导致校验码不符）。",
                    "The check digit (18th character) should be " + expected + "; please check the number (a"
                            + " mistake in the first 17 digits also makes the check digit wrong)."));
        }
        return violations.isEmpty() ? new Parsed.Valid<>(new ResidentIdNumber(value, birthDate))
                : new Parsed.Invalid<>(violations);
    }

    /** Whether {@code raw} is a valid number today in China (CQ-APP-1, FJ-2); see {@link #parse(String)}. */
    public static boolean isValid(String raw) {
        return parse(raw).isValid();
    }

    /** The normalised 18-character number, in full (GD-TITLE-8: core data). Never log it; log {@link #masked()}. */
    public String value() {
        return value;
    }

    /** The birth date encoded in characters 7–14 (CQ-APP-1). */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** The sex encoded in the 17th digit: odd for men, even for women (CQ-APP-1). */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** The six-digit code of the region where the number was first issued (GB/T 2260; CQ-APP-1). */
    public String regionCode() {
        return value.substring(0, 6);
    }

    /**
     * The number with only its first 3 and last 4 characters shown, such as {@code 110***********123X}: for roles
     * that may not see the full number (GD-CERT-5, FJ-8) and for logs.
     */
    public String masked() {
        return value.substring(0, 3) + "*".repeat(LENGTH_18 - 7) + value.substring(LENGTH_18 - 4);
    }

    /**
     * Compares the birth date and sex that were entered in their own fields with those encoded in the number
     * (CQ-APP-1 and FJ-2 collect all three). A {@code null} argument means "not entered" and is not compared.
     *
     * @return one violation per field that differs; empty when they agree
     */
    public List<Violation> consistencyWith(LocalDate birthDate, Sex sex) {
        List<Violation> violations = new ArrayList<>();
        if (birthDate != null && !birthDate.equals(this.birthDate)) {
            violations.add(new Violation(BIRTH_DATE_MISMATCH,
                    "填写的出生日期 " + birthDate + " 与身份证号中的出生日期 " + this.birthDate + " 不一致，请核对。",
                    "The birth date entered (" + birthDate + ") differs from the one in the ID number ("
                            + this.birthDate + "); please check both."));
        }
        if (sex != null && sex != sex()) {
            violations.add(new Violation(SEX_MISMATCH,
                    "填写的性别（" + sex.zh() + "）与身份证号第17位表示的性别（" + sex().zh() + "）不一致，请核对。",
                    "The sex entered (" + sex.en() + ") differs from the one encoded in the 17th digit of the ID"
                            + " number (" + sex().en() + "); please check both."));
        }
        return List.copyOf(violations);
    }

    /** Equal when the normalised numbers are equal (CQ-ORG-5: one registration per number). */
    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentIdNumber that && value.equals(that.value);
    }

    /** Consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The {@linkplain #masked() masked} number, never the full one, so logs cannot leak it. */
    @Override
    public String toString() {
        return masked();
    }

    /** ISO 7064 MOD 11-2 over the first 17 digits. */
    private static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || isInvisible(c)) {
                return;
            }
            if (c >= '０' && c <= '９') {
                out.append((char) ('0' + (c - '０')));
            } else if (c == 'x' || c == 'Ｘ' || c == 'ｘ') {
                out.append('X');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Zero-width characters that copy and paste from web pages and office documents bring along. */
    private static boolean isInvisible(int c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }
}
