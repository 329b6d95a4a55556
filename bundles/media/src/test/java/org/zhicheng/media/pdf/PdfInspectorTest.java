package org.zhicheng.media.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.business.descriptor.Orientation;
import org.zhicheng.api.business.descriptor.PageSize;
import org.zhicheng.api.business.descriptor.PdfRule;
import org.zhicheng.media.check.Finding;

class PdfInspectorTest {

    private final PdfInspector inspector = new PdfInspector(PdfLimits.defaults());

    static List<BadPdfs.Case> badCases() {
        return BadPdfs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCases")
    void refusesEachBadPdfWithItsCode(BadPdfs.Case bad) {
        PdfReport report = inspector.inspect(bad.content(), bad.rule());

        assertFalse(report.accepted(), bad.name());
        assertEquals(bad.codes(), codes(report.refusals()), bad.name() + ": " + report.refusals());
        Finding first = report.refusals().get(0);
        assertTrue(first.message().zh().contains(bad.zh()), first.message().zh());
        assertTrue(first.message().en().contains(bad.en()), first.message().en());
        report.refusals().forEach(PdfInspectorTest::assertBilingual);
    }

    @Test
    void inspectsTheWholeBadCorpusInOneGoWithoutThrowing() {
        List<BadPdfs.Case> corpus = BadPdfs.all();
        assertTrue(corpus.size() >= 18, "corpus size " + corpus.size());
        List<String> failures = new ArrayList<>();
        for (BadPdfs.Case bad : corpus) {
            try {
                PdfReport report = inspector.inspect(bad.content(), bad.rule());
                if (report.accepted() || !codes(report.refusals()).containsAll(bad.codes())) {
                    failures.add(bad.name() + " -> " + codes(report.refusals()));
                }
            } catch (Throwable t) { // the point of the test: nothing escapes, not even an Error
                failures.add(bad.name() + " threw " + t);
            }
        }
        assertEquals(List.of(), failures);
        // The JVM and the inspector are unharmed: a good file is still accepted.
        assertTrue(inspector.inspect(SamplePdfs.a4(3), BadPdfs.A4_PORTRAIT_UPRIGHT).accepted());
    }

    @Test
    void acceptsThreeA4PortraitPages() {
        PdfReport report = inspector.inspect(SamplePdfs.a4(3), new PdfRule(PageSize.A4, Orientation.PORTRAIT, true, 3));

        assertTrue(report.accepted(), report.refusals().toString());
        assertEquals(3, report.pages());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void acceptsCjkTitleAndMetadata() {
        byte[] pdf = SamplePdfs.a4(2, doc -> {
            doc.getDocumentInformation().setTitle("职称申报 · 印证材料：论文（第一作者）");
            doc.getDocumentInformation().setAuthor("张三");
            doc.getDocumentInformation().setKeywords("重庆 卫生 高级职称");
            doc.getDocumentCatalog().setLanguage("zh-CN");
            doc.getDocumentCatalog().setMarkInfo(new PDMarkInfo());
        });

        PdfReport report = inspector.inspect(pdf, BadPdfs.A4_PORTRAIT_UPRIGHT);

        assertTrue(report.accepted(), report.refusals().toString());
        assertEquals(2, report.pages());
    }

    @Test
    void withoutRuleAcceptsAnySizeOrientationAndRotation() {
        byte[] pdf = SamplePdfs.pages(new PDRectangle[] {SamplePdfs.A3, PDRectangle.LETTER, SamplePdfs.A4_LANDSCAPE},
                doc -> doc.getPage(1).setRotation(270));

        PdfReport report = inspector.inspect(pdf, null);

        assertTrue(report.accepted(), report.refusals().toString());
        assertEquals(3, report.pages());
    }

    @Test
    void countsEitherOrientationAsTheSizeAndAllowsTwoMillimetres() {
        PDRectangle slightlyLarge = new PDRectangle(595.28f + 5.5f, 841.89f - 5.5f); // +1.9 mm, -1.9 mm
        byte[] pdf = SamplePdfs.pages(new PDRectangle[] {SamplePdfs.A4_LANDSCAPE, slightlyLarge}, doc -> { });

        assertTrue(inspector.inspect(pdf, BadPdfs.A4_ONLY).accepted());
        byte[] tooLarge = SamplePdfs.pages(new PDRectangle[] {new PDRectangle(595.28f + 6f, 841.89f)}, doc -> { });
        assertEquals(Set.of("pdf-page-size"), codes(inspector.inspect(tooLarge, BadPdfs.A4_ONLY).refusals()));
    }

    @Test
    void judgesOrientationAsDisplayedAfterRotation() {
        // A landscape A4 box turned by 90° is shown portrait: right orientation, but not upright.
        byte[] pdf = SamplePdfs.pages(new PDRectangle[] {SamplePdfs.A4_LANDSCAPE},
                doc -> doc.getPage(0).setRotation(90));

        assertTrue(inspector.inspect(pdf, new PdfRule(PageSize.A4, Orientation.PORTRAIT, false, null)).accepted());
        PdfReport upright = inspector.inspect(pdf, BadPdfs.A4_PORTRAIT_UPRIGHT);
        assertEquals(Set.of("pdf-rotated"), codes(upright.refusals()));
        assertTrue(upright.refusals().get(0).message().zh().contains("第 1 页旋转了 90°"));
    }

    @Test
    void usesTheCropBoxAndInheritedBoxes() {
        // The page inherits an A3 media box from the Pages node and crops it to A4.
        byte[] cropped = RawPdf.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 841.89 1190.55] /Rotate 0 >>",
                "<< /Type /Page /Parent 2 0 R /CropBox [100 100 695.28 941.89] >>");
        assertTrue(inspector.inspect(cropped, BadPdfs.A4_PORTRAIT_UPRIGHT).accepted());

        byte[] inheritedRotation = RawPdf.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 595.28 841.89] /Rotate -90 >>",
                "<< /Type /Page /Parent 2 0 R >>",
                "<< /Type /Page /Parent 2 0 R /Rotate 0 >>");
        PdfReport report = inspector.inspect(inheritedRotation, new PdfRule(PageSize.A4, null, true, null));
        assertEquals(Set.of("pdf-rotated"), codes(report.refusals()));
        assertEquals(1, report.refusals().size());
        assertTrue(report.refusals().get(0).message().en().startsWith("Page 1 is rotated by 270°"));
    }

    @Test
    void listsFiveOffendingPagesThenFoldsTheRest() {
        PDRectangle[] sizes = new PDRectangle[300];
        java.util.Arrays.fill(sizes, SamplePdfs.A3);
        sizes[9] = SamplePdfs.A4;
        byte[] pdf = SamplePdfs.pages(sizes, doc -> { });

        PdfReport report = inspector.inspect(pdf, BadPdfs.A4_ONLY);

        assertEquals(300, report.pages());
        assertEquals(6, report.refusals().size(), report.refusals().toString());
        for (int i = 0; i < 5; i++) {
            assertTrue(report.refusals().get(i).message().zh().startsWith("第 " + (i + 1) + " 页为 297×420 毫米"));
        }
        Finding rest = report.refusals().get(5);
        assertEquals("pdf-page-size", rest.code());
        assertEquals("另有 294 页（第 6–9、11–300 页）存在同样的问题，请一并修正", rest.message().zh());
        assertEquals("294 more pages have the same problem (pages 6–9, 11–300); fix them too", rest.message().en());
    }

    @Test
    void reportsEveryRuleBrokenOnAPage() {
        // A3 landscape turned by 90°: wrong size, shown portrait, not upright.
        byte[] pdf = SamplePdfs.pages(new PDRectangle[] {new PDRectangle(SamplePdfs.A3.getHeight(),
                SamplePdfs.A3.getWidth())}, doc -> doc.getPage(0).setRotation(90));

        PdfReport report = inspector.inspect(pdf, new PdfRule(PageSize.A4, Orientation.LANDSCAPE, true, null));

        assertEquals(List.of("pdf-page-size", "pdf-orientation", "pdf-rotated"),
                report.refusals().stream().map(Finding::code).toList());
        assertEquals("第 1 页为纵向（297×420 毫米），须为横向。请调整页面方向后重新生成 PDF",
                report.refusals().get(1).message().zh());
    }

    @Test
    void warnsAboutRotationsThatAreNotQuarterTurns() {
        byte[] pdf = RawPdf.of(RawPdf.pages(2, "").stream().map(o -> o.replace("/Parent 2 0 R /MediaBox [0 0 "
                + "595.28 841.89] ", "/Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Rotate 45")).toList());

        PdfReport report = inspector.inspect(pdf, null);

        assertTrue(report.accepted());
        assertEquals(List.of("pdf-odd-rotation", "pdf-odd-rotation"),
                report.warnings().stream().map(Finding::code).toList());
    }

    @Test
    void acceptsHarmlessActionsEvenInCycles() {
        byte[] pdf = RawPdf.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Annots [4 0 R 4 0 R] >>",
                "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A 5 0 R >>",
                "<< /S /URI /URI (https://example.org/) /Next [5 0 R 6 0 R] >>",
                "<< /S /GoTo /D [3 0 R /Fit] /Next 6 0 R >>");

        PdfReport report = inspector.inspect(pdf, BadPdfs.A4_PORTRAIT_UPRIGHT);

        assertTrue(report.accepted(), report.refusals().toString());
    }

    @Test
    void appliesTheSmallerOfSlotAndPlatformPageLimits() {
        PdfInspector strict = new PdfInspector(new PdfLimits(4, 32, 64L << 20));

        assertEquals(Set.of("pdf-too-many-pages"), codes(strict.inspect(SamplePdfs.a4(5),
                new PdfRule(null, null, false, 100)).refusals()));
        assertTrue(strict.inspect(SamplePdfs.a4(4), new PdfRule(null, null, false, 100)).accepted());
        PdfReport report = strict.inspect(SamplePdfs.a4(4), new PdfRule(null, null, false, 3));
        assertEquals("PDF 共 4 页，此处最多允许 3 页。请删减页数后重新上传", report.refusals().get(0).message().zh());
        assertEquals(4, report.pages());
    }

    @Test
    void limitsAreValidated() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new PdfLimits(0, 32, 1));
        assertEquals(new PdfLimits(500, 32, 64L * 1024 * 1024), PdfLimits.defaults());
    }

    private static Set<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static void assertBilingual(Finding finding) {
        assertFalse(finding.message().zh().isBlank(), finding.code());
        assertFalse(finding.message().en().isBlank(), finding.code());
        assertTrue(finding.code().startsWith("pdf-"), finding.code());
    }
}
