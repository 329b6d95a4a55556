package org.zhicheng.api.documents;

import java.io.InputStream;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads uploaded spreadsheets (Excel {@code .xlsx} and {@code .xls}) row by row, streaming, within limits, so that
 * a pass list of tens of thousands of rows never sits in memory as a workbook. The format is recognised by its
 * content (magic bytes), never by a file name.
 */
@ProviderType
public interface Spreadsheets {

    /**
     * Bounds on what is read.
     *
     * @param maxBytes the most bytes read from the stream before refusing
     * @param maxRows the most rows (the header included) before refusing
     * @param maxColumns the most columns per row before refusing
     */
    record Limits(long maxBytes, int maxRows, int maxColumns) {
        public Limits {
            if (maxBytes < 1 || maxRows < 1 || maxColumns < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }

    /** Receives the rows of the first sheet, in order. */
    @FunctionalInterface
    interface RowHandler {
        /**
         * @param rowNumber the row's number as Excel shows it (1 for the first row)
         * @param cells the row's cells from column A on, as text: strings trimmed; integral numbers as plain digits
         *        (no exponent, no ".0", so an ID number typed as a number keeps every digit); other numbers as plain
         *        decimals; dates as ISO {@code yyyy-MM-dd} (with {@code THH:mm:ss} when they carry a time); booleans
         *        as {@code true}/{@code false}; formulas by their cached value; empty cells as {@code ""}; trailing
         *        empty cells left out. Rows that are entirely empty are skipped.
         */
        void row(int rowNumber, List<String> cells);
    }

    /**
     * Reads the first sheet.
     *
     * @throws SpreadsheetException when the content is not a spreadsheet (or an encrypted one), is damaged, or
     *         exceeds a limit; the message says which, in both languages
     */
    void read(InputStream content, Limits limits, RowHandler handler) throws SpreadsheetException;
}
