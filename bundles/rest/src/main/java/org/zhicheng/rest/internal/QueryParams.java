package org.zhicheng.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Query and body values as every resource reads them: blank means absent, dates are days in Beijing, and a value
 * that cannot be read answers 400 with a bilingual message naming the parameter.
 */
final class QueryParams {

    /** The days of query parameters are days in Beijing (GD-PHOTO-3, FJ-1). */
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private QueryParams() {
    }

    /** The text stripped, or null when it is absent or blank. */
    static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A 400 problem. */
    static ApiException bad(String code, String zh, String en) {
        return new ApiException(new ApiProblem(400, code, zh, en));
    }

    /**
     * An instant, an offset date-time, or a date in Beijing: its start, or for the end of a period ({@code to}) the
     * start of the next day, so that the period includes the whole day.
     */
    static Instant instant(String parameter, String text, boolean end) {
        String t = blank(text);
        if (t == null) {
            return null;
        }
        try {
            if (t.length() == 10) {
                LocalDate day = LocalDate.parse(t);
                return (end ? day.plusDays(1) : day).atStartOfDay(BEIJING).toInstant();
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw bad("invalid-date", parameter + " 不是有效的日期或时间，应如 2026-11-22 或 2026-11-22T08:00:00+08:00。",
                    parameter + " is not a valid date or time; use e.g. 2026-11-22 or 2026-11-22T08:00:00+08:00.");
        }
    }

    /** A day written yyyy-MM-dd, or null when absent. */
    static LocalDate date(String parameter, String text) {
        String t = blank(text);
        if (t == null) {
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw bad("invalid-date", parameter + " 的日期格式应为 yyyy-MM-dd。", parameter + " is a date written yyyy-MM-dd.");
        }
    }
}
