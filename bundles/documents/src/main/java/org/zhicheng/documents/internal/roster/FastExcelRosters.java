package org.zhicheng.documents.internal.roster;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.osgi.service.component.annotations.Component;
import org.zhicheng.api.documents.Rosters;

/**
 * {@link Rosters} with dhatim fastexcel, embedded in this bundle: the workbook goes straight into {@code out} as a
 * zip stream, with no temporary file at all, and only the last {@value #BATCH} rows are held in memory.
 *
 * <p>Cells: TEXT as inline strings ({@code t="inlineStr"}, never the shared-strings table, which fastexcel keeps in
 * memory until the end) in Excel's Text format; NUMBER as numbers; DATE and DATE_TIME as serial numbers formatted
 * {@code yyyy-mm-dd} and {@code yyyy-mm-dd hh:mm}; a null cell is not written at all. The header row is bold and
 * frozen. See {@link RosterCells} for the checks and the typing, which {@link SxssfRosters} shares.
 *
 * <p>Formula injection (CSV/Excel injection): a cell is a formula only when written as one ({@code <f>}); fastexcel
 * writes a string, whatever it begins with ({@code =}, {@code +}, {@code -}, {@code @}), as an inline string, which
 * Excel shows as text and never evaluates, so the text is kept exactly as the applicant typed it. The Text format
 * keeps it text when a reviewer edits the cell.
 *
 * <p>When writing fails part way (the row source throws, or a row is refused), the exception propagates and what
 * was already written to {@code out} is not a workbook: the caller discards it (a response not yet committed, or
 * a file deleted).
 */
@Component(service = Rosters.class)
public final class FastExcelRosters implements Rosters {

    /** Rows held before they are written out; fastexcel keeps only rows not yet flushed. */
    static final int BATCH = 1_000;

    /** fastexcel writes to the stream in small pieces (zip headers, 512-byte deflate blocks): gather them. */
    private static final int BUFFER = 64 * 1024;

    @Override
    public long write(String sheetName, List<Column> columns, RowSource rows, OutputStream out) throws IOException {
        RosterCells roster = new RosterCells(sheetName, columns);
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(out, "out");
        // Never closed: closing it would close the caller's stream. Flushed once the workbook is complete.
        BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER);
        // Not try-with-resources: the workbook's close() finishes it, which after a failure would pass a truncated
        // roster off as a complete one.
        Workbook workbook = new Workbook(buffered, "Zhicheng", null);
        Worksheet sheet = workbook.newWorksheet(roster.sheetName());
        int columnCount = roster.columnCount();
        for (int c = 0; c < columnCount; c++) {
            sheet.inlineString(0, c, roster.header(c));
            sheet.width(c, roster.width(c));
        }
        sheet.range(0, 0, 0, columnCount - 1).style().bold().set();
        // Widths and the frozen pane go out with the first flush, so both are set before it.
        sheet.freezePane(0, 1);
        Cells cells = new Cells(sheet, roster);
        long count = roster.copy(rows, cells);
        cells.flush();
        // Writes the rest of the sheet, styles and the zip directory; the underlying stream stays open.
        workbook.finish();
        buffered.flush();
        return count;
    }

    /**
     * Puts the typed cells into the sheet, writes them out every {@value FastExcelRosters#BATCH} rows, and formats
     * the cells of text and date columns a run of rows at a time: a style set per cell costs fastexcel a stream
     * pipeline and a style lookup, a style set on a range of one column costs that once per run.
     */
    private static final class Cells implements RosterCells.Sink {

        private final Worksheet sheet;
        /** The number format of each column's cells; null for numbers (General). */
        private final String[] formats;
        /** The first and last row of each column's current run of written cells; -1 when none is open. */
        private final int[] runStart;
        private final int[] runEnd;
        /** The sheet row being filled, and how many rows are held since the last flush. */
        private int row;
        private int rowsHeld;

        Cells(Worksheet sheet, RosterCells roster) {
            this.sheet = sheet;
            int n = roster.columnCount();
            formats = new String[n];
            for (int c = 0; c < n; c++) {
                formats[c] = switch (roster.type(c)) {
                    case TEXT -> RosterCells.TEXT_FORMAT;
                    case NUMBER -> null;
                    case DATE -> RosterCells.DATE_FORMAT;
                    case DATE_TIME -> RosterCells.DATE_TIME_FORMAT;
                };
            }
            runStart = new int[n];
            runEnd = new int[n];
            Arrays.fill(runStart, -1);
        }

        @Override
        public void startRow(int sheetRow) {
            row = sheetRow;
        }

        @Override
        public void text(int column, String value) {
            // inlineString, not value(String): value() would put every distinct text in the shared-strings table,
            // in memory until the workbook is finished.
            sheet.inlineString(row, column, value);
            formatted(column);
        }

        @Override
        public void number(int column, double value) {
            sheet.value(row, column, value);
        }

        @Override
        public void integer(int column, long value) {
            sheet.value(row, column, value);
        }

        @Override
        public void date(int column, LocalDate value) {
            sheet.value(row, column, value);
            formatted(column);
        }

        @Override
        public void dateTime(int column, LocalDateTime value) {
            sheet.value(row, column, value);
            formatted(column);
        }

        @Override
        public void endRow(int sheetRow) throws IOException {
            if (++rowsHeld == BATCH) {
                flush();
            }
        }

        /** Extends the column's run by the current row, or ends the run at a gap (a null cell) and starts another. */
        private void formatted(int column) {
            if (runStart[column] >= 0 && runEnd[column] == row - 1) {
                runEnd[column] = row;
                return;
            }
            closeRun(column);
            runStart[column] = row;
            runEnd[column] = row;
        }

        private void closeRun(int column) {
            if (runStart[column] >= 0) {
                sheet.range(runStart[column], column, runEnd[column], column).style().format(formats[column]).set();
                runStart[column] = -1;
            }
        }

        /** Formats the open runs and writes the held rows out; fastexcel then forgets them. */
        void flush() throws IOException {
            for (int c = 0; c < runStart.length; c++) {
                closeRun(c);
            }
            sheet.flush();
            rowsHeld = 0;
        }
    }
}
