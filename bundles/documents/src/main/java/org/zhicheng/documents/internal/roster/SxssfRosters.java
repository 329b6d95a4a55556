package org.zhicheng.documents.internal.roster;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.zhicheng.api.documents.Rosters;

/**
 * {@link Rosters} with Apache POI's streaming SXSSF: the baseline {@link FastExcelRosters} is measured against
 * (bench/RosterBench) and checked with in the tests. Not a service: the bundle's roster writer is
 * {@link FastExcelRosters}.
 *
 * <p>SXSSF keeps a window of {@value #WINDOW} rows in memory and spills older ones into a gzip-compressed temporary
 * file per sheet (POI's temporary directory), which {@code write} then copies into the workbook. The temporary
 * files are deleted ({@link SXSSFWorkbook#dispose()}) whatever happens, also when the row source throws part way.
 * Cells are typed and checked by {@link RosterCells}, as in {@link FastExcelRosters}; strings are inline strings
 * (SXSSF's default), which Excel never evaluates as formulas. Nothing reaches {@code out} unless every row was
 * written.
 */
public final class SxssfRosters implements Rosters {

    /** Rows SXSSF keeps in memory before spilling them to its temporary file. */
    static final int WINDOW = 100;

    @Override
    public long write(String sheetName, List<Column> columns, RowSource rows, OutputStream out) throws IOException {
        RosterCells roster = new RosterCells(sheetName, columns);
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(out, "out");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // POI and XMLBeans may look classes and XML factories up through the context class loader: make it the one
        // that sees the embedded libraries, as PoiSpreadsheets does.
        thread.setContextClassLoader(SxssfRosters.class.getClassLoader());
        // Inline strings (no shared-strings table, which would grow in memory) and compressed temporary files.
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, WINDOW, true, false)) {
            try {
                SXSSFSheet sheet = workbook.createSheet(roster.sheetName());
                Styles styles = new Styles(workbook);
                Row header = sheet.createRow(0);
                for (int c = 0; c < roster.columnCount(); c++) {
                    Cell cell = header.createCell(c);
                    cell.setCellValue(roster.header(c));
                    cell.setCellStyle(styles.header);
                    sheet.setColumnWidth(c, (int) Math.round(roster.width(c) * 256));
                }
                sheet.createFreezePane(0, 1);
                long count = roster.copy(rows, new Cells(sheet, styles));
                // POI's write leaves the stream open (the tests check it).
                workbook.write(out);
                return count;
            } finally {
                // Deletes the sheet's temporary file, also when a row or the source failed. POI 5's close() disposes
                // too; saying it here keeps the promise from depending on that.
                workbook.dispose();
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The workbook's cell styles, one per kind of cell. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle text;
        final CellStyle date;
        final CellStyle dateTime;

        Styles(SXSSFWorkbook workbook) {
            DataFormat formats = workbook.createDataFormat();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            text = workbook.createCellStyle();
            text.setDataFormat(formats.getFormat(RosterCells.TEXT_FORMAT));
            date = workbook.createCellStyle();
            date.setDataFormat(formats.getFormat(RosterCells.DATE_FORMAT));
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(formats.getFormat(RosterCells.DATE_TIME_FORMAT));
        }
    }

    private static final class Cells implements RosterCells.Sink {
        private final SXSSFSheet sheet;
        private final Styles styles;
        private Row row;

        Cells(SXSSFSheet sheet, Styles styles) {
            this.sheet = sheet;
            this.styles = styles;
        }

        @Override
        public void startRow(int sheetRow) {
            row = sheet.createRow(sheetRow);
        }

        @Override
        public void text(int column, String value) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(styles.text);
        }

        @Override
        public void number(int column, double value) {
            row.createCell(column).setCellValue(value);
        }

        @Override
        public void integer(int column, long value) {
            row.createCell(column).setCellValue(value);
        }

        @Override
        public void date(int column, LocalDate value) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(styles.date);
        }

        @Override
        public void dateTime(int column, LocalDateTime value) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(styles.dateTime);
        }

        @Override
        public void endRow(int sheetRow) {
            // SXSSF spills rows beyond its window by itself.
        }
    }
}
