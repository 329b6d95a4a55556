package org.zhicheng.documents.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The text of a cell as {@link org.zhicheng.api.documents.Spreadsheets.RowHandler} promises it, the same for
 * {@code .xlsx} and {@code .xls}.
 */
final class CellText {

    /** Excel keeps 15 significant digits; a fraction beyond them is binary noise (0.1 + 0.2 = 0.30000000000000004). */
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private CellText() {
    }

    /**
     * A number as plain decimal digits. An integral value keeps every digit the double holds, written as the
     * shortest decimal that reads back as the same double (an 18-digit ID number typed as a number: Excel itself
     * keeps only its first 15 digits, which come out followed by zeros); a fraction is cut to Excel's 15 significant
     * digits. Never an exponent, never trailing zeros.
     */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(value);
        BigDecimal decimal = value == Math.rint(value) ? shortest(exact, value) : exact.round(EXCEL_PRECISION);
        return decimal.stripTrailingZeros().toPlainString();
    }

    /**
     * The shortest decimal of at most 17 digits that is the same double. Not {@code Double.toString}: before Java 19
     * it sometimes gives a digit too many (4.40103199001011E17 as "4.4010319900101101E17", JDK-4511638). Every
     * decimal of up to 15 digits survives a double, so the search starts there.
     */
    private static BigDecimal shortest(BigDecimal exact, double value) {
        for (int digits = 15; digits < 17; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    /**
     * A serial date as ISO {@code yyyy-MM-dd}, with {@code THH:mm:ss} when it carries a time of day; a pure time
     * (a value below one day) as {@code HH:mm:ss}.
     */
    static String date(double serial, boolean date1904) {
        LocalDateTime time = DateUtil.getLocalDateTime(serial, date1904, true);
        if (serial >= 0 && serial < 1) {
            return time.toLocalTime().format(TIME);
        }
        return format(time);
    }

    /** A cell stored as an ISO 8601 text date ({@code t="d"}), normalised to the same forms as a serial date. */
    static String isoDate(String text) {
        String value = trim(text);
        try {
            if (value.contains("T")) {
                return format(LocalDateTime.parse(value).truncatedTo(ChronoUnit.SECONDS));
            }
            if (value.contains(":")) {
                return LocalTime.parse(value).truncatedTo(ChronoUnit.SECONDS).format(TIME);
            }
            return LocalDate.parse(value).format(DATE);
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private static String format(LocalDateTime time) {
        return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.toLocalDate().format(DATE) : time.format(DATE_TIME);
    }

    static String bool(boolean value) {
        return value ? "true" : "false";
    }

    /**
     * Trims white space at both ends, including what Chinese text brings along: the ideographic space (U+3000),
     * no-break spaces, zero-width spaces and a stray byte-order mark.
     */
    static String trim(String text) {
        if (text == null) {
            return "";
        }
        int start = 0;
        int end = text.length();
        while (start < end && blank(text.charAt(start))) {
            start++;
        }
        while (end > start && blank(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    /**
     * Decodes OOXML's escapes of characters XML cannot carry ({@code _x000D_} for a carriage return, and so on),
     * as Excel shows them.
     */
    static String ooxmlDecode(String value) {
        if (value.indexOf("_x") < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            if (i + 7 <= value.length() && value.charAt(i) == '_' && value.charAt(i + 1) == 'x'
                    && value.charAt(i + 6) == '_' && hex(value, i + 2, i + 6)) {
                out.append((char) Integer.parseInt(value.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                out.append(value.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean hex(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a number format shows a date or time: POI's test, plus the built-in formats 27–36 and 50–58, which
     * in the Chinese (and every East Asian) Excel are dates and times such as {@code yyyy"年"m"月"d"日"} but
     * which a file often refers to by number only.
     */
    static boolean isDateFormat(int formatIndex, String formatString) {
        if ((formatIndex >= 27 && formatIndex <= 36) || (formatIndex >= 50 && formatIndex <= 58)) {
            return true;
        }
        return DateUtil.isADateFormat(formatIndex, formatString);
    }
}
