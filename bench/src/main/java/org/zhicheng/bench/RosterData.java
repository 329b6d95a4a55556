package org.zhicheng.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.zhicheng.api.documents.Rosters;
import org.zhicheng.api.documents.Rosters.CellType;
import org.zhicheng.api.documents.Rosters.Column;
import org.zhicheng.api.documents.Rosters.RowSource;
import org.zhicheng.documents.internal.roster.FastExcelRosters;
import org.zhicheng.documents.internal.roster.SxssfRosters;

/**
 * The roster {@link RosterBench} and {@link RosterHeap} write: a CQ-REV-4 review queue of twelve columns (name and
 * unit in Chinese, an 18-character ID number, gender, dates, a submission time, numbers, status text), made up row
 * by row so that no writer is helped or hindered by rows sitting in memory, and the three writers compared.
 */
final class RosterData {

    static final int ROWS = 100_000;

    static final List<Column> COLUMNS = List.of(
            new Column("序号", CellType.NUMBER, 8),
            new Column("姓名", CellType.TEXT, 10),
            new Column("性别", CellType.TEXT, 6),
            new Column("身份证号", CellType.TEXT, 20),
            new Column("出生日期", CellType.DATE, 0),
            new Column("工作单位", CellType.TEXT, 28),
            new Column("现任职称", CellType.TEXT, 0),
            new Column("申报职称", CellType.TEXT, 0),
            new Column("参加工作时间", CellType.DATE, 0),
            new Column("提交时间", CellType.DATE_TIME, 0),
            new Column("综合得分", CellType.NUMBER, 0),
            new Column("审核状态", CellType.TEXT, 0));

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
        "马", "朱", "胡", "郭", "何", "林", "罗", "欧阳"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "晓明", "嘉怡",
        "志强", "海燕", "建华", "俊杰", "雪梅", "国栋"};
    private static final String[] UNITS = {"广州市第一人民医院", "深圳市南山区人民医院", "佛山市中医院",
        "福建省立医院", "厦门大学附属中山医院", "东莞市教育局", "珠海市第三中学", "中山大学附属第三医院",
        "汕头市中心医院", "泉州市第一医院"};
    private static final String[] TITLES = {"主治医师", "副主任医师", "主任医师", "中学一级教师", "中学高级教师",
        "工程师", "高级工程师"};
    private static final String[] STATES = {"待审核", "已通过", "退回修改", "不通过", "待补正"};
    private static final String[] REGIONS = {"440106", "440305", "440604", "350102", "350203", "441900", "440507"};
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final LocalDate BORN = LocalDate.of(1960, 1, 1);
    private static final Instant OPENED = Instant.parse("2024-03-01T00:30:00Z");

    private RosterData() {
    }

    /** Row {@code i} (from 1); every ID number differs, and every seventh row has no score yet. */
    static List<Object> row(int i) {
        int sequence = i % 1000;
        LocalDate birth = BORN.plusDays((i / 1000 * 37L + sequence * 11L) % 14_000);
        Object[] cells = {
            i,
            SURNAMES[i % SURNAMES.length] + GIVEN[(i / 7) % GIVEN.length],
            i % 2 == 0 ? "女" : "男",
            idNumber(REGIONS[i % REGIONS.length], birth, sequence),
            birth,
            UNITS[(i / 3) % UNITS.length],
            TITLES[i % TITLES.length],
            TITLES[(i + 1) % TITLES.length],
            birth.plusYears(22).withDayOfMonth(1),
            OPENED.plusSeconds(i * 23L),
            i % 7 == 0 ? null : 60 + (i % 400) / 10.0,
            STATES[i % STATES.length]
        };
        return Arrays.asList(cells);
    }

    static RowSource rows(int count) {
        int[] next = {0};
        return () -> next[0] < count ? row(++next[0]) : null;
    }

    /** An 18-character resident ID number with its GB 11643 check character. */
    static String idNumber(String region, LocalDate birth, int sequence) {
        StringBuilder id = new StringBuilder(18).append(region).append(birth.getYear());
        two(id, birth.getMonthValue());
        two(id, birth.getDayOfMonth());
        id.append((char) ('0' + sequence / 100)).append((char) ('0' + sequence / 10 % 10))
                .append((char) ('0' + sequence % 10));
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (id.charAt(k) - '0') * WEIGHTS[k];
        }
        return id.append(CHECK.charAt(sum % 11)).toString();
    }

    private static void two(StringBuilder id, int n) {
        id.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    /** The writers compared, each writing {@code rows} rows of the roster to {@code out}. */
    enum Writer {
        /** The bundle's service. */
        FASTEXCEL_ROSTERS {
            @Override
            long write(int rows, OutputStream out) throws IOException {
                return FAST_EXCEL.write("待审名单", COLUMNS, rows(rows), out);
            }
        },
        /** The same checks and cells with POI SXSSF (window 100, compressed temporary file). */
        SXSSF_ROSTERS {
            @Override
            long write(int rows, OutputStream out) throws IOException {
                return SXSSF.write("待审名单", COLUMNS, rows(rows), out);
            }
        },
        /** POI SXSSF as one writes it directly: window 100, POI's defaults, the same styles; no checks. */
        PLAIN_SXSSF {
            @Override
            long write(int rows, OutputStream out) throws IOException {
                return plainSxssf(rows(rows), out);
            }
        };

        private static final Rosters FAST_EXCEL = new FastExcelRosters();
        private static final Rosters SXSSF = new SxssfRosters();

        abstract long write(int rows, OutputStream out) throws IOException;
    }

    /** The "plain SXSSF" baseline: the same workbook (bold frozen header, widths, formats) straight with POI. */
    static long plainSxssf(RowSource rows, OutputStream out) throws IOException {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        try {
            SXSSFSheet sheet = workbook.createSheet("待审名单");
            DataFormat formats = workbook.createDataFormat();
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(formats.getFormat("@"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(formats.getFormat("yyyy-mm-dd hh:mm"));
            Row first = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                Cell cell = first.createCell(c);
                cell.setCellValue(COLUMNS.get(c).header());
                cell.setCellStyle(header);
                int width = COLUMNS.get(c).width();
                sheet.setColumnWidth(c, (width == 0 ? 14 : width) * 256);
            }
            sheet.createFreezePane(0, 1);
            long count = 0;
            for (List<?> values = rows.next(); values != null; values = rows.next()) {
                Row row = sheet.createRow((int) ++count);
                int c = 0;
                for (Object value : values) {
                    if (value instanceof String s) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(s);
                        cell.setCellStyle(text);
                    } else if (value instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (value instanceof LocalDate d) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (value instanceof Instant t) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(LocalDateTime.ofInstant(t, shanghai));
                        cell.setCellStyle(dateTime);
                    }
                    c++;
                }
            }
            workbook.write(out);
            return count;
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    /** Counts what it is given and keeps none of it, as a fast network would. */
    static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
