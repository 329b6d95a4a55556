package org.zhicheng.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhicheng.api.documents.SpreadsheetException;
import org.zhicheng.api.documents.SpreadsheetException.Reason;
import org.zhicheng.api.documents.Spreadsheets.Limits;

class PoiSpreadsheetsTest {

    private static final Limits LIMITS = new Limits(10L * 1024 * 1024, 1000, 50);

    private final PoiSpreadsheets spreadsheets = new PoiSpreadsheets();

    record Line(int number, List<String> cells) {
        static Line of(int number, String... cells) {
            return new Line(number, List.of(cells));
        }
    }

    /** What both formats must yield for the roster {@link #fillRoster(Workbook)} writes. */
    private static final List<Line> ROSTER = List.of(
            Line.of(1, "姓名", "身份证号", "证件号（数值）", "出生日期", "得分", "通过"),
            // row 2: styled blank cells only, row 3: absent -> both skipped
            Line.of(4, "张三", "440103199001011234", "440103199001011", "1990-01-01", "3.1", "true"),
            Line.of(5, "李四", "", "440103199001011260", "2024-03-15T08:30:05", "-12.5", "false"),
            Line.of(6, "", "", "100000000000000000000", "2024-03-15", "2024-03-15", "12:00:00"),
            Line.of(7, "21", "42", "王五", "true", "#DIV/0!", "0.3", "007", "0.15"),
            Line.of(8, "第一行\n第二行", "440103199001011000", "#N/A"));

    // ---- cell text, both formats ----

    @Test
    void xlsxRosterComesOutExactly() throws Exception {
        assertEquals(ROSTER, read(xlsx(PoiSpreadsheetsTest::fillRoster), LIMITS));
    }

    @Test
    void xlsRosterComesOutExactly() throws Exception {
        assertEquals(ROSTER, read(xls(PoiSpreadsheetsTest::fillRoster), LIMITS));
    }

    @Test
    void xlsxInlineStringsFromAStreamingWriterAreRead() throws Exception {
        byte[] file = sxssf(wb -> {
            Sheet sheet = wb.createSheet("名单");
            Row row = sheet.createRow(0);
            row.createCell(0).setCellValue("  王小明 ");
            row.createCell(1).setCellValue("440103199001011234");
            row.createCell(3).setCellValue(7);
        }, 100);
        assertEquals(List.of(Line.of(1, "王小明", "440103199001011234", "", "7")), read(file, LIMITS));
    }

