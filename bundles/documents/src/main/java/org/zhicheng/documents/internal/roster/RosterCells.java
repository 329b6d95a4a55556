package org.zhicheng.documents.internal.roster;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.zhicheng.api.documents.Rosters.CellType;
import org.zhicheng.api.documents.Rosters.Column;
import org.zhicheng.api.documents.Rosters.RowSource;

/**
 * What both roster writers share, so that {@link FastExcelRosters} and {@link SxssfRosters} refuse the same input
 * and write the same cells: the checks {@link org.zhicheng.api.documents.Rosters} promises (sheet name, row length,
 * cell types, Excel's limits) and the typing of each cell, handed to a {@link Sink} row by row.
 *
 * <p>Refusals are {@link IllegalArgumentException}s in English: they report a caller's mistake, never a user's, and
 * name the row (counted from 1 after the header, with its Excel row number) and the column header.
 */
final class RosterCells {

    /** The most data rows: an Excel sheet has 1,048,576 rows, the header included. */
    static final int MAX_ROWS = 1_048_575;
    /** Excel's sheet: 16,384 columns (A to XFD). */
    static final int MAX_COLUMNS = 16_384;
    /** Excel's cell: at most 32,767 characters (UTF-16 units, as Excel counts them). */
    static final int MAX_TEXT = 32_767;
    /** Excel's widest column, in characters. */
    static final int MAX_WIDTH = 255;
    /** Excel's sheet name: at most 31 characters. */
    static final int MAX_SHEET_NAME = 31;

    /** Reviewers read times in Beijing time, whatever zone the server runs in. */
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Excel's number formats for the typed columns. */
    static final String DATE_FORMAT = "yyyy-mm-dd";
    static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";
    /**
     * Excel's "Text" format (built-in 49) on every TEXT cell. The cells are inline strings, which Excel never
     * evaluates, so {@code =HYPERLINK(...)} or {@code +86 ...} show as written; with "@" they also stay text when a
     * reviewer edits the cell and presses Enter (no formula is formed, and an ID number does not turn into
     * 4.40106E+17).
     */
    static final String TEXT_FORMAT = "@";

    /** The earliest and latest dates Excel shows (its 1900 date system). */
    private static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    /** Receives one roster's typed cells, row by row; a cell not handed over stays empty. */
    interface Sink {
        /** A data row begins; {@code sheetRow} is its 0-based index in the sheet (the header is 0). */
        void startRow(int sheetRow) throws IOException;

        void text(int column, String value);

        void number(int column, double value);

        /** An integral number, exact as a double (at most 2^53 in magnitude). */
        void integer(int column, long value);

        void date(int column, LocalDate value);

        /** A date-time, already in Beijing time. */
        void dateTime(int column, LocalDateTime value);

        /** The data row is complete. */
        void endRow(int sheetRow) throws IOException;
    }

    private final String sheetName;
    private final List<Column> columns;
    private final CellType[] types;
    private final String[] headers;

