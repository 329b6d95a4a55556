package org.zhicheng.identity.internal.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An 18-character unified social credit code (统一社会信用代码, GB 32100-2015) of an organisation, checked and
 * normalised. It identifies employer units and competent departments when they register or are added (CQ-ORG-2,
 * FJ-2, FJ-9); the seeds do not name it, but every Chinese organisation has one and it is how units are told
 * apart when two have similar names.
 *
 * <p>Layout: registration authority (1st character), organisation type (2nd), six-digit administrative region
 * code of the registering authority (3rd–8th, GB/T 2260), organisation code (9th–17th, GB 11714, with its own
 * MOD 11 check character in the 17th) and the overall MOD 31 check character (18th). The alphabet is the digits
 * and the capital letters without I, O, S, V and Z.
 *
 * <p>Registration authorities and organisation types: the first character must be one the standard and its
 * amendments define ({@code 1}–{@code 9}, {@code A}, {@code N}, {@code Y}). The second character is checked only
 * where the list of types is certain and complete: {@code 1} (机构编制: 1, 2, 3, 9), {@code 5} (民政: 1, 2, 3, 9),
 * {@code 9} (工商/市场监管: 1, 2, 3) and {@code Y} (其他: 1). For the other authorities (2 外交, 3 司法行政, 4 文化,
 * 6 旅游, 7 宗教, 8 工会, A 中央军委改革和编制办公室, N 农业), whose type lists have been extended by amendments,
 * any character of the alphabet is accepted rather than wrongly refusing a real code; both check characters still
 * catch typing mistakes there.
 *
 * <p>Credit codes are public data, so {@link #toString()} returns the full code.
 */
public final class CreditCode {

    /** Code: nothing was entered. */
    public static final String REQUIRED = "credit-code.required";
    /** Code: not 18 characters long. */
    public static final String LENGTH = "credit-code.length";
    /** Code: a character outside the code's alphabet. */
    public static final String CHARACTERS = "credit-code.characters";
    /** Code: the 1st character is not a registration authority code. */
    public static final String AUTHORITY = "credit-code.authority";
    /** Code: the 2nd character is not an organisation type of that registration authority. */
    public static final String ORGANISATION_TYPE = "credit-code.organisation-type";
    /** Code: characters 3–8 are not six digits. */
    public static final String REGION = "credit-code.region";
    /** Code: the 17th character is not the GB 11714 check character of characters 9–16. */
    public static final String ORGANISATION_CHECK = "credit-code.organisation-check";
    /** Code: the 18th character is not the GB 32100 check character of the first 17. */
    public static final String CHECK_CHARACTER = "credit-code.check-character";

    /** The length of a unified social credit code. */
    public static final int LENGTH_18 = 18;

    /** The 31 characters of the code, in the order of their values 0–30. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** 3^i mod 31 for i = 0..16. */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /** GB 11714 weights of the eight body characters of the organisation code. */
    private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private static final Set<Character> AUTHORITIES = Set.of('1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'N',
            'Y');

    /** The authorities whose organisation types are checked, with the types GB 32100 lists for them. */
    private static final Map<Character, String> CHECKED_TYPES = Map.of('1', "1239", '5', "1239", '9', "123", 'Y', "1");

    /** Names used in messages for the authorities whose types are checked. */
    private static final Map<Character, String[]> AUTHORITY_NAMES = Map.of(
            '1', new String[] {"机构编制", "staffing administration"},
            '5', new String[] {"民政", "civil affairs"},
            '9', new String[] {"工商（市场监管）", "market regulation"},
            'Y', new String[] {"其他", "other"});

    private final String value;

    private CreditCode(String value) {
        this.value = value;
    }

    /**
     * Parses a code as typed (CQ-ORG-2, FJ-9). It is first normalised: spaces anywhere (also the ideographic space
     * and zero-width characters from copy and paste) are removed, full-width digits and letters become ASCII, and
     * letters become upper case. Then it must be 18 characters of the alphabet; when that holds, the registration
     * authority, organisation type, region code and both check characters are all checked and every failure is
     * reported.
     *
     * @param raw the input; {@code null} counts as empty
     */
    public static Parsed<CreditCode> parse(String raw) {
        String value = normalise(raw);
        if (value.isEmpty()) {
            return new Parsed.Invalid<>(List.of(new Violation(REQUIRED, "请填写统一社会信用代码。",
                    "Please enter the unified social credit code.")));
        }
        List<Violation> violations = new ArrayList<>();
        int length = value.codePointCount(0, value.length());
        List<String> zhBad = new ArrayList<>();
        List<String> enBad = new ArrayList<>();
        boolean confusable = false;
        int position = 0;
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            int c = value.codePointAt(i);
            position++;
            if (c > 0x7F || ALPHABET.indexOf(c) < 0) {
                String shown = Character.isISOControl(c) ? String.format("U+%04X", c) : Character.toString(c);
                zhBad.add("第" + position + "位“" + shown + "”");
                enBad.add("character " + position + " (\"" + shown + "\")");
                // V resembles no digit, so it gets no hint.
                confusable |= c == 'I' || c == 'O' || c == 'S' || c == 'Z';
            }
        }
        if (!zhBad.isEmpty()) {
            violations.add(new Violation(CHARACTERS,
                    "统一社会信用代码只能由数字和除 I、O、S、V、Z 以外的大写字母组成，" + String.join("、", zhBad)
                            + "不符合要求" + (confusable ? "（常见原因是把数字 1、0、5、2 误写成字母 I、O、S、Z）" : "")
                            + "，请核对。",
                    "A unified social credit code consists of digits and the capital letters other than I, O, S, V"
                            + " and Z; " + String.join(", ", enBad) + (enBad.size() == 1 ? " is" : " are")
                            + " not allowed" + (confusable
                                    ? " (often the digits 1, 0, 5 or 2 were typed as the letters I, O, S or Z)"
                                    : "")
                            + "; please check the code."));
        }
        if (length != LENGTH_18) {
            String zhHint;
            String enHint;
            if (length == 15) {
                zhHint = "15位的可能是旧的工商注册号，请填写营业执照或登记证书上的18位统一社会信用代码。";
                enHint = " A 15-character number may be an old business registration number; please enter the"
                        + " 18-character code from the business licence or registration certificate.";
            } else if (length == 9 || length == 10) {
                zhHint = "9位的可能是组织机构代码，请填写营业执照或登记证书上的18位统一社会信用代码。";
                enHint = " A 9-character number may be an organisation code; please enter the 18-character code"
                        + " from the business licence or registration certificate.";
            } else {
                zhHint = "请核对。";
                enHint = " Please check the code.";
            }
            violations.add(new Violation(LENGTH, "统一社会信用代码应为18位，当前为" + length + "位。" + zhHint,
                    "A unified social credit code has 18 characters; " + length + (length == 1 ? " was" : " were")
                            + " given." + enHint));
        }
        if (!violations.isEmpty()) {
            // Without the right shape the positions of the parts mean nothing.
            return new Parsed.Invalid<>(violations);
        }

        char authority = value.charAt(0);
        char type = value.charAt(1);
        if (!AUTHORITIES.contains(authority)) {
            violations.add(new Violation(AUTHORITY,
                    "统一社会信用代码第1位“" + authority + "”不是登记管理部门代码（应为1至9、A、N或Y），请核对。",
                    "The 1st character \"" + authority + "\" of the credit code is not a registration authority"
                            + " code (1 to 9, A, N or Y); please check the code."));
        } else if (CHECKED_TYPES.containsKey(authority) && CHECKED_TYPES.get(authority).indexOf(type) < 0) {
            String types = CHECKED_TYPES.get(authority);
            String[] name = AUTHORITY_NAMES.get(authority);
            String zhTypes = types.chars().mapToObj(Character::toString).collect(Collectors.joining("、"));
            String enTypes = types.chars().mapToObj(Character::toString).collect(Collectors.joining(", "));
            violations.add(new Violation(ORGANISATION_TYPE,
                    "统一社会信用代码第2位机构类别代码“" + type + "”与第1位登记管理部门“" + authority + "”（" + name[0]
                            + "）不匹配，应为" + zhTypes + "之一，请核对。",
                    "The 2nd character \"" + type + "\" of the credit code is not an organisation type of"
                            + " registration authority \"" + authority + "\" (" + name[1] + "); it should be one of "
                            + enTypes + ". Please check the code."));
        }

        String region = value.substring(2, 8);
        if (!region.chars().allMatch(c -> c >= '0' && c <= '9')) {
            violations.add(new Violation(REGION,
                    "统一社会信用代码第3至8位是行政区划代码，应为6位数字（当前为“" + region + "”），请核对。",
                    "Characters 3 to 8 of the credit code are the administrative region code and must be six"
                            + " digits (given: \"" + region + "\"); please check the code."));
        }

        char organisationCheck = organisationCheckCharacter(value.substring(8, 16));
        if (value.charAt(16) != organisationCheck) {
            violations.add(new Violation(ORGANISATION_CHECK,
                    "统一社会信用代码第17位（组织机构代码的校验码）应为 " + organisationCheck + "，请核对第9至17位。",
                    "The 17th character (the check character of the organisation code) should be "
                            + organisationCheck + "; please check characters 9 to 17."));
        }

        char check = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != check) {
            violations.add(new Violation(CHECK_CHARACTER,
                    "统一社会信用代码第18位校验码应为 " + check + "，请核对（前17位有误也会导致校验码不符）。",
                    "The check character (18th) of the credit code should be " + check + "; please check the code"
                            + " (a mistake in the first 17 characters also makes the check character wrong)."));
        }
        return violations.isEmpty() ? new Parsed.Valid<>(new CreditCode(value)) : new Parsed.Invalid<>(violations);
    }

    /** Whether {@code raw} is a valid code (CQ-ORG-2, FJ-9); see {@link #parse(String)}. */
    public static boolean isValid(String raw) {
        return parse(raw).isValid();
    }

    /** The normalised 18-character code (CQ-ORG-2). */
    public String value() {
        return value;
    }

    /** The 1st character: the registration authority (CQ-ORG-2). */
    public char registrationAuthority() {
        return value.charAt(0);
    }

    /** The 2nd character: the organisation type within that authority (CQ-ORG-2). */
    public char organisationType() {
        return value.charAt(1);
    }

    /** Characters 3–8: the administrative region code of the registering authority (GB/T 2260; CQ-ORG-2). */
    public String regionCode() {
        return value.substring(2, 8);
    }

    /** Characters 9–17: the organisation code (GB 11714) embedded in the credit code (CQ-ORG-2). */
    public String organisationCode() {
        return value.substring(8, 17);
    }

    /** Equal when the normalised codes are equal (CQ-ORG-2). */
    @Override
    public boolean equals(Object other) {
        return other instanceof CreditCode that && value.equals(that.value);
    }

    /** Consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The full code: credit codes are public data (CQ-ORG-2). */
    @Override
    public String toString() {
        return value;
    }

    /** GB 32100: 31 - (sum of value x 3^i mod 31) mod 31, where 31 becomes 0, mapped through the alphabet. */
    private static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /**
     * GB 11714: 11 - (weighted sum mod 11), where 10 becomes X and 11 becomes 0. Unlike the credit code, the
     * organisation code values letters by their place in the Latin alphabet (A = 10 ... Z = 35).
     */
    private static char organisationCheckCharacter(String body8) {
        int sum = 0;
        for (int i = 0; i < ORGANISATION_WEIGHTS.length; i++) {
            char c = body8.charAt(i);
            int v = c <= '9' ? c - '0' : c - 'A' + 10;
            sum += v * ORGANISATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
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
            } else if (c >= 'Ａ' && c <= 'Ｚ') {
                out.append((char) ('A' + (c - 'Ａ')));
            } else if (c >= 'ａ' && c <= 'ｚ') {
                out.append((char) ('A' + (c - 'ａ')));
            } else if (c >= 'a' && c <= 'z') {
                out.append((char) (c - 'a' + 'A'));
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
