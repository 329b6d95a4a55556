package org.zhicheng.documents.internal.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhicheng.api.documents.Rosters;
import org.zhicheng.api.documents.Rosters.Column;
import org.zhicheng.api.documents.Rosters.RowSource;
import org.zhicheng.api.documents.Spreadsheets.Limits;
import org.zhicheng.documents.internal.PoiSpreadsheets;

/**
 * What every {@link Rosters} must do, run for {@link FastExcelRosters} (the service) and {@link SxssfRosters} (the
 * baseline): the roster export of a review queue (CQ-REV-4, "roster export to Excel of the current queue,
 * filterable") and the applicants' list export (FJ-8, "export Excel") are written and read back with Apache POI
 * (XSSF, and our own streaming reader), cell by cell.
 */
abstract class RostersContract {

    /** The implementation under test. */
    abstract Rosters rosters();

    static final List<Column> TYPED = List.of(
            new Column("身份证号", Rosters.CellType.TEXT, 20),
            new Column("编号", Rosters.CellType.TEXT, 0),
            new Column("整数", Rosters.CellType.NUMBER, 0),
            new Column("长整数", Rosters.CellType.NUMBER, 0),
            new Column("得分", Rosters.CellType.NUMBER, 0),
            new Column("小数", Rosters.CellType.NUMBER, 0),
            new Column("单精度", Rosters.CellType.NUMBER, 0),
            new Column("出生日期", Rosters.CellType.DATE, 0),
            new Column("提交时间", Rosters.CellType.DATE_TIME, 0),
            new Column("审核时间", Rosters.CellType.DATE_TIME, 0));

    static final List<Column> THREE = List.of(
            new Column("姓名", Rosters.CellType.TEXT, 0),
            new Column("得分", Rosters.CellType.NUMBER, 0),
            new Column("出生日期", Rosters.CellType.DATE, 0));

    // ---- what comes out ----

    /** CQ-REV-4, FJ-8: a 10,000-row queue of twelve columns comes back row for row, cell for cell. */
    @Test
    void tenThousandRowsComeBackExactly() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(10_000, rosters().write("待审名单", SampleRoster.COLUMNS, SampleRoster.rows(10_000), out));