    /**
     * @throws IllegalArgumentException when the sheet name is not one Excel accepts, or the columns are missing,
     *         too many or hold a header Excel cannot
     */
    RosterCells(String sheetName, List<Column> columns) {
        this.sheetName = sheetName(sheetName);
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("a roster needs at least one column");
        }
        if (columns.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%,d columns: an Excel sheet holds at most %,d", columns.size(), MAX_COLUMNS));
        }
        this.columns = new ArrayList<>(columns);
        this.types = new CellType[columns.size()];
        this.headers = new String[columns.size()];
        for (int c = 0; c < types.length; c++) {
            Column column = this.columns.get(c);
            if (column == null) {
                throw new IllegalArgumentException("column " + (c + 1) + " is null");
            }
            types[c] = column.type();
            headers[c] = clean(column.header());
            if (headers[c].length() > MAX_TEXT) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the header of column %d has %,d characters, more than Excel's %,d per cell", c + 1,
                        headers[c].length(), MAX_TEXT));
            }
        }
    }

    /** The sheet name, checked against Excel's rules. */
    static String sheetName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a sheet name must not be blank");
        }
        if (name.length() > MAX_SHEET_NAME) {
            throw new IllegalArgumentException("sheet name \"" + name + "\" has " + name.length()
                    + " characters, more than Excel's " + MAX_SHEET_NAME);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ("[]:*?/\\".indexOf(c) >= 0) {
                throw new IllegalArgumentException("sheet name \"" + name + "\" contains '" + c
                        + "'; Excel allows none of []:*?/\\ in a sheet name");
            }
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("sheet name \"" + clean(name)
                        + "\" contains a control character");
            }
        }
        // Excel's own dialog refuses these two as well; a file that has them opens with a repair prompt.
        if (name.charAt(0) == '\'' || name.charAt(name.length() - 1) == '\'') {
            throw new IllegalArgumentException("sheet name \"" + name
                    + "\" begins or ends with an apostrophe, which Excel does not allow");
        }
        if (name.equalsIgnoreCase("History")) {
            throw new IllegalArgumentException("sheet name \"" + name + "\" is reserved by Excel");
        }
        return name;
    }

    String sheetName() {
        return sheetName;
    }

    int columnCount() {
        return types.length;
    }

    CellType type(int column) {
        return types[column];
    }

    /** The header text, with characters XML cannot hold removed. */
    String header(int column) {
        return headers[column];
    }

    /**
     * The column's width in characters: the one asked for (at most Excel's 255), or by default one that fits the
     * header (a CJK character counting as two) and the type's usual content.
     */
    double width(int column) {
        int asked = columns.get(column).width();
        if (asked > 0) {
            return Math.min(asked, MAX_WIDTH);
        }
        int usual = switch (types[column]) {
            case TEXT -> 12;
            case NUMBER -> 10;
            case DATE -> 12; // 2024-03-15
            case DATE_TIME -> 18; // 2024-03-15 08:30
        };
        return Math.min(Math.max(usual, displayWidth(headers[column]) + 2), 60);
    }

    /** Characters as a sheet shows them: East Asian wide characters (CJK, full-width forms) count as two. */
    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            width += wide(cp) ? 2 : 1;
        }
        return width;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    /**
     * Hands every row of {@code source} to {@code sink}, typed.
     *
     * @return the number of rows
     * @throws IOException when the source fails (the same exception)
     * @throws IllegalArgumentException when a row is longer than the columns, a cell does not fit its column, or
     *         there are more rows than an Excel sheet holds
     */
    long copy(RowSource source, Sink sink) throws IOException {
        long count = 0;
        for (List<?> row = source.next(); row != null; row = source.next()) {
            count++;
            if (count > MAX_ROWS) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "more than %,d rows: an Excel sheet holds %,d rows, the header included", MAX_ROWS,
                        MAX_ROWS + 1));
            }
            int sheetRow = (int) count;
            if (row.size() > types.length) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%s has %d cells, but the roster has only %d columns", where(sheetRow), row.size(),
                        types.length));
            }
            sink.startRow(sheetRow);
            int c = 0;
            // An iterator, not get(i): a caller's LinkedList must not make a row quadratic.
            for (Object value : row) {
                if (value != null) {
                    cell(sink, sheetRow, c, value);
                }
                c++;
            }
            sink.endRow(sheetRow);
        }
        return count;
    }

    private void cell(Sink sink, int sheetRow, int c, Object value) {
        switch (types[c]) {
            case TEXT -> {
                if (!(value instanceof CharSequence text)) {
                    throw wrongType(sheetRow, c, "text (a CharSequence)", value);
                }
                String cleaned = clean(text.toString());
                if (cleaned.length() > MAX_TEXT) {
                    throw refused(sheetRow, c, String.format(Locale.ROOT,
                            "%,d characters, more than Excel's %,d per cell", cleaned.length(), MAX_TEXT));
                }
                sink.text(c, cleaned);
            }
            case NUMBER -> number(sink, sheetRow, c, value);
            case DATE -> {
                if (!(value instanceof LocalDate date)) {
                    throw wrongType(sheetRow, c, "a java.time.LocalDate", value);
                }
                sink.date(c, inExcelRange(date, sheetRow, c));
            }
            case DATE_TIME -> {
                LocalDateTime time;
                if (value instanceof LocalDateTime local) {
                    time = local;
                } else if (value instanceof Instant instant) {
                    time = LocalDateTime.ofInstant(instant, SHANGHAI);
                } else {
                    throw wrongType(sheetRow, c, "a java.time.LocalDateTime or Instant", value);
                }
                inExcelRange(time.toLocalDate(), sheetRow, c);
                sink.dateTime(c, time);
            }
        }
    }

    private void number(Sink sink, int sheetRow, int c, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            long n = ((Number) value).longValue();
            if (Math.abs(n) <= 1L << 53) {
                sink.integer(c, n);
            } else {
                sink.number(c, n);
            }
            return;
        }
        double d;
        if (value instanceof Float f) {
            // Through its decimal text: 0.1f as a double is 0.10000000149011612.
            d = Double.parseDouble(f.toString());
        } else if (value instanceof Number n) {
            d = n.doubleValue();
        } else {
            throw wrongType(sheetRow, c, "a java.lang.Number", value);
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw refused(sheetRow, c, value + " is not a number Excel can hold");
        }
        if (d == Math.rint(d) && Math.abs(d) <= 1L << 53) {
            sink.integer(c, (long) d);
        } else {
            sink.number(c, d);
        }
    }

    private LocalDate inExcelRange(LocalDate date, int sheetRow, int c) {
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            throw refused(sheetRow, c, date + " is outside the dates Excel can show (1900-01-01 to 9999-12-31)");
        }
        return date;
    }

    private IllegalArgumentException wrongType(int sheetRow, int c, String expected, Object value) {
        return refused(sheetRow, c, "expected " + expected + ", not a " + value.getClass().getName());
    }

    private IllegalArgumentException refused(int sheetRow, int c, String why) {
        return new IllegalArgumentException(
                where(sheetRow) + ", column " + (c + 1) + " \"" + headers[c] + "\" (" + types[c] + "): " + why);
    }

    private static String where(int sheetRow) {
        return "row " + sheetRow + " (Excel row " + (sheetRow + 1) + ")";
    }

    /**
     * The text without the characters XML 1.0 cannot hold, which would make the file unreadable: control characters
     * other than tab, line feed and carriage return, U+FFFE and U+FFFF, and halves of surrogate pairs. The same
     * string when there are none, as nearly always.
     */
    static String clean(String text) {
        int length = text.length();
        int i = 0;
        while (i < length && allowed(text, i)) {
            i++;
        }
        if (i == length) {
            return text;
        }
        StringBuilder out = new StringBuilder(length);
        out.append(text, 0, i);
        for (; i < length; i++) {
            if (allowed(text, i)) {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    private static boolean allowed(String text, int i) {
        char c = text.charAt(i);
        if (c >= 0x20 && c < 0xD800) {
            return true;
        }
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        }
        return c != 0xFFFE && c != 0xFFFF;
    }
}
