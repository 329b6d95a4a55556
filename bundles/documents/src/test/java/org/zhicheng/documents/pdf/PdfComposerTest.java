package org.zhicheng.documents.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

/**
 * The PDF engine (P5): Chinese text in the embedded, subsetted font read back by PDFBox's text extraction; tables
 * flowing over pages with repeated headers and nothing lost; A4 and A3; the barcode (FJ-1) and QR code (GD-CERT-1)
 * decoded from the rendered page; the diagonal 草稿 watermark (CQ-DOC-1); page numbers.
 */
class PdfComposerTest {

    private static final CjkFont FONT = CjkFont.bundled();

    private static final String NOTICE = "经单位推荐、评审委员会评审，以下人员具备卫生系列高级专业技术资格，现予公示。"
            + "公示期为七个工作日，如有异议，请以书面形式向重庆市卫生健康委员会职称改革办公室反映。";

    @Test
    void chineseTextIsEmbeddedSubsettedAndExtractable() throws IOException {
        byte[] pdf;
        try (PdfComposer c = new PdfComposer(FONT)) {
            PdfPage page = c.addPage(PaperSize.A4, false);
            page.text("重庆市卫生系列高级专业技术资格评审表", 60, 80, 18, true);
            float needed = page.paragraph(NOTICE.repeat(3), new Box(60, 100, 475, 400), 12, 1.5f, Align.LEFT, false);
            assertTrue(needed > 12 * 1.5f * 5, "three notices need several lines: " + needed);
            pdf = c.toPdf();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = squeeze(new PDFTextStripper().getText(doc));
            assertTrue(text.contains("重庆市卫生系列高级专业技术资格评审表"), text);
            assertTrue(text.contains(squeeze(NOTICE.repeat(3))), "every wrapped character comes back in order: " + text);
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames()
                    .iterator().next());
            assertTrue(font.getName().matches("[A-Z]{6}\\+NotoSansSC.*"), "a subset of Noto Sans SC: " + font.getName());
            assertTrue(font.isEmbedded());
        }
        assertTrue(pdf.length < 120_000, "a subset, not the 10 MB font: " + pdf.length + " bytes");
    }

    @Test
    void wrappingBreaksBetweenChineseCharactersButNotBeforeClosingPunctuationAndCutsOnlyOverlongWords() {
        try (PdfComposer c = new PdfComposer(FONT)) {
            float size = 10;
            float tenChars = c.width("职".repeat(10), size);
            List<String> lines = c.wrap("一二三四五六七八九，十一二三四五", tenChars, size);
            for (String line : lines) {
                assertFalse(line.startsWith("，"), "no line starts with a comma: " + lines);
                assertTrue(c.width(line, size) <= tenChars + 0.01f, line);
            }
            assertEquals("一二三四五六七八九，十一二三四五", String.join("", lines));
            List<String> number = c.wrap("证书编号 44010619850101001X44010619850101001X", tenChars, size);
            assertEquals("证书编号44010619850101001X44010619850101001X", String.join("", number).replace(" ", ""));
            number.forEach(l -> assertTrue(c.width(l, size) <= tenChars + 0.01f, l));
            assertEquals(List.of("第一行", "", "第三行"), c.wrap("第一行\n\n第三行", tenChars, size));
        }
    }

    @Test
    void tablesFlowOverPagesRepeatingTheHeaderAndLoseNoRow() throws IOException {
        Table table = new Table(List.of(new Table.Column("序号", 1, Align.CENTRE),
                new Table.Column("姓名", 2, Align.LEFT), new Table.Column("工作单位", 5, Align.LEFT),
                new Table.Column("申报资格", 3, Align.LEFT)));
        for (int i = 1; i <= 120; i++) {
            table.row(List.of(String.valueOf(i), "申报人" + i, "重庆医科大学附属第" + i + "医院" + (i % 7 == 0
                    ? "（含分院区、社区卫生服务中心及下属各科室的全部人员）" : ""), "主任医师"));
        }
        // One cell longer than a whole page.
        table.row(List.of("121", "长内容", NOTICE.repeat(40), "主任护师"));
        byte[] pdf;
        try (PdfComposer c = new PdfComposer(FONT)) {
            c.pageNumbers("第 %d 页，共 %d 页");
            PdfPage first = c.addPage(PaperSize.A4, false);
            first.text("公示名单", 250, 60, 16, true);
            table.draw(c, new Table.Placement(first, new Box(40, 80, 515, 720)), () -> {
                PdfPage next = c.addPage(PaperSize.A4, false);
                return new Table.Placement(next, new Box(40, 40, 515, 760));
            });
            pdf = c.toPdf();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 4, "120 rows and a page-long cell need several pages: " + pages);
            PDFTextStripper stripper = new PDFTextStripper();
            String all = "";
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = squeeze(stripper.getText(doc));
                assertTrue(text.contains("序号") && text.contains("工作单位"), "header on page " + p);
                assertTrue(text.contains("第" + p + "页，共" + pages + "页"), "page number on page " + p + ": " + text);
                all += text;
            }
            for (int i = 1; i <= 120; i++) {
                assertEquals(1, count(all, "申报人" + i + "重庆医科大学附属第" + i + "医院"), "row " + i + " once");
            }
            assertEquals(40 * count(NOTICE, "公示期"), count(all, "公示期"), "the page-long cell is printed in full");
        }
    }

    @Test
    void a3LandscapeAndA4PortraitHaveTheirPaperSizes() throws IOException {
        byte[] pdf;
        try (PdfComposer c = new PdfComposer(FONT)) {
            c.addPage(PaperSize.A3, true).text("公示表", 100, 100, 20, false);
            c.addPage(PaperSize.A4, false).text("评审表", 100, 100, 20, false);
            pdf = c.toPdf();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage a3 = doc.getPage(0);
            assertEquals(1190.55f, a3.getMediaBox().getWidth(), 0.5f);
            assertEquals(841.89f, a3.getMediaBox().getHeight(), 0.5f);
            assertEquals(595.28f, doc.getPage(1).getMediaBox().getWidth(), 0.5f);
            assertEquals(841.89f, doc.getPage(1).getMediaBox().getHeight(), 0.5f);
        }
    }

    @Test
    void barcodeAndQrCodeDecodeFromTheRenderedPage() throws IOException {
        String url = "https://zc.example.gov.cn/verify/GD2026000001?c=3f9a";
        byte[] pdf;
        try (PdfComposer c = new PdfComposer(FONT)) {
            PdfPage page = c.addPage(PaperSize.A4, false);
            page.code128("FJ2020-0012345", new Box(60, 60, 220, 60), true);
            page.qr(url, new Box(400, 60, 120, 120));
            pdf = c.toPdf();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage rendered = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            int scale = 150 / 72;
            BufferedImage barcode = rendered.getSubimage(50 * 150 / 72, 50 * 150 / 72, 240 * 150 / 72, 80 * 150 / 72);
            assertEquals("FJ2020-0012345", decode(barcode, BarcodeFormat.CODE_128).getText());
            BufferedImage qr = rendered.getSubimage(390 * 150 / 72, 50 * 150 / 72, 140 * 150 / 72, 140 * 150 / 72);
            assertEquals(url, decode(qr, BarcodeFormat.QR_CODE).getText());
            assertTrue(scale > 0);
            String text = squeeze(new PDFTextStripper().getText(doc));
            assertTrue(text.contains("FJ2020-0012345"), "the barcode's number is printed below it: " + text);
        }
    }

    @Test
    void theDraftWatermarkCrossesEveryPage() throws IOException {
        byte[] pdf;
        try (PdfComposer c = new PdfComposer(FONT)) {
            c.watermark("草稿");
            c.addPage(PaperSize.A4, false).text("第一页", 60, 60, 12, false);
            c.addPage(PaperSize.A4, false).text("第二页", 60, 60, 12, false);
            pdf = c.toPdf();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= 2; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                assertTrue(squeeze(stripper.getText(doc)).contains("草稿"), "watermark on page " + p);
            }
            // Translucent grey, drawn large: the page centre is tinted but not black.
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 36);
            int darkest = 255;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = page.getWidth() / 3; x < page.getWidth() * 2 / 3; x++) {
                    darkest = Math.min(darkest, page.getRGB(x, y) & 0xFF);
                }
            }
            assertTrue(darkest < 240 && darkest > 100, "translucent watermark: " + darkest);
        }
    }

    @Test
    void aPhotoIsEmbeddedAsUploadedAndACharacterTheFontLacksPrintsAsASquare() throws IOException {
        BufferedImage photo = new BufferedImage(330, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(67, 142, 219));
        g.fillRect(0, 0, 330, 480);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpg", jpeg);
        byte[] pdf;
        try (PdfComposer c = new PdfComposer(FONT)) {
            PdfPage page = c.addPage(PaperSize.A4, false);
            page.image(jpeg.toByteArray(), "photo", new Box(400, 100, Box.mm(33), Box.mm(48)));
            page.text("姓名：张三\uD83D\uDE00", 60, 100, 12, false);
            pdf = c.toPdf();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var resources = doc.getPage(0).getResources();
            PDImageXObject image = (PDImageXObject) resources.getXObject(resources.getXObjectNames().iterator().next());
            assertEquals(COSName.DCT_DECODE, image.getCOSObject().getFilters());
            assertArrayEquals(jpeg.toByteArray(), image.getCOSObject().createRawInputStream().readAllBytes());
            assertTrue(squeeze(new PDFTextStripper().getText(doc)).contains("姓名：张三\u25A1"));
        }
    }

    @Test
    void documentsAreComposedInParallelWithThePooledFont() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String name = "申报人" + i;
                results.add(pool.submit(() -> {
                    try (PdfComposer c = new PdfComposer(FONT)) {
                        c.addPage(PaperSize.A4, false).paragraph(name + NOTICE, new Box(50, 50, 400, 300), 11, 1.4f,
                                Align.LEFT, false);
                        return c.toPdf();
                    }
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                try (PDDocument doc = Loader.loadPDF(results.get(i).get())) {
                    assertTrue(squeeze(new PDFTextStripper().getText(doc)).startsWith("申报人" + i + "经单位推荐"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Result decode(BufferedImage image, BarcodeFormat format) {
        try {
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(format),
                            DecodeHintType.TRY_HARDER, true));
        } catch (com.google.zxing.NotFoundException e) {
            throw new AssertionError(format + " not found in the rendered page", e);
        }
    }

    /** Text extraction puts line breaks and spaces where lines wrapped; compare without them. */
    private static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
