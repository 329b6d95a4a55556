package org.zhicheng.workflow.internal.forms;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How answers and condition literals are read: what counts as unanswered, their text, numbers, ISO dates and
 * months, and how two of them compare (the value rules of {@link org.zhicheng.api.business.descriptor.Condition}).
 */
public final class Values {

    /** Plain decimal text only: an exponent such as {@code 1e999999999} would make arithmetic explode. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,30}(\\.\\d{1,30})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private Values() {
    }

    /**
     * The scalar elements of an answer: none for {@code null}, blank text and an empty list; the non-blank
     * elements of a list (a multi-choice answer); the value itself otherwise. Rows marked deleted are left out.
     */
    static List<Object> elements(Object value) {
        List<Object> elements = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (!blank(element) && !(element instanceof List<?>)
                        && !(element instanceof Map<?, ?> row && Rows.isDeleted(row))) {
                    elements.add(element);
                }
            }
        } else if (!blank(value)) {
            elements.add(value);
        }
        return elements;
    }

    /** Whether an answer is unanswered: absent, blank, no selection, no rows (not marked deleted). */
    static boolean isEmpty(Object value) {
        return elements(value).isEmpty();
    }

    private static boolean blank(Object value) {
        return value == null || value instanceof String s && s.isBlank();
    }

    /**
     * The text of a scalar as JSON would write it: a string itself, {@code true}/{@code false}, a number in plain
     * decimal notation without trailing zeros ({@code 3.0} is {@code "3"}).
     */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number) {
            BigDecimal n = number(value);
            return n == null ? String.valueOf(value) : n.stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /**
     * A number: a JSON number, or text holding a plain decimal (how a browser's number input arrives); {@code null}
     * for anything else, and for NaN and infinities.
     */
    public static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (value instanceof String s && DECIMAL.matcher(s.strip()).matches()) {
            return new BigDecimal(s.strip());
        }
        return null;
    }

    /** An ISO date {@code yyyy-MM-dd} that exists in the calendar, else {@code null}. */
    static LocalDate date(Object value) {
        if (value instanceof String s && DATE.matcher(s).matches()) {
            try {
                return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5, 7)),
                        Integer.parseInt(s.substring(8, 10)));
            } catch (DateTimeException e) {
                return null;
            }
        }
        return null;
    }

    /** An ISO month {@code yyyy-MM}, else {@code null}. */
    static YearMonth month(Object value) {
        if (value instanceof String s && MONTH.matcher(s).matches()) {
            try {
                return YearMonth.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5, 7)));
            } catch (DateTimeException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * Compares two scalars: numbers numerically (a JSON number also with decimal text), ISO dates and months
     * chronologically, everything else by text. With {@code textual} the right-hand side is first turned into its
     * JSON text, as organisation attributes are text.
     */
    static int compare(Object left, Object right, boolean textual) {
        Object r = textual ? text(right) : right;
        if (left instanceof Number || r instanceof Number) {
            BigDecimal a = number(left);
            BigDecimal b = number(r);
            if (a != null && b != null) {
                return a.compareTo(b);
            }
        }
        LocalDate leftDate = date(left);
        LocalDate rightDate = date(r);
        if (leftDate != null && rightDate != null) {
            return leftDate.compareTo(rightDate);
        }
        YearMonth leftMonth = month(left);
        YearMonth rightMonth = month(r);
        if (leftMonth != null && rightMonth != null) {
            return leftMonth.compareTo(rightMonth);
        }
        return text(left).compareTo(text(r));
    }
}
