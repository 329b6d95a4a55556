package org.zhicheng.documents.internal.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import org.zhicheng.api.documents.Rosters.CellType;
import org.zhicheng.api.documents.Rosters.Column;
import org.zhicheng.api.documents.Rosters.RowSource;

/**
 * A review queue as CQ-REV-4 exports it: twelve columns of every type, made up row by row so that any number of
 * rows costs no memory.
 */
final class SampleRoster {

    static final List<Column> COLUMNS = List.of(
            new Column("序号", CellType.NUMBER, 6),
            new Column("姓名", CellType.TEXT, 10),
            new Column("性别", CellType.TEXT, 0),
            new Column("身份证号", CellType.TEXT, 20),
            new Column("出生日期", CellType.DATE, 0),
            new Column("工作单位", CellType.TEXT, 30),
            new Column("现任职称", CellType.TEXT, 0),
            new Column("申报职称", CellType.TEXT, 0),
            new Column("参加工作时间", CellType.DATE, 0),
            new Column("提交时间", CellType.DATE_TIME, 0),
            new Column("综合得分", CellType.NUMBER, 0),
            new Column("审核状态", CellType.TEXT, 0));

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "欧阳"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "晓明", "嘉怡"};
    private static final String[] UNITS = {"广州市第一人民医院", "深圳市南山区人民医院", "佛山市中医院",
        "福建省立医院", "厦门大学附属中山医院", "东莞市教育局", "珠海市第三中学"};
    private static final String[] TITLES = {"主治医师", "副主任医师", "主任医师", "中学一级教师", "中学高级教师"};
    private static final String[] STATES = {"待审核", "已通过", "退回修改", "不通过"};
    private static final String[] REGIONS = {"440106", "440305", "350102", "441900", "440604"};
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final DateTimeFormatter READ_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    static final Instant FIRST_SUBMISSION = Instant.parse("2024-03-01T00:30:00Z");

    private SampleRoster() {
    }

    /**
     * Row {@code i} (from 1): every cell filled except the score of every seventh row. The ID numbers are all
     * different (up to 14 million rows), as in a real queue.
     */
    static List<Object> row(int i) {
        int sequence = i % 1000;
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays((i / 1000 * 37L + sequence * 11L) % 14_000);
        Object[] cells = {
            i,
            SURNAMES[i % SURNAMES.length] + GIVEN[(i / 3) % GIVEN.length],
            i % 2 == 0 ? "女" : "男",
            idNumber(REGIONS[i % REGIONS.length], birth, sequence),
            birth,
            UNITS[i % UNITS.length],
            TITLES[i % TITLES.length],
            TITLES[(i + 1) % TITLES.length],
            birth.plusYears(22).withDayOfMonth(1),
            FIRST_SUBMISSION.plusSeconds(i * 61L),
            i % 7 == 0 ? null : 60 + (i % 400) / 10.0,
            STATES[i % STATES.length]
        };
        return Arrays.asList(cells);
    }

    /** The first {@code count} rows. */
    static RowSource rows(int count) {
        int[] next = {0};
        return () -> next[0] < count ? row(++next[0]) : null;
    }

    /** An 18-character resident ID number with its GB 11643 check character (the last may be X). */
    static String idNumber(String region, LocalDate birth, int sequence) {
        String body = region + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), sequence);
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body.charAt(k) - '0') * WEIGHTS[k];
        }
        return body + CHECK.charAt(sum % 11);
    }

    /** Row {@code i} as the streaming reader gives it back: text, plain numbers, ISO dates. */
    static List<String> asRead(int i) {
        List<Object> row = row(i);
        String[] text = new String[row.size()];
        for (int c = 0; c < text.length; c++) {
            Object value = row.get(c);
            if (value == null) {
                text[c] = "";
            } else if (value instanceof Double d) {
                text[c] = d == Math.rint(d) ? String.valueOf(d.longValue()) : d.toString();
            } else if (value instanceof Instant instant) {
                text[c] = LocalDateTime.ofInstant(instant, RosterCells.SHANGHAI).format(READ_TIME);
            } else {
                text[c] = value.toString();
            }
        }
        return List.of(text);
    }
}