        List<List<String>> read = new ArrayList<>();
        new PoiSpreadsheets().read(new ByteArrayInputStream(out.toByteArray()),
                new Limits(100L * 1024 * 1024, 20_000, 20), (number, cells) -> {
                    assertEquals(read.size() + 1, number, "no row is skipped");
                    read.add(cells);
                });
        assertEquals(10_001, read.size());
        assertEquals(SampleRoster.COLUMNS.stream().map(Column::header).toList(), read.get(0));
        for (int i = 1; i <= 10_000; i++) {
            assertEquals(SampleRoster.asRead(i), read.get(i), "row " + i);
        }
    }

    /** FJ-8: the header row is in Chinese, bold and frozen; column widths are the ones asked for, or fit the header. */
    @Test
    void theHeaderIsChineseBoldAndFrozen() throws Exception {
        try (XSSFWorkbook workbook = open(write("待审名单", SampleRoster.COLUMNS, SampleRoster.rows(3)))) {
            assertEquals(1, workbook.getNumberOfSheets());
            XSSFSheet sheet = workbook.getSheet("待审名单");
            assertNotNull(sheet);
            Row header = sheet.getRow(0);
            for (int c = 0; c < SampleRoster.COLUMNS.size(); c++) {
                XSSFCell cell = (XSSFCell) header.getCell(c);
                assertEquals(CellType.STRING, cell.getCellType());
                assertEquals(SampleRoster.COLUMNS.get(c).header(), cell.getStringCellValue());
                assertTrue(cell.getCellStyle().getFont().getBold(), "header " + c + " is bold");
            }
            assertFalse(sheet.getRow(1).getCell(1).getCellStyle().getFont().getBold(), "rows are not");

            PaneInformation pane = sheet.getPaneInformation();
            assertNotNull(pane, "a pane");
            assertTrue(pane.isFreezePane(), "frozen");
            assertEquals(1, pane.getHorizontalSplitPosition(), "below row 1");
            assertEquals(0, pane.getVerticalSplitPosition(), "no column frozen");

            assertEquals(20 * 256, sheet.getColumnWidth(3), "身份证号 as asked");
            assertEquals(30 * 256, sheet.getColumnWidth(5), "工作单位 as asked");
            assertEquals(14 * 256, sheet.getColumnWidth(8), "参加工作时间: six CJK characters and a margin");
            assertEquals(18 * 256, sheet.getColumnWidth(9), "提交时间: a date and time");
            assertEquals(12 * 256, sheet.getColumnWidth(2), "性别: a text column's default");
        }
    }

    /**
     * CQ-REV-4: ID numbers and codes stay exact text, numbers are numbers, dates and times are dates formatted
     * yyyy-mm-dd and yyyy-mm-dd hh:mm, an Instant shown in Beijing time whatever the server's zone.
     */
    @Test
    void cellsKeepTheirTypes() throws Exception {
        TimeZone zone = TimeZone.getDefault();
        byte[] file;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            file = write("名单", TYPED, rows(
                    List.of("44010619850101001X", "007", 3, 12_345_678_901L, 85.5, new BigDecimal("0.1"), 0.1f,
                            LocalDate.of(1985, 1, 1), LocalDateTime.of(2024, 3, 15, 8, 30, 15),
                            Instant.parse("2024-03-15T00:30:00Z")),
                    List.of("440106198501010012", "0000123", -7, 0L, 100.0, new BigDecimal("123456.789"), 2.5f,
                            LocalDate.of(2000, 2, 29), LocalDateTime.of(1999, 12, 31, 23, 59),
                            Instant.parse("2024-12-31T16:05:00Z"))));
        } finally {
            TimeZone.setDefault(zone);
        }
        DataFormatter shown = new DataFormatter();
        try (XSSFWorkbook workbook = open(file)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Row first = sheet.getRow(1);
            Row second = sheet.getRow(2);

            assertText("44010619850101001X", first.getCell(0));
            assertText("007", first.getCell(1));
            assertText("440106198501010012", second.getCell(0));
            assertText("0000123", second.getCell(1));
            assertEquals("@", first.getCell(0).getCellStyle().getDataFormatString(), "Excel's Text format");

            assertNumber(3, first.getCell(2));
            assertNumber(12_345_678_901d, first.getCell(3));
            assertNumber(85.5, first.getCell(4));
            assertNumber(0.1, first.getCell(5));
            assertNumber(0.1, first.getCell(6));
            assertNumber(-7, second.getCell(2));
            assertNumber(0, second.getCell(3));
            assertNumber(100, second.getCell(4));
            assertNumber(123456.789, second.getCell(5));
            assertNumber(2.5, second.getCell(6));
            assertEquals("85.5", shown.formatCellValue(first.getCell(4)));
            assertEquals("12345678901", shown.formatCellValue(first.getCell(3)));

            assertDate(LocalDateTime.of(1985, 1, 1, 0, 0), "yyyy-mm-dd", first.getCell(7));
            assertEquals("1985-01-01", shown.formatCellValue(first.getCell(7)));
            assertDate(LocalDateTime.of(2000, 2, 29, 0, 0), "yyyy-mm-dd", second.getCell(7));
            assertDate(LocalDateTime.of(2024, 3, 15, 8, 30, 15), "yyyy-mm-dd hh:mm", first.getCell(8));
            assertEquals("2024-03-15 08:30", shown.formatCellValue(first.getCell(8)));
            assertDate(LocalDateTime.of(1999, 12, 31, 23, 59), "yyyy-mm-dd hh:mm", second.getCell(8));
            assertDate(LocalDateTime.of(2024, 3, 15, 8, 30), "yyyy-mm-dd hh:mm", first.getCell(9));
            assertDate(LocalDateTime.of(2025, 1, 1, 0, 5), "yyyy-mm-dd hh:mm", second.getCell(9));
            assertEquals("2025-01-01 00:05", shown.formatCellValue(second.getCell(9)));
        }
    }

    /** The first and last dates Excel shows come back exact, on both sides of its 1900 leap-year quirk. */
    @Test
    void datesAtExcelsEdgesAreExact() throws Exception {
        List<LocalDate> dates = List.of(LocalDate.of(1900, 1, 1), LocalDate.of(1900, 2, 28), LocalDate.of(1900, 3, 1),
                LocalDate.of(9999, 12, 31));
        List<List<?>> rows = new ArrayList<>();
        for (LocalDate date : dates) {
            rows.add(Arrays.asList(null, null, date));
        }
        try (XSSFWorkbook workbook = open(write("名单", THREE, rows(rows.toArray(List<?>[]::new))))) {
            for (int i = 0; i < dates.size(); i++) {
                assertDate(dates.get(i).atStartOfDay(), "yyyy-mm-dd", workbook.getSheetAt(0).getRow(i + 1).getCell(2));
            }
        }
    }

    /** CQ-REV-4: a null cell, and the cells a short row leaves out, are empty. */
    @Test
    void nullCellsAndShortRowsStayEmpty() throws Exception {
        byte[] file = write("名单", THREE, rows(
                Arrays.asList(null, 60, null),
                List.of("李四"),
                List.of(),
                Arrays.asList("王五", null, LocalDate.of(1990, 5, 1))));
        try (XSSFWorkbook workbook = open(file)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertBlank(sheet.getRow(1).getCell(0));
            assertNumber(60, sheet.getRow(1).getCell(1));
            assertBlank(sheet.getRow(1).getCell(2));
            assertText("李四", sheet.getRow(2).getCell(0));
            assertBlank(sheet.getRow(2).getCell(1));
            assertBlank(sheet.getRow(2).getCell(2));
            for (int c = 0; c < 3; c++) {
                assertBlank(sheet.getRow(3) == null ? null : sheet.getRow(3).getCell(c));
            }
            assertText("王五", sheet.getRow(4).getCell(0));
            assertBlank(sheet.getRow(4).getCell(1));
            assertDate(LocalDateTime.of(1990, 5, 1, 0, 0), "yyyy-mm-dd", sheet.getRow(4).getCell(2));
        }
    }

    /**
     * CQ-REV-4 (CSV/Excel injection): text an applicant typed that begins with = + - @ is written as a string,
     * never as a formula, and keeps every character.
     */
    @Test
    void formulaLikeTextStaysText() throws Exception {
        List<String> texts = List.of("=1+1", "+8613800138000", "-2+3", "@SUM(A1:A2)",
                "=HYPERLINK(\"http://evil.example/\",\"点击查看\")", "=cmd|' /C calc'!A0");
        List<List<?>> rows = new ArrayList<>();
        for (String text : texts) {
            rows.add(List.of(text));
        }
        byte[] file = write("名单", THREE, rows(rows.toArray(List<?>[]::new)));
        try (XSSFWorkbook workbook = open(file)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            for (int i = 0; i < texts.size(); i++) {
                Cell cell = sheet.getRow(i + 1).getCell(0);
                assertEquals(CellType.STRING, cell.getCellType(), texts.get(i));
                assertEquals(texts.get(i), cell.getStringCellValue());
            }
        }
        String sheetXml = sheetXml(file);
        assertFalse(sheetXml.contains("<f>") || sheetXml.contains("<f "), "no formula in the sheet");
        assertTrue(sheetXml.contains("t=\"inlineStr\""), "inline strings");
        assertFalse(sheetXml.contains("t=\"s\""), "no shared strings");
    }

    /** Characters XML 1.0 cannot hold are left out rather than making a file Excel calls corrupt. */
    @Test
    void charactersXmlCannotHoldAreLeftOut() throws Exception {
        List<Column> columns = List.of(new Column("姓名\u0001", Rosters.CellType.TEXT, 0));
        byte[] file = write("名单", columns, rows(
                List.of("张\u0000三\u0007\u001B"),
                List.of("第一行\n第二行\t制表"),
                List.of("孤\uD800立\uDC00代理\uFFFE"),
                List.of("表情😀"),
                List.of("\u0000")));
        try (XSSFWorkbook workbook = open(file)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertText("姓名", sheet.getRow(0).getCell(0));
            assertText("张三", sheet.getRow(1).getCell(0));
            assertText("第一行\n第二行\t制表", sheet.getRow(2).getCell(0));
            assertText("孤立代理", sheet.getRow(3).getCell(0));
            assertText("表情😀", sheet.getRow(4).getCell(0));
            Cell emptied = sheet.getRow(5).getCell(0);
            assertTrue(emptied == null || emptied.getStringCellValue().isEmpty(), "nothing is left");
        }
    }

    /** Excel holds 32,767 characters in a cell: that many are written, one more is refused. */
    @Test
    void textUpToExcelsLimitIsWrittenAndBeyondRefused() throws Exception {
        // Varied characters: one repeated 32,767 times compresses so well that POI's reader takes it for a zip bomb.
        Random random = new Random(4);
        StringBuilder text = new StringBuilder();
        while (text.length() < 32_767) {
            text.append((char) (0x4E00 + random.nextInt(0x9FA5 - 0x4E00)));
        }
        String longest = text.toString();
        try (XSSFWorkbook workbook = open(write("名单", THREE, rows(List.of(longest))))) {
            assertText(longest, workbook.getSheetAt(0).getRow(1).getCell(0));
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> write("名单", THREE, rows(List.of("短"), List.of(longest + "审"))));
        assertMessage(refused, "row 2", "Excel row 3", "\"姓名\"", "32,768 characters", "32,767");
    }

    /** A roster without rows is a header alone. */
    @Test
    void anEmptyQueueIsAHeaderAlone() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, rosters().write("名单", THREE, () -> null, out));
        try (XSSFWorkbook workbook = open(out.toByteArray())) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertEquals(0, sheet.getLastRowNum());
            assertText("出生日期", sheet.getRow(0).getCell(2));
        }
    }

    /** The longest sheet name Excel takes is kept as it is. */
    @Test
    void aSheetNameOf31CharactersIsKept() throws Exception {
        String name = "二〇二四年度卫生系列高级职称评审待审名单（广州市第一人民医院）";
        assertEquals(31, name.length());
        try (XSSFWorkbook workbook = open(write(name, THREE, rows(List.of("张三"))))) {
            assertEquals(name, workbook.getSheetName(0));
        }
    }

    // ---- what is refused ----

    static Stream<String> badSheetNames() {
        return Stream.of("", "   ", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二", "名单[1]", "a]b", "审核:通过",
                "a*b", "谁?", "2024/03", "a\\b", "'名单", "名单'", "History", "名\u0000单");
    }

    /** Sheet names Excel would refuse or repair are refused, with the rule they break. */
    @ParameterizedTest
    @MethodSource("badSheetNames")
    @NullSource
    void sheetNamesExcelRefusesAreRefused(String name) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> rosters().write(name, THREE, rows(List.of("张三")), new ByteArrayOutputStream()));
        assertTrue(refused.getMessage().contains("sheet name"), refused.getMessage());
    }

    /** A row with more cells than there are columns is refused, naming the row. */
    @Test
    void aRowLongerThanTheColumnsIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> write("名单", THREE,
                rows(List.of("张三"), List.of("李四", 1, LocalDate.of(1990, 1, 1)),
                        List.of("王五", 2, LocalDate.of(1990, 1, 1), "多余"))));
        assertMessage(refused, "row 3", "Excel row 4", "4 cells", "3 columns");
    }

    static Stream<Arguments> cellsOfTheWrongType() {
        return Stream.of(
                Arguments.of(0, 5, "\"姓名\" (TEXT)", "java.lang.Integer"),
                Arguments.of(1, "85", "\"得分\" (NUMBER)", "java.lang.String"),
                Arguments.of(1, true, "\"得分\" (NUMBER)", "java.lang.Boolean"),
                Arguments.of(2, "1990-01-01", "\"出生日期\" (DATE)", "java.lang.String"),
                Arguments.of(2, LocalDateTime.of(1990, 1, 1, 0, 0), "\"出生日期\" (DATE)", "java.time.LocalDateTime"),
                Arguments.of(2, new java.util.Date(), "\"出生日期\" (DATE)", "java.util.Date"));
    }

    /** A cell whose Java type does not fit its column is refused, naming the row, the column and both types. */
    @ParameterizedTest
    @MethodSource("cellsOfTheWrongType")
    void aCellOfTheWrongTypeIsRefused(int column, Object value, String named, String type) {
        Object[] second = {"李四", 1, LocalDate.of(1990, 1, 1)};
        second[column] = value;
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> write("名单", THREE, rows(List.of("张三"), Arrays.asList(second))));
        assertMessage(refused, "row 2", "Excel row 3", "column " + (column + 1), named, type);
    }

    /** A date-time column takes LocalDateTime and Instant, and nothing else. */
    @Test
    void aDateTimeColumnRefusesADate() {
        List<Column> columns = List.of(new Column("提交时间", Rosters.CellType.DATE_TIME, 0));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> write("名单", columns, rows(List.of(LocalDate.of(2024, 1, 1)))));
        assertMessage(refused, "row 1", "\"提交时间\" (DATE_TIME)", "java.time.LocalDate");
    }

    /** Numbers and dates Excel cannot hold are refused rather than written as a corrupt or wrong cell. */
    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "1899-12-31", "+10000-01-01"})
    void valuesExcelCannotHoldAreRefused(String value) {
        boolean date = Character.isDigit(value.charAt(0)) || value.startsWith("+");
        Object[] row = {"张三", 1, LocalDate.of(1990, 1, 1)};
        if (date) {
            row[2] = LocalDate.parse(value);
        } else {
            row[1] = Double.parseDouble(value);
        }
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> write("名单", THREE, rows(Arrays.asList(row))));
        assertMessage(refused, "row 1", date ? "\"出生日期\"" : "\"得分\"");
    }

    /** Columns are required: none, or a null one, is refused. */
    @Test
    void missingColumnsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> rosters().write("名单", List.of(), () -> null, new ByteArrayOutputStream()));
        assertThrows(IllegalArgumentException.class,
                () -> rosters().write("名单", null, () -> null, new ByteArrayOutputStream()));
        List<Column> withNull = Arrays.asList(THREE.get(0), null);
        assertThrows(IllegalArgumentException.class,
                () -> rosters().write("名单", withNull, () -> null, new ByteArrayOutputStream()));
    }

    // ---- failures and streams ----

    /** The row source's own IOException comes out unchanged, after the rows before it were written. */
    @Test
    void theSourcesIOExceptionComesOutUnchanged() {
        IOException broken = new IOException("the database connection was lost");
        int[] served = {0};
        RowSource failing = () -> {
            if (served[0] == 500) {
                throw broken;
            }
            return SampleRoster.row(++served[0]);
        };
        TrackingStream out = new TrackingStream();
        IOException thrown = assertThrows(IOException.class,
                () -> rosters().write("待审名单", SampleRoster.COLUMNS, failing, out));
        assertSame(broken, thrown);
        assertEquals(500, served[0]);
        assertFalse(out.closed, "the caller's stream is never closed");
    }

    /** write leaves the caller's stream open, so that a servlet response or a zip entry can go on. */
    @Test
    void theOutputStreamIsLeftOpen() throws Exception {
        TrackingStream out = new TrackingStream();
        assertEquals(3, rosters().write("名单", SampleRoster.COLUMNS, SampleRoster.rows(3), out));
        assertFalse(out.closed, "not closed");
        int size = out.size();
        assertTrue(size > 0);
        out.write('x');
        assertEquals(size + 1, out.size(), "still writable");
        try (XSSFWorkbook workbook = open(Arrays.copyOf(out.toByteArray(), size))) {
            assertEquals(3, workbook.getSheetAt(0).getLastRowNum());
        }
    }

    /**
     * Streaming (CQ-REV-4 exports whole queues): the heap a roster holds does not grow with its rows. The live heap
     * after a full collection is taken at row 20,000 and at row 120,000 of a twelve-column roster; a writer that
     * kept rows, or a shared-strings table of every ID number, would grow by tens of megabytes (and not pass the
     * 64 MB test heap at all).
     */
    @Test
    void theHeapDoesNotGrowWithTheRows() throws Exception {
        long[] live = new long[2];
        int[] served = {0};
        RowSource measured = () -> {
            if (served[0] == 120_000) {
                live[1] = liveHeap();
                return null;
            }
            if (served[0] == 20_000) {
                live[0] = liveHeap();
            }
            return SampleRoster.row(++served[0]);
        };
        CountingStream out = new CountingStream();
        assertEquals(120_000, rosters().write("待审名单", SampleRoster.COLUMNS, measured, out));
        assertTrue(out.count > 1_000_000, "a real workbook: " + out.count + " bytes");
        long growth = live[1] - live[0];
        assertTrue(growth < 6L * 1024 * 1024,
                "the live heap grew by " + growth / 1024 + " KB over 100,000 rows (" + live[0] / 1024 + " KB at row"
                        + " 20,000, " + live[1] / 1024 + " KB at row 120,000)");
    }

    // ---- helpers ----

    private static long liveHeap() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    byte[] write(String sheetName, List<Column> columns, RowSource rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        rosters().write(sheetName, columns, rows, out);
        return out.toByteArray();
    }

    static RowSource rows(List<?>... rows) {
        Iterator<List<?>> it = Arrays.asList(rows).iterator();
        return () -> it.hasNext() ? it.next() : null;
    }

    static XSSFWorkbook open(byte[] file) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(file));
    }

    /**
     * The first worksheet's XML, as stored in the file. Through POI's package, not java.util.zip.ZipInputStream:
     * both writers stream zip entries with ZIP64 data descriptors, which ZipInputStream misreads (Excel, POI,
     * unzip and ZipFile go by the central directory).
     */
    static String sheetXml(byte[] file) throws IOException {
        try (XSSFWorkbook workbook = open(file);
                InputStream in = workbook.getSheetAt(0).getPackagePart().getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void assertText(String expected, Cell cell) {
        assertNotNull(cell, expected);
        assertEquals(CellType.STRING, cell.getCellType(), expected);
        assertEquals(expected, cell.getStringCellValue());
    }

    static void assertNumber(double expected, Cell cell) {
        assertNotNull(cell);
        assertEquals(CellType.NUMERIC, cell.getCellType());
        assertFalse(DateUtil.isCellDateFormatted(cell), "not a date");
        assertEquals(expected, cell.getNumericCellValue());
    }

    static void assertDate(LocalDateTime expected, String format, Cell cell) {
        assertNotNull(cell);
        assertEquals(CellType.NUMERIC, cell.getCellType());
        assertTrue(DateUtil.isCellDateFormatted(cell), "a date");
        assertEquals(format, cell.getCellStyle().getDataFormatString());
        assertEquals(expected, cell.getLocalDateTimeCellValue());
    }

    static void assertBlank(Cell cell) {
        assertTrue(cell == null || cell.getCellType() == CellType.BLANK, () -> "empty, not " + cell);
    }

    static void assertMessage(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "\"" + part + "\" in: " + e.getMessage());
        }
    }

    /** A stream that remembers being closed, and refuses bytes afterwards. */
    static final class TrackingStream extends ByteArrayOutputStream {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            assertFalse(closed, "written after close");
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            assertFalse(closed, "written after close");
            super.write(b);
        }
    }

    /** Counts and discards. */
    static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
