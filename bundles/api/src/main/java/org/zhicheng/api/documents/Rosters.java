package org.zhicheng.api.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes Excel rosters (CQ-REV-4 queue export, FJ-8 "export Excel") as {@code .xlsx}, streaming: memory stays
 * constant whatever the row count, and nothing is left behind in temporary files, even when writing fails.
 * Which rows and columns a caller may see, and masking ID numbers by role, are the caller's business.
 */
@ProviderType
public interface Rosters {

    /** How a column's cells are typed in Excel, so that offices can sort and sum them. */
    enum CellType {
        /** Text, written as an inline string; ID numbers and codes stay text, never numbers. */
        TEXT,
        /** A number ({@link Number}). */
        NUMBER,
        /** A date ({@link java.time.LocalDate}), shown as {@code yyyy-mm-dd}. */
        DATE,
        /** A date and time ({@link java.time.LocalDateTime}, or an {@link java.time.Instant} shown in Asia/Shanghai),
         *  shown as {@code yyyy-mm-dd hh:mm}. */
        DATE_TIME
    }

    /**
     * A column.
     *
     * @param header the header text, e.g. 姓名
     * @param type how its cells are typed
     * @param width the column width in characters (a CJK character counts as two); 0 for the default
     */
    record Column(String header, CellType type, int width) {
        public Column {
            if (header == null || type == null || width < 0) {
                throw new IllegalArgumentException("a column needs a header, a type and a width >= 0");
            }
        }
    }

    /** Supplies the rows one by one, so that they never need to be in memory together. */
    @FunctionalInterface
    interface RowSource {
        /**
         * @return the next row's cells in column order ({@code null} cells stay empty), or {@code null} after the
         *         last row
         */
        List<?> next() throws IOException;
    }

    /**
     * Writes one sheet: a bold, frozen header row, then every row of {@code rows}.
     *
     * @param sheetName the sheet's name (at most 31 characters, none of {@code []:*?/\})
     * @param columns the columns
     * @param rows the rows
     * @param out where the workbook goes; not closed
     * @return the number of rows written, the header not counted
     * @throws IOException when {@code rows} or {@code out} fails
     * @throws IllegalArgumentException when a row has more cells than there are columns, or a cell does not fit its
     *         column's type; also when the sheet name, a text (more than Excel's 32,767 characters), a number (NaN,
     *         infinite), a date (before 1900-01-01 or after 9999-12-31) or the row count (more than 1,048,575) is one
     *         Excel cannot hold; a refused cell is named by its row and column. Whatever was already written to
     *         {@code out} when writing fails is not a workbook: the caller discards it.
     */
    long write(String sheetName, List<Column> columns, RowSource rows, OutputStream out) throws IOException;
}
