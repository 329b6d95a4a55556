package org.zhicheng.identity.internal.validation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a new password must meet (CQ-ORG-3: at least 8 characters with 3 of the 4 classes upper-case,
 * lower-case, digit, symbol), strengthened by OWASP ASVS 4.0 section 2.1: long passwords are allowed and never
 * truncated (2.1.2, 2.1.3), any printable Unicode character including spaces is allowed (2.1.4), common passwords
 * are refused (2.1.7), and so is the person's own data (the username, ID number and birth date; NIST SP 800-63B
 * "context-specific words").
 *
 * <p>{@link #check} reports every rule that fails at once, so a person fixes everything in one go. The messages
 * never repeat the password or the personal data.
 *
 * <p>Lengths are counted in Unicode characters (code points) after NFC normalisation, the form in which the
 * password is hashed; for the minimum, runs of consecutive spaces count as one (ASVS 2.1.1). The four classes are
 * upper-case letters, lower-case letters, digits, and symbols, where "symbols" is every other allowed character:
 * punctuation, spaces (OWASP lists the space as a special character) and letters without case such as Chinese
 * characters.
 *
 * <p>The common-password list is the resource {@code common-passwords.txt} next to this class (UTF-8, one
 * lower-case entry per line); it is read once, on first use, and shared by all instances.
 *
 * @param minLength      the fewest characters, at least 1; 8 by default (CQ-ORG-3)
 * @param maxLength      the most characters, at least 64 and at least {@code minLength} (ASVS 2.1.2); 128 by
 *                       default. Longer passwords are refused, never silently truncated
 * @param minClasses     how many of the four character classes are needed, 0 to 4; 3 by default (CQ-ORG-3)
 * @param rejectCommon   whether passwords on the common-password list are refused; true by default (ASVS 2.1.7)
 * @param rejectPersonal whether passwords that equal or contain the username, or contain the personal data passed
 *                       to {@link #check}, are refused; true by default
 */
public record PasswordPolicy(int minLength, int maxLength, int minClasses, boolean rejectCommon,
        boolean rejectPersonal) {

    /** Code: the password is empty or only spaces. */
    public static final String REQUIRED = "password.required";
    /** Code: fewer than {@link #minLength()} characters. */
    public static final String TOO_SHORT = "password.too-short";
    /** Code: more than {@link #maxLength()} characters. */
    public static final String TOO_LONG = "password.too-long";
    /** Code: fewer than {@link #minClasses()} character classes. */
    public static final String CLASSES = "password.classes";
    /** Code: a control character (line break, tab, ...) or a broken character. */
    public static final String CONTROL_CHARACTER = "password.control-character";
    /** Code: the password is the username. */
    public static final String EQUALS_USERNAME = "password.equals-username";
    /** Code: the password contains the username, forwards or backwards. */
    public static final String CONTAINS_USERNAME = "password.contains-username";
    /** Code: the password contains the ID number or its last six characters. */
    public static final String CONTAINS_ID_NUMBER = "password.contains-id-number";
    /** Code: the password contains the birth date (given, or taken from the ID number). */
    public static final String CONTAINS_BIRTH_DATE = "password.contains-birth-date";
    /** Code: the password contains other personal data passed in, such as the name or mobile number. */
    public static final String CONTAINS_PERSONAL = "password.contains-personal";
    /** Code: the password is on the common-password list. */
    public static final String COMMON = "password.common";

    /** The default minimum length (CQ-ORG-3). */
    public static final int DEFAULT_MIN_LENGTH = 8;
    /** The default maximum length (ASVS 2.1.2). */
    public static final int DEFAULT_MAX_LENGTH = 128;
    /** The default number of character classes (CQ-ORG-3). */
    public static final int DEFAULT_MIN_CLASSES = 3;

    /** Personal data shorter than this is only refused when the password equals it, to avoid refusing by chance. */
    private static final int MIN_PERSONAL_LENGTH = 3;

    private static final String RESOURCE = "common-passwords.txt";

    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dx]|\\d{15}");
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})[-/.年]?(\\d{1,2})[-/.月]?(\\d{1,2})日?");
    private static final Pattern DATE_SEPARATORS = Pattern.compile("[-/._\\s年月日]");
    private static final Pattern SPACE_RUNS = Pattern.compile("[\\s\\p{Z}]{2,}");

    private static final String[] CLASS_ZH = {"大写字母", "小写字母", "数字", "符号"};
    private static final String[] CLASS_EN = {"upper-case letters", "lower-case letters", "digits", "symbols"};

    /** Checks that the settings make sense; refuses a maximum below 64 (ASVS 2.1.2). */
    public PasswordPolicy {
        if (minLength < 1) {
            throw new IllegalArgumentException("minLength must be at least 1: " + minLength);
        }
        if (maxLength < Math.max(64, minLength)) {
            throw new IllegalArgumentException("maxLength must be at least 64 and at least minLength: " + maxLength);
        }
        if (minClasses < 0 || minClasses > 4) {
            throw new IllegalArgumentException("minClasses must be between 0 and 4: " + minClasses);
        }
    }

    /** The default policy: 8 to 128 characters, 3 of 4 classes, common and personal passwords refused (CQ-ORG-3). */
    public static PasswordPolicy defaults() {
        return new PasswordPolicy(DEFAULT_MIN_LENGTH, DEFAULT_MAX_LENGTH, DEFAULT_MIN_CLASSES, true, true);
    }

    /**
     * Every rule the password breaks (CQ-ORG-3, ASVS 2.1), in a stable order: control characters, length, classes,
     * username, ID number, birth date, other personal data, common password. At most one violation per code.
     *
     * @param password the new password; {@code null} counts as empty
     * @param username the account's username, compared case-insensitively and ignoring full-width differences;
     *                 may be {@code null}
     * @param personal further personal data of the account holder, in any order: the ID number (whose last six
     *                 characters and birth date are refused too), the birth date (as {@code 1990-01-01},
     *                 {@code 19900101}, {@code 1990/1/1} or {@code 1990年1月1日}), and anything else such as the
     *                 name in pinyin, the mobile number or the e-mail address; {@code null} entries are ignored
     * @return the violations; empty when the password is acceptable
     */
    public List<Violation> check(String password, String username, String... personal) {
        String nfc = password == null ? "" : Normalizer.normalize(password, Normalizer.Form.NFC);
        if (nfc.isBlank()) {
            return List.of(new Violation(REQUIRED, "请设置密码（不能为空，也不能只由空格组成）。",
                    "Please enter a password (it cannot be empty or only spaces)."));
        }
        Map<String, Violation> found = new LinkedHashMap<>();

        boolean[] classes = new boolean[4];
        boolean control = false;
        for (int i = 0; i < nfc.length(); ) {
            int c = nfc.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                control = true;
            } else if (Character.isUpperCase(c)) {
                classes[0] = true;
            } else if (Character.isLowerCase(c)) {
                classes[1] = true;
            } else if (Character.isDigit(c)) {
                classes[2] = true;
            } else {
                classes[3] = true;
            }
        }
        if (control) {
            add(found, new Violation(CONTROL_CHARACTER, "密码不能包含换行、制表符等控制字符或无法识别的字符。",
                    "The password must not contain control characters such as line breaks or tabs, or broken"
                            + " characters."));
        }

        int length = nfc.codePointCount(0, nfc.length());
        String collapsed = SPACE_RUNS.matcher(nfc).replaceAll(" ");
        int shortLength = collapsed.codePointCount(0, collapsed.length());
        if (shortLength < minLength) {
            boolean spacesMerged = shortLength != length;
            add(found, new Violation(TOO_SHORT,
                    "密码至少需要 " + minLength + " 个字符，当前为 " + shortLength + " 个"
                            + (spacesMerged ? "（连续的空格按一个计）" : "") + "。",
                    "The password must have at least " + minLength + " characters; it has " + shortLength
                            + (spacesMerged ? " (consecutive spaces count as one)" : "") + "."));
        }
        if (length > maxLength) {
            add(found, new Violation(TOO_LONG,
                    "密码最多 " + maxLength + " 个字符，当前为 " + length + " 个；系统不会截断密码，请缩短。",
                    "The password may have at most " + maxLength + " characters; it has " + length
                            + ". Passwords are never truncated, so please shorten it."));
        }

        int present = 0;
        List<String> missingZh = new ArrayList<>();
        List<String> missingEn = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            if (classes[k]) {
                present++;
            } else {
                missingZh.add(CLASS_ZH[k]);
                missingEn.add(CLASS_EN[k]);
            }
        }
        if (present < minClasses) {
            add(found, new Violation(CLASSES,
                    "密码需包含大写字母、小写字母、数字、符号四类中的至少 " + minClasses + " 类，当前只有 " + present
                            + " 类，缺少：" + String.join("、", missingZh) + "（再加入其中 " + (minClasses - present)
                            + " 类即可）。",
                    "The password must contain at least " + minClasses + " of the 4 character classes (upper-case"
                            + " letters, lower-case letters, digits, symbols); it has " + present + ". Missing: "
                            + String.join(", ", missingEn) + " (add " + (minClasses - present) + " of them)."));
        }

        String folded = fold(nfc);
        if (rejectPersonal) {
            checkUsername(found, folded, username);
            if (personal != null) {
                for (String item : personal) {
                    checkPersonal(found, folded, item);
                }
            }
        }

        if (rejectCommon && (CommonPasswords.contains(folded) || CommonPasswords.contains(folded.strip()))) {
            add(found, new Violation(COMMON, "该密码属于常见弱密码，很容易被猜中，请换一个。",
                    "This password is on the list of common passwords and easy to guess; please choose another."));
        }
        return List.copyOf(found.values());
    }

    /**
     * Whether a password is on the common-password list, ignoring case and full-width differences (ASVS 2.1.7).
     * Loads the list on first use.
     */
    public static boolean isCommon(String password) {
        if (password == null) {
            return false;
        }
        String folded = fold(password);
        return CommonPasswords.contains(folded) || CommonPasswords.contains(folded.strip());
    }

    /** How many entries the common-password list has (for tests and diagnostics). */
    static int commonPasswordCount() {
        return CommonPasswords.SET.size();
    }

    private static void checkUsername(Map<String, Violation> found, String folded, String username) {
        String key = username == null ? "" : fold(username).strip();
        if (key.isEmpty()) {
            return;
        }
        if (folded.strip().equals(key)) {
            add(found, new Violation(EQUALS_USERNAME, "密码不能与用户名相同。",
                    "The password must not be the same as the username."));
        } else if (key.codePointCount(0, key.length()) >= MIN_PERSONAL_LENGTH
                && (folded.contains(key) || folded.contains(reverse(key)))) {
            add(found, new Violation(CONTAINS_USERNAME, "密码不能包含用户名（正写或倒写）。",
                    "The password must not contain the username, forwards or backwards."));
        }
    }

    private static void checkPersonal(Map<String, Violation> found, String folded, String item) {
        if (item == null || item.isBlank()) {
            return;
        }
        String value = fold(item).replaceAll("\\s+", "");
        String compact = folded.replaceAll("\\s+", "");
        String dateCompact = DATE_SEPARATORS.matcher(folded).replaceAll("");

        if (ID_NUMBER.matcher(value).matches()) {
            String lastSix = value.substring(value.length() - 6);
            if (compact.contains(value) || compact.contains(lastSix)) {
                add(found, new Violation(CONTAINS_ID_NUMBER, "密码不能包含身份证号或身份证号的后6位。",
                        "The password must not contain the ID number or its last six characters."));
            }
            if (compact.contains(value)) {
                return; // the whole number contains the birth date; one message is enough
            }
            LocalDate birth = value.length() == 18 ? date(value.substring(6, 10), value.substring(10, 12),
                    value.substring(12, 14)) : date("19" + value.substring(6, 8), value.substring(8, 10),
                            value.substring(10, 12));
            checkBirthDate(found, dateCompact, birth);
            return;
        }

        Matcher m = DATE.matcher(value);
        // Without separators only YYYYMMDD is unambiguous: 199011 could be 1990-1-1 or a number.
        if (m.matches() && (!isAllDigits(value) || value.length() == 8)) {
            LocalDate birth = date(m.group(1), m.group(2), m.group(3));
            if (birth != null) {
                checkBirthDate(found, dateCompact, birth);
                return;
            }
        }

        List<String> needles = new ArrayList<>();
        needles.add(value);
        int at = value.indexOf('@');
        if (at > 0) {
            needles.add(value.substring(0, at)); // the local part of an e-mail address
        }
        if (isAllDigits(value) && value.length() > 6) {
            needles.add(value.substring(value.length() - 6)); // e.g. the end of a mobile number
        }
        for (String needle : needles) {
            if (compact.equals(needle) || (isLongEnough(needle)
                    && (compact.contains(needle) || compact.contains(reverse(needle))))) {
                add(found, new Violation(CONTAINS_PERSONAL, "密码不能包含姓名、手机号、电子邮箱等个人信息。",
                        "The password must not contain personal data such as the name, mobile number or e-mail"
                                + " address."));
                return;
            }
        }
    }

    private static void checkBirthDate(Map<String, Violation> found, String dateCompact, LocalDate birth) {
        if (birth == null) {
            return;
        }
        for (String form : dateForms(birth)) {
            if (dateCompact.contains(form)) {
                add(found, new Violation(CONTAINS_BIRTH_DATE, "密码不能包含出生日期。",
                        "The password must not contain the birth date."));
                return;
            }
        }
    }

    /** The ways people write a date into a password, without separators. */
    private static List<String> dateForms(LocalDate d) {
        String y = String.format("%04d", d.getYear());
        String yy = y.substring(2);
        String mm = String.format("%02d", d.getMonthValue());
        String dd = String.format("%02d", d.getDayOfMonth());
        String m = Integer.toString(d.getMonthValue());
        String dShort = Integer.toString(d.getDayOfMonth());
        List<String> forms = new ArrayList<>(List.of(y + mm + dd, yy + mm + dd, mm + dd + y, dd + mm + y));
        String unpadded = y + m + dShort;
        if (!unpadded.equals(y + mm + dd)) {
            forms.add(unpadded);
        }
        return forms;
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static boolean isLongEnough(String s) {
        int n = s.codePointCount(0, s.length());
        // Two Chinese characters are a whole given name; two Latin letters are not worth refusing.
        return n >= MIN_PERSONAL_LENGTH || (n == 2 && s.codePoints().allMatch(Character::isIdeographic));
    }

    private static boolean isAllDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }

    /** Case and width folding: NFKC turns full-width letters and digits into ASCII, then lower case. */
    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static void add(Map<String, Violation> found, Violation violation) {
        found.putIfAbsent(violation.code(), violation);
    }

    /** Initialisation-on-demand holder: the JVM loads the list once, on first use, and safely publishes it. */
    private static final class CommonPasswords {

        static final Set<String> SET = load();

        static boolean contains(String folded) {
            return SET.contains(folded);
        }

        private static Set<String> load() {
            InputStream in = PasswordPolicy.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("the common-password list " + RESOURCE + " is missing");
            }
            List<String> entries = new ArrayList<>(64 * 1024);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    String entry = fold(line.strip());
                    if (!entry.isEmpty()) {
                        entries.add(entry);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the common-password list " + RESOURCE, e);
            }
            // Set.copyOf keeps one compact open-addressing table instead of a node per entry.
            return Set.copyOf(entries);
        }
    }
}
