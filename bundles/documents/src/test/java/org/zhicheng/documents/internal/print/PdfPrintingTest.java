package org.zhicheng.documents.internal.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.zhicheng.api.business.descriptor.Orientation;
import org.zhicheng.api.business.descriptor.PageSize;
import org.zhicheng.api.documents.DocumentException;
import org.zhicheng.api.documents.Printing;
import org.zhicheng.api.documents.Printing.Entry;
import org.zhicheng.api.documents.Printing.Fields;
import org.zhicheng.api.documents.Printing.Layout;
import org.zhicheng.api.documents.Printing.Rows;
import org.zhicheng.api.documents.Printing.Text;

/**
 * The printed layouts: a multi-page review form with per-page font sizes and the 草稿 watermark (CQ-DOC-1), the
 * barcode of the confirmation sheet (FJ-1), and the public-notice table on exactly one A3 sheet, shrunk to fit
 * (CQ-DOC-2), or refused with the number of rows that would fit.
 */
class PdfPrintingTest {

    private final Printing printing = new PdfPrinting();

    @Test
    void aReviewFormPrintsEachPageOnItsOwnSheetsWithItsFontSizeAndTheDraftWatermark() throws IOException {
        List<List<String>> study = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            study.add(List.of("200" + i + ".09", "200" + (i + 4) + ".07", "重庆医科大学", "临床医学", "本科"));
        }
        List<List<String>> work = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            work.add(List.of("20" + (10 + i % 10) + ".01", "至今", "重庆市第" + i + "人民医院", "主治医师"));
        }
        Printing.Form form = new Printing.Form("重庆市卫生系列高级专业技术资格评审表", "申报人：张三　申报资格：主任医师",
                PageSize.A4, Orientation.PORTRAIT, "草稿", null, List.of(
                        new Printing.Page("申报人基本情况", List.of(new Fields("基本信息", List.of(
                                new Entry("姓名", "张三"), new Entry("性别", "男"), new Entry("出生年月", "1985-11"),
                                new Entry("工作单位", "重庆医科大学附属第一医院（含分院区、社区卫生服务中心）"),
                                new Entry("现任职务", "主治医师")), photo())), new Layout(12, 0, 0)),
                        new Printing.Page("学习培训及工作经历", List.of(
                                new Rows("学习经历", List.of("起始年月", "终止年月", "学校", "专业", "学历"), study, 0),
                                new Rows("工作经历", List.of("起始年月", "终止年月", "单位", "职务"), work, 0)),
                                new Layout(8, 0, 0)),
                        new Printing.Page("申报诚信情况", List.of(new Text("本人承诺：所填写的内容及提交的申报材料真实、准确。"
                                + "如有虚假，愿承担相应责任。")), Layout.DEFAULT)));
        byte[] pdf = printing.form(form);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 4, "60 work rows flow to a further sheet: " + doc.getNumberOfPages());
            Sizes sizes = new Sizes();
            sizes.getText(doc);
            assertEquals(12f, sizes.of("重庆医科大学附属第一医院"), 0.01f, "page 1 prints at its 12 pt");
            assertEquals(8f, sizes.of("重庆市第59人民医院"), 0.01f, "page 2 prints at its 8 pt");
            String text = sizes.all.toString();
            assertTrue(text.contains("本人承诺"), text);
            assertTrue(text.contains("第1页，共" + doc.getNumberOfPages() + "页"));
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                PDFTextStripper one = new PDFTextStripper();
                one.setStartPage(p);
                one.setEndPage(p);
                assertTrue(squeeze(one.getText(doc)).contains("草稿"), "watermark on sheet " + p);
            }
            assertEquals(1, doc.getPage(0).getResources().getXObjectNames().spliterator().getExactSizeIfKnown(),
                    "the photo on the first sheet");
        }
    }

    @Test
    void blankLinesAddRuledRowsToThePagesTables() throws IOException {
        Rows one = new Rows("工作经历", List.of("起止时间", "单位"), List.of(List.of("2010-至今", "重庆市人民医院")), 0);
        int plain = pages(new Layout(10.5f, 0, 0), one);
        int withBlankLines = pages(new Layout(10.5f, 40, 0), one);
        assertEquals(1, plain);
        assertTrue(withBlankLines > plain, "CQ-DOC-1: 40 blank rows need another sheet: " + withBlankLines);
    }

    private int pages(Layout layout, Rows rows) throws IOException {
        byte[] pdf = printing.form(new Printing.Form("评审表", null, PageSize.A4, Orientation.PORTRAIT, null, null,
                List.of(new Printing.Page(null, List.of(rows), layout))));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    @Test
    void theConfirmationSheetCarriesItsBarcodeNumber() throws IOException {
        byte[] pdf = printing.form(new Printing.Form("福建省卫生专业技术资格考试预报名审核确认单", null, PageSize.A4,
                Orientation.PORTRAIT, null, "FJ20200012345", List.of(new Printing.Page(null, List.of(
                        new Fields(null, List.of(new Entry("姓名", "李四")), null)), Layout.DEFAULT))));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = squeeze(new PDFTextStripper().getText(doc));
            assertTrue(text.contains("FJ20200012345") && text.contains("李四") && !text.contains("草稿"), text);
        }
    }

    @Test
    void thePublicNoticeFitsExactlyOneA3SheetShrinkingItsFont() throws Exception {
        byte[] pdf = printing.oneSheet(notice(0));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(1190.55f, doc.getPage(0).getMediaBox().getWidth(), 0.5f, "A3 landscape");
            Sizes sizes = new Sizes();
            sizes.getText(doc);
            String text = sizes.all.toString();
            for (int i = 0; i < 10; i++) {
                assertTrue(text.contains("专业技术工作名称" + i), "achievement " + i + " in " + text);
            }
            assertTrue(text.contains("同意推荐") && text.contains("2019-08-20至2019-08-30"), text);
            float size = sizes.of("专业技术工作名称9");
            assertTrue(size < 16 && size >= PdfPrinting.SMALLEST, "shrunk from 16 pt: " + size);
            Sizes withBlankRows = new Sizes();
            try (PDDocument fuller = Loader.loadPDF(printing.oneSheet(notice(12)))) {
                withBlankRows.getText(fuller);
                assertEquals(1, fuller.getNumberOfPages());
            }
            assertTrue(withBlankRows.of("专业技术工作名称9") < size, "blank rows leave less room for the rest");
        }
    }

    @Test
    void aNoticeThatCannotFitSaysFromWhichSection() {
        DocumentException e = assertThrows(DocumentException.class, () -> printing.oneSheet(notice(40)));
        assertEquals("does-not-fit", e.code());
        assertTrue(e.zh().contains("一张纸也放不下（从“") && e.getMessage().contains("Too much to fit one sheet"),
                e.zh());
    }

    /** CQ-DOC-2: one applicant summarised: basic data, histories, workload, achievements, papers, the unit's notice. */
    private static Printing.OneSheet notice(int blankRows) {
        List<Entry> basic = new ArrayList<>();
        String[][] pairs = {{"姓名", "张健"}, {"性别", "男"}, {"出生年月", "1978年11月"}, {"最高学历", "硕士研究生"},
            {"参加工作时间", "2004-06-14"}, {"最高学位", "硕士"}, {"现有职称、取得时间及审批机关", "主治医师 2012年 重庆市卫生局"},
            {"何时聘用何职称", "2012年 主治医师"}, {"医德医风满意度（%）", "92"}, {"卫生支农时间", "2"},
            {"工作单位", "重庆市云阳县中医院"}, {"现兼任行政职务及任职时间", "无"}, {"继续教育情况", "120"},
            {"专业考试成绩、日期", "78 2019-05"}, {"申报职称", "副主任医师"}, {"申报职称专业方向", "中药学"}};
        for (String[] p : pairs) {
            basic.add(new Entry(p[0], p[1]));
        }
        List<List<String>> study = List.of(List.of("1999.09-2004.07", "重庆医科大学临床医疗学习", "重庆市袁家岗", "02001"),
                List.of("2004.09-2015.08", "四川华西医院实习", "四川省成都市", "02201"));
        List<List<String>> work = List.of(List.of("2004.06-至今", "重庆市云阳县中医院", "中药学", "主治医师"));
        List<List<String>> workload = new ArrayList<>();
        for (String item : List.of("专业工作时间（周）", "年门诊人次", "临床查房次数", "参加手术台次", "院内会诊", "院外会诊",
                "主持疑难病例讨论", "开展新技术新项目", "主持专题讲座", "带教下级（名）", "协助培养研究生（名）")) {
            workload.add(List.of(item, "46", "1200", "1300", "1250", "1400"));
        }
        List<List<String>> achievements = new ArrayList<>();
        List<List<String>> papers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            achievements.add(List.of("2015.05-2017.05", "专业技术工作名称" + i + "（项目、课题成果等）",
                    "主持，负责方案设计与临床实施，排名第一", "获重庆市科技进步三等奖，年节约费用约二十万元"));
        }
        for (int i = 0; i < 6; i++) {
            papers.add(List.of("2019.0" + (i + 1), "论文名称及内容摘要" + i, "《中国中药杂志》2019年第" + i + "期", String.valueOf(i + 1)));
        }
        return new Printing.OneSheet("重庆市卫生系列（中医药高）级专业技术职务任职资格评审综合情况（公示）表", PageSize.A3,
                Orientation.LANDSCAPE, 3, List.of(
                        new Fields(null, basic, null),
                        new Rows("学习培训经历", List.of("起止时间", "专业或主要内容", "学习地点", "证书号"), study, blankRows),
                        new Rows("工作经历", List.of("起止时间", "单位", "从事何专业技术工作", "职称（职务）"), work, blankRows),
                        new Rows("任职以来的工作量（近5年）", List.of("项目", "2014年", "2015年", "2016年", "2017年", "2018年"),
                                workload, blankRows),
                        new Rows("任职以来主要专业技术业绩", List.of("起止时间", "专业技术工作名称", "工作内容、本人起何作用",
                                "完成情况及效果"), achievements, blankRows),
                        new Rows("著作、论文及学术、技术报告", List.of("日期", "名称及内容摘要", "出版、登载或交流情况", "排名"),
                                papers, blankRows),
                        new Fields(null, List.of(new Entry("单位公示时间", "2019-08-20至2019-08-30"),
                                new Entry("基层单位推荐意见（盖章）", "同意推荐。")), null)),
                new Layout(16, 0, 0));
    }

    private static byte[] photo() throws IOException {
        BufferedImage image = new BufferedImage(330, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 30, 40));
        g.fillRect(0, 0, 330, 480);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** The font size each printed line was set in. */
    private static final class Sizes extends PDFTextStripper {
        final StringBuilder all = new StringBuilder();
        final Map<String, Float> sizes = new HashMap<>();

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            String squeezed = squeeze(text);
            all.append(squeezed);
            if (!positions.isEmpty()) {
                sizes.put(squeezed, positions.get(0).getFontSizeInPt());
            }
        }

        float of(String part) {
            return sizes.entrySet().stream().filter(e -> e.getKey().contains(part)).map(Map.Entry::getValue)
                    .findFirst().orElseThrow(() -> new AssertionError(part + " not printed in " + sizes.keySet()));
        }
    }

    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }
}
