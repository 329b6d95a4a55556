package org.zhicheng.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.zhicheng.api.business.descriptor.Orientation;
import org.zhicheng.api.business.descriptor.PageSize;
import org.zhicheng.api.documents.Printing;
import org.zhicheng.api.documents.Printing.Entry;
import org.zhicheng.api.documents.Printing.Layout;
import org.zhicheng.documents.internal.print.PdfPrinting;

/**
 * P5: printed documents against the bare floor. A 4-page CQ review form (CQ-DOC-1: basic data with the photo box,
 * eight study and eight work rows, ten achievements, six papers, the pledge, the 草稿 watermark) and the one-A3-sheet
 * public notice (CQ-DOC-2, shrunk to fit by laying it out several times), next to PDFBox alone writing one A4 page of
 * 300 CJK characters with the same font parsed once and subsetted. Target: the review form in at most 12 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PrintingBench {

    private final Printing printing = new PdfPrinting();
    private Printing.Form form;
    private Printing.OneSheet notice;
    private TrueTypeFont font;
    private String line;

    @Setup
    public void prepare() throws IOException {
        List<List<String>> study = new ArrayList<>();
        List<List<String>> work = new ArrayList<>();
        List<List<String>> achievements = new ArrayList<>();
        List<List<String>> papers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            study.add(List.of("199" + i + ".09-199" + (i + 2) + ".07", "重庆医科大学临床医学专业学习", "重庆市渝中区", "0200" + i));
            work.add(List.of("20" + (10 + i) + ".01-20" + (11 + i) + ".12", "重庆市第" + i + "人民医院", "心血管内科",
                    "主治医师"));
        }
        for (int i = 0; i < 10; i++) {
            achievements.add(List.of("2015.05-2017.05", "专业技术工作名称" + i + "（项目、课题成果等）",
                    "主持，负责方案设计与临床实施，排名第一", "获重庆市科技进步三等奖，年节约费用约二十万元"));
        }
        for (int i = 0; i < 6; i++) {
            papers.add(List.of("2019.0" + (i + 1), "论文名称及内容摘要" + i, "《中华心血管病杂志》2019年第" + i + "期",
                    String.valueOf(i + 1)));
        }
        List<Entry> basic = new ArrayList<>();
        for (String[] p : new String[][] {{"姓名", "张健"}, {"性别", "男"}, {"出生年月", "1978年11月"},
            {"最高学历", "硕士研究生"}, {"参加工作时间", "2004-06-14"}, {"工作单位", "重庆市云阳县中医院"},
            {"现有职称", "主治医师"}, {"申报职称", "副主任医师"}, {"专业方向", "中药学"}, {"继续教育学分", "120"}}) {
            basic.add(new Entry(p[0], p[1]));
        }
        Printing.Rows studyRows = new Printing.Rows("学习培训经历", List.of("起止时间", "专业或主要内容", "学习地点", "证书号"),
                study, 0);
        Printing.Rows workRows = new Printing.Rows("工作经历", List.of("起止时间", "单位", "从事何专业技术工作", "职称"),
                work, 0);
        Printing.Rows achievementRows = new Printing.Rows("任职以来主要专业技术业绩", List.of("起止时间", "名称",
                "本人作用", "完成情况及效果"), achievements, 0);
        Printing.Rows paperRows = new Printing.Rows("著作、论文", List.of("日期", "名称及内容摘要", "出版情况", "排名"),
                papers, 0);
        form = new Printing.Form("重庆市卫生系列高级专业技术资格评审表", "申报人：张健　申报资格：副主任医师", PageSize.A4,
                Orientation.PORTRAIT, "草稿", null, List.of(
                        new Printing.Page("申报人基本情况", List.of(new Printing.Fields("基本信息", basic, null)),
                                Layout.DEFAULT),
                        new Printing.Page("学习培训及工作经历", List.of(studyRows, workRows), Layout.DEFAULT),
                        new Printing.Page("任职以来业绩", List.of(achievementRows, paperRows), Layout.DEFAULT),
                        new Printing.Page("申报诚信情况", List.of(new Printing.Text("本人承诺：所填写的内容及提交的申报材料"
                                + "真实、准确。如有虚假，愿承担相应责任。".repeat(3))), Layout.DEFAULT)));
        notice = new Printing.OneSheet("重庆市卫生系列高级专业技术职务任职资格评审综合情况（公示）表", PageSize.A3,
                Orientation.LANDSCAPE, 3, List.of(new Printing.Fields(null, basic, null), studyRows, workRows,
                        achievementRows, paperRows), new Layout(16, 0, 0));
        try (InputStream in = Objects.requireNonNull(PdfPrinting.class.getResourceAsStream(
                "/org/zhicheng/documents/pdf/fonts/400Regular/NotoSansSC_400Regular.ttf"))) {
            font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        }
        line = "经单位推荐评审委员会评审以下人员具备卫生系列高级专业技术资格现予公示公示期为七个工作日如有异议请以书面形式反映".repeat(6)
                .substring(0, 300);
    }

    @TearDown
    public void close() throws IOException {
        font.close();
    }

    @Benchmark
    public byte[] reviewFormOfFourPages() {
        return printing.form(form);
    }

    @Benchmark
    public byte[] publicNoticeOnOneA3Sheet() {
        return printing.oneSheet(notice);
    }

    /**
     * The floor: PDFBox alone, one page, 300 characters in 10 lines, the font parsed once and cut to those characters
     * with fontbox's subsetter (PDFBox's own subsetting closes the parsed font after one document).
     */
    @Benchmark
    public byte[] barePdfBoxPage() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            TTFSubsetter subsetter = new TTFSubsetter(font, List.of("head", "hhea", "loca", "maxp", "cvt ", "prep",
                    "glyf", "hmtx", "fpgm", "gasp", "cmap", "OS/2", "post", "name"));
            subsetter.addAll(line.codePoints().boxed().collect(java.util.stream.Collectors.toSet()));
            ByteArrayOutputStream subset = new ByteArrayOutputStream();
            subsetter.writeToStream(subset);
            PDType0Font type0 = PDType0Font.load(doc, new java.io.ByteArrayInputStream(subset.toByteArray()), false);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(type0, 12);
                s.newLineAtOffset(50, 780);
                for (int i = 0; i < 10; i++) {
                    s.showText(line.substring(i * 30, i * 30 + 30));
                    s.newLineAtOffset(0, -18);
                }
                s.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }
}