    @Test
    void xlsxWith1904DateSystemGivesTheSameDates() throws Exception {
        byte[] file = xlsx(wb -> {
            XSSFWorkbook xssf = (XSSFWorkbook) wb;
            CTWorkbook ct = xssf.getCTWorkbook();
            (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
            assertTrue(xssf.isDate1904());
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Cell cell = wb.createSheet().createRow(0).createCell(0);
            cell.setCellValue(LocalDate.of(2024, 3, 15));
            cell.setCellStyle(date);
        });
        assertEquals(List.of(Line.of(1, "2024-03-15")), read(file, LIMITS));
    }

    @Test
    void onlyTheFirstSheetIsRead() throws Exception {
        for (byte[] file : List.of(xlsx(PoiSpreadsheetsTest::twoSheets), xls(PoiSpreadsheetsTest::twoSheets))) {
            assertEquals(List.of(Line.of(1, "第一张")), read(file, LIMITS));
        }
    }

    @Test
    void numbersAreWrittenPlain() {
        assertEquals("440103199001011", CellText.number(440103199001011d));
        assertEquals("440103199001011000", CellText.number(4.40103199001011E17));
        assertEquals("440103199001011260", CellText.number(440103199001011234d));
        assertEquals("9007199254740994", CellText.number(9007199254740992d + 2)); // 2^53 + 2: 16 digits
        assertEquals("12345678901234568", CellText.number(12345678901234567d)); // the nearest double needs all 17
        assertEquals("100", CellText.number(100d));
        assertEquals("0", CellText.number(-0.0d));
        assertEquals("0.3", CellText.number(0.1 + 0.2));
        assertEquals("0.000001", CellText.number(1e-6));
        assertEquals("12345678901234.6", CellText.number(12345678901234.56));
        assertEquals("李四", CellText.trim("\uFEFF\u00A0\u3000李四\u200B \t"));
        assertEquals("a\rb", CellText.ooxmlDecode("a_x000D_b"));
    }

    // ---- refusals ----

    @ParameterizedTest
    @ValueSource(strings = {"csv", "random", "empty", "zip", "html", "pdf"})
    void whatIsNoSpreadsheetIsRefused(String kind) throws Exception {
        byte[] content = switch (kind) {
            case "csv" -> "姓名,身份证号\n张三,440103199001011234\n".getBytes(StandardCharsets.UTF_8);
            case "random" -> randomBytes(4096);
            case "empty" -> new byte[0];
            case "zip" -> zip("readme.txt", "not a workbook".getBytes(StandardCharsets.UTF_8));
            case "html" -> "<html><body><table><tr><td>张三</td></tr></table></body></html>".getBytes(StandardCharsets.UTF_8);
            case "pdf" -> "%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
            default -> throw new IllegalArgumentException(kind);
        };
        SpreadsheetException e = refused(content, LIMITS);
        assertEquals(Reason.NOT_A_SPREADSHEET, e.reason());
        assertEquals("文件不是 Excel 表格（.xlsx 或 .xls），请另存为 Excel 格式后重新上传。", e.zh());
        assertEquals("The file is not an Excel spreadsheet (.xlsx or .xls); save it in Excel format and upload it again.",
                e.getMessage());
    }

    @Test
    void anAgileEncryptedXlsxIsRefused() throws Exception {
        byte[] plain = xlsx(PoiSpreadsheetsTest::fillRoster);
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor encryptor = info.getEncryptor();
        encryptor.confirmPassword("口令123");
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(plain);
            }
            fs.writeFilesystem(encrypted);
        }
        SpreadsheetException e = refused(encrypted.toByteArray(), LIMITS);
        assertEquals(Reason.ENCRYPTED, e.reason());
        assertTrue(e.zh().contains("密码"), e.zh());
    }

    @Test
    void aPasswordProtectedXlsIsRefused() throws Exception {
        byte[] file;
        Biff8EncryptionKey.setCurrentUserPassword("口令123");
        try {
            file = xls(PoiSpreadsheetsTest::fillRoster);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        assertEquals(Reason.ENCRYPTED, refused(file, LIMITS).reason());
    }

    @Test
    void aTruncatedFileIsDamaged() throws Exception {
        for (byte[] file : List.of(xlsx(PoiSpreadsheetsTest::fillRoster), xls(PoiSpreadsheetsTest::fillRoster))) {
            byte[] truncated = Arrays.copyOf(file, file.length / 2);
            SpreadsheetException e = refused(truncated, LIMITS);
            assertEquals(Reason.DAMAGED, e.reason(), e.getMessage());
        }
    }

    @Test
    void moreBytesThanAllowedAreRefusedAndTheLimitIsNamed() throws Exception {
        byte[] file = xlsx(PoiSpreadsheetsTest::fillRoster);
        assertEquals(ROSTER, read(file, new Limits(file.length, 1000, 50)));
        SpreadsheetException e = refused(file, new Limits(file.length - 1, 1000, 50));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertTrue(e.zh().contains(Failures.size(file.length - 1)), e.zh());
        assertTrue(e.getMessage().contains(Failures.size(file.length - 1)), e.getMessage());
        assertEquals("10 MB", Failures.size(10L * 1024 * 1024));
    }

    @Test
    void aZipBombIsRefusedAsTooLarge() throws Exception {
        byte[] file = xlsx(wb -> wb.createSheet().createRow(0).createCell(0).setCellValue("x"));
        // 40 MB of one letter compresses about a thousand times: far beyond POI's ratio guard.
        byte[] bomb = replaceEntry(file, "xl/sharedStrings.xml", out -> {
            out.write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1024 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 40; i++) {
                out.write(chunk);
            }
            out.write("</t></si></sst>".getBytes(StandardCharsets.UTF_8));
        });
        assertTrue(bomb.length < 1024 * 1024, "the bomb should be small: " + bomb.length);
        assertEquals(Reason.TOO_LARGE, refused(bomb, LIMITS).reason());
    }

    @Test
    void moreRowsThanAllowedAreRefusedAndTheLimitIsNamed() throws Exception {
        for (Supplier<byte[]> file : List.<Supplier<byte[]>>of(() -> xlsx(rows(5)), () -> xls(rows(5)))) {
            assertEquals(5, read(file.get(), new Limits(LIMITS.maxBytes(), 5, 50)).size());
            List<Line> delivered = new ArrayList<>();
            SpreadsheetException e = assertThrows(SpreadsheetException.class, () -> spreadsheets.read(
                    new ByteArrayInputStream(file.get()), new Limits(LIMITS.maxBytes(), 4, 50),
                    (n, cells) -> delivered.add(new Line(n, cells))));
            assertEquals(Reason.TOO_MANY_ROWS, e.reason());
            assertTrue(e.zh().contains("4 行"), e.zh());
            assertTrue(e.getMessage().contains("more than 4 rows"), e.getMessage());
            assertEquals(4, delivered.size());
        }
    }

    @Test
    void blankRowsDoNotCountTowardsTheRowLimit() throws Exception {
        byte[] file = xlsx(wb -> {
            Sheet sheet = wb.createSheet();
            CellStyle bold = wb.createCellStyle();
            for (int i = 0; i < 9; i++) {
                Row row = sheet.createRow(i);
                if (i % 3 == 0) {
                    row.createCell(0).setCellValue("行" + i);
                } else {
                    row.createCell(0).setCellStyle(bold);
                }
            }
        });
        assertEquals(List.of(Line.of(1, "行0"), Line.of(4, "行3"), Line.of(7, "行6")),
                read(file, new Limits(LIMITS.maxBytes(), 3, 50)));
    }

    @Test
    void moreColumnsThanAllowedAreRefusedButTrailingBlanksAreNot() throws Exception {
        for (Supplier<byte[]> file : List.<Supplier<byte[]>>of(() -> xlsx(columns()), () -> xls(columns()))) {
            assertEquals(List.of(Line.of(1, "甲", "乙", "丙"), Line.of(2, "甲", "乙", "丙", "丁")),
                    read(file.get(), new Limits(LIMITS.maxBytes(), 10, 4)));
            SpreadsheetException e = refused(file.get(), new Limits(LIMITS.maxBytes(), 10, 3));
            assertEquals(Reason.TOO_MANY_COLUMNS, e.reason());
            assertTrue(e.zh().contains("第 2 行") && e.zh().contains("3 列"), e.zh());
        }
    }

    @Test
    void everyReasonHasBothMessages() {
        List<SpreadsheetException> all = List.of(Failures.notASpreadsheet(), Failures.oldExcelFormat(),
                Failures.binaryWorkbook(), Failures.strictOpenXml(null), Failures.encrypted(null),
                Failures.damaged(null), Failures.tooLarge(1024), Failures.unpackedTooLarge(null),
                Failures.tooManyRows(5000), Failures.tooManyColumns(30, 7));
        assertEquals(Arrays.stream(Reason.values()).toList(),
                all.stream().map(SpreadsheetException::reason).distinct().sorted().toList());
        for (SpreadsheetException e : all) {
            assertTrue(e.zh().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    e.zh());
            assertTrue(e.getMessage().matches("[\\x20-\\x7E]+"), e.getMessage());
        }
        assertTrue(Failures.tooManyRows(5000).zh().contains("5000"));
        assertTrue(Failures.tooManyRows(5000).getMessage().contains("5000"));
    }

    // ---- the caller's side ----

    @Test
    void theHandlersOwnExceptionComesOutUnchanged() throws Exception {
        for (byte[] file : List.of(xlsx(PoiSpreadsheetsTest::fillRoster), xls(PoiSpreadsheetsTest::fillRoster))) {
            IllegalStateException boom = new IllegalStateException("duplicate ID number");
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> spreadsheets.read(new ByteArrayInputStream(file), LIMITS, (n, cells) -> {
                        if (n == 5) {
                            throw boom;
                        }
                    }));
            assertSame(boom, thrown);
        }
    }

    @Test
    void theContextClassLoaderIsRestored() throws Exception {
        ClassLoader marker = new URLClassLoader(new URL[0], null);
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        thread.setContextClassLoader(marker);
        try {
            ClassLoader[] during = new ClassLoader[1];
            spreadsheets.read(new ByteArrayInputStream(xlsx(PoiSpreadsheetsTest::fillRoster)), LIMITS,
                    (n, cells) -> during[0] = Thread.currentThread().getContextClassLoader());
            assertSame(PoiSpreadsheets.class.getClassLoader(), during[0]);
            assertSame(marker, thread.getContextClassLoader());
            assertThrows(SpreadsheetException.class, () -> spreadsheets.read(
                    new ByteArrayInputStream(randomBytes(100)), LIMITS, (n, cells) -> { }));
            assertSame(marker, thread.getContextClassLoader());
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    @Test
    void theTemporaryCopyIsDeletedWhateverTheOutcome() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = copies(tmp);
        byte[] file = xlsx(PoiSpreadsheetsTest::fillRoster);
        List<Path> during = new ArrayList<>();
        spreadsheets.read(new ByteArrayInputStream(file), LIMITS, (n, cells) -> {
            if (during.isEmpty()) {
                during.addAll(copies(tmp));
            }
        });
        assertTrue(during.size() > before.size(), "the upload is read from a temporary copy");
        refused(file, new Limits(file.length - 1, 1000, 50));
        refused(randomBytes(100), LIMITS);
        assertEquals(before, copies(tmp));
    }

    private static List<Path> copies(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("zhicheng-spreadsheet-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void fiftyThousandRowsStreamThrough() throws Exception {
        int total = 50_000;
        byte[] file = sxssf(wb -> {
            Sheet sheet = wb.createSheet("合格名单");
            for (int i = 0; i < total; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("考生" + i);
                row.createCell(1).setCellValue(String.format("4401031990%08d", i));
                row.createCell(2).setCellValue(440103199001011d + i);
                row.createCell(3).setCellValue(60 + i % 40);
                row.createCell(4).setCellValue("合格");
            }
        }, 200);
        AtomicInteger rows = new AtomicInteger();
        int[] last = new int[1];
        List<String> lastCells = new ArrayList<>();
        spreadsheets.read(new ByteArrayInputStream(file), new Limits(file.length, total, 5), (n, cells) -> {
            rows.incrementAndGet();
            last[0] = n;
            lastCells.clear();
            lastCells.addAll(cells);
        });
        assertEquals(total, rows.get());
        assertEquals(total, last[0]);
        assertEquals(List.of("考生49999", "440103199000049999", "440103199051010", "99", "合格"), lastCells);
    }

    @Test
    void theLimitedStreamFailsRatherThanTruncates() throws Exception {
        try (InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[10]), 9)) {
            assertThrows(LimitedInputStream.Exceeded.class, in::readAllBytes);
        }
        try (InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[10]), 10)) {
            assertEquals(10, in.readAllBytes().length);
        }
    }

    // ---- fixtures ----

    private static void fillRoster(Workbook wb) {
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle dateTime = wb.createCellStyle();
        dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        CellStyle chineseBuiltin = wb.createCellStyle();
        chineseBuiltin.setDataFormat((short) 31); // yyyy"年"m"月"d"日" in the Chinese Excel, by number only
        CellStyle chineseCustom = wb.createCellStyle();
        chineseCustom.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
        CellStyle time = wb.createCellStyle();
        time.setDataFormat(wb.createDataFormat().getFormat("h:mm"));
        CellStyle twoDecimals = wb.createCellStyle();
        twoDecimals.setDataFormat(wb.createDataFormat().getFormat("0.00"));
        CellStyle percent = wb.createCellStyle();
        percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
        CellStyle filled = wb.createCellStyle();

        Sheet sheet = wb.createSheet("名单");
        Row header = sheet.createRow(0);
        String[] titles = {"姓名", "身份证号", "证件号（数值）", "出生日期", "得分", "通过"};
        for (int i = 0; i < titles.length; i++) {
            header.createCell(i).setCellValue(titles[i]);
        }
        header.createCell(9).setCellStyle(filled); // trailing blank

        Row blank = sheet.createRow(1);
        for (int i = 0; i < 4; i++) {
            blank.createCell(i).setCellStyle(filled);
        }
        blank.createCell(5).setCellValue("   ");

        Row zhang = sheet.createRow(3);
        zhang.createCell(0).setCellValue("  张三  ");
        zhang.createCell(1).setCellValue("440103199001011234");
        zhang.createCell(2).setCellValue(440103199001011d);
        zhang.createCell(3).setCellValue(LocalDate.of(1990, 1, 1));
        zhang.getCell(3).setCellStyle(date);
        zhang.createCell(4).setCellValue(3.10);
        zhang.getCell(4).setCellStyle(twoDecimals);
        zhang.createCell(5).setCellValue(true);
        zhang.createCell(7).setCellStyle(filled);
        zhang.createCell(8).setCellValue(" \u3000 ");

        Row li = sheet.createRow(4);
        li.createCell(0).setCellValue("\u3000李四\u3000");
        li.createCell(1).setCellValue("");
        li.createCell(2).setCellValue(440103199001011234d);
        li.createCell(3).setCellValue(LocalDateTime.of(2024, 3, 15, 8, 30, 5));
        li.getCell(3).setCellStyle(dateTime);
        li.createCell(4).setCellValue(-12.5);
        li.createCell(5).setCellValue(false);

        Row later = sheet.createRow(5);
        later.createCell(2).setCellValue(1e20);
        later.createCell(3).setCellValue(LocalDate.of(2024, 3, 15));
        later.getCell(3).setCellStyle(chineseBuiltin);
        later.createCell(4).setCellValue(LocalDate.of(2024, 3, 15));
        later.getCell(4).setCellStyle(chineseCustom);
        later.createCell(5).setCellValue(0.5);
        later.getCell(5).setCellStyle(time);

        Row formulas = sheet.createRow(6);
        formulas.createCell(0).setCellValue(21);
        formulas.createCell(1).setCellFormula("A7*2");
        formulas.createCell(2).setCellFormula("\"王\"&\"五\"");
        formulas.createCell(3).setCellFormula("A7>20");
        formulas.createCell(4).setCellFormula("1/0");
        formulas.createCell(5).setCellFormula("0.1+0.2");
        formulas.createCell(6).setCellFormula("\"007\"");
        formulas.createCell(7).setCellValue(0.15);
        formulas.getCell(7).setCellStyle(percent);

        Row last = sheet.createRow(7);
        last.createCell(0).setCellValue("第一行\n第二行");
        last.createCell(1).setCellValue(4.40103199001011E17); // what Excel keeps of an 18-digit number
        last.createCell(2).setCellErrorValue(FormulaError.NA.getCode());

        wb.createSheet("第二张").createRow(0).createCell(0).setCellValue("不应读取");
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    }

    private static void twoSheets(Workbook wb) {
        wb.createSheet("一").createRow(0).createCell(0).setCellValue("第一张");
        wb.createSheet("二").createRow(0).createCell(0).setCellValue("第二张");
    }

    private static Fill rows(int count) {
        return wb -> {
            Sheet sheet = wb.createSheet();
            for (int i = 0; i < count; i++) {
                sheet.createRow(i).createCell(0).setCellValue("第" + (i + 1) + "行");
            }
        };
    }

    private static Fill columns() {
        return wb -> {
            Sheet sheet = wb.createSheet();
            CellStyle filled = wb.createCellStyle();
            Row first = sheet.createRow(0);
            for (int i = 0; i < 3; i++) {
                first.createCell(i).setCellValue(new String[] {"甲", "乙", "丙"}[i]);
            }
            for (int i = 3; i < 40; i++) {
                first.createCell(i).setCellStyle(filled); // formatted but empty: not a column
            }
            first.createCell(40).setCellValue(" ");
            Row second = sheet.createRow(1);
            for (int i = 0; i < 4; i++) {
                second.createCell(i).setCellValue(new String[] {"甲", "乙", "丙", "丁"}[i]);
            }
        };
    }

    @FunctionalInterface
    interface Fill {
        void into(Workbook wb) throws Exception;
    }

    @FunctionalInterface
    interface Write {
        void to(OutputStream out) throws IOException;
    }

    private static byte[] xlsx(Fill fill) {
        return write(new XSSFWorkbook(), fill);
    }

    private static byte[] xls(Fill fill) {
        return write(new HSSFWorkbook(), fill);
    }

    /** A streaming writer (its temporary files go with close()), with inline strings instead of shared ones. */
    private static byte[] sxssf(Fill fill, int window) {
        return write(new SXSSFWorkbook(new XSSFWorkbook(), window, true, false), fill);
    }

    private static byte[] write(Workbook wb, Fill fill) {
        try (wb) {
            fill.into(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Line> read(byte[] content, Limits limits) throws SpreadsheetException {
        List<Line> lines = new ArrayList<>();
        spreadsheets.read(new ByteArrayInputStream(content), limits, (n, cells) -> lines.add(new Line(n, cells)));
        return lines;
    }

    private SpreadsheetException refused(byte[] content, Limits limits) {
        List<Line> lines = new ArrayList<>();
        SpreadsheetException e = assertThrows(SpreadsheetException.class,
                () -> spreadsheets.read(new ByteArrayInputStream(content), limits,
                        (n, cells) -> lines.add(new Line(n, cells))));
        assertFalse(e.zh().isBlank());
        assertFalse(e.getMessage().isBlank());
        return e;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] replaceEntry(byte[] file, String name, Write replacement) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(file));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    replacement.to(zip);
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
