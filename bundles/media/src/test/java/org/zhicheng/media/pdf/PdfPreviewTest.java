package org.zhicheng.media.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

class PdfPreviewTest {

    private final PdfInspector inspector = new PdfInspector(PdfLimits.defaults());

    @Test
    void rendersTheFirstPageAsAJpegFittingMaxSide() throws IOException {
        byte[] jpeg = inspector.preview(SamplePdfs.a4(3), 800);

        BufferedImage image = decode(jpeg);
        assertEquals(800, image.getHeight()); // A4 portrait: the height is the long side
        assertEquals(Math.floor(800 * 595.28 / 841.89), image.getWidth(), 1.0);
        assertTrue(darkPixels(image) > 100, "the page's text and frame are drawn");
    }

    @Test
    void writesNoMetadataBeyondTheJfifHeader() throws IOException {
        byte[] pdf = SamplePdfs.a4(1, doc -> doc.getDocumentInformation().setAuthor("张三"));

        byte[] jpeg = inspector.preview(pdf, 300);

        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xD8}, Arrays.copyOf(jpeg, 2));
        for (int i = 2; i + 1 < jpeg.length && !(jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) 0xDA); i++) {
            boolean app1To15 = jpeg[i] == (byte) 0xFF && (jpeg[i + 1] & 0xFF) >= 0xE1 && (jpeg[i + 1] & 0xFF) <= 0xEF;
            boolean comment = jpeg[i] == (byte) 0xFF && jpeg[i + 1] == (byte) 0xFE;
            assertFalse(app1To15 || comment, "metadata segment at " + i);
        }
    }

    @Test
    void fitsLandscapeAndRotatedPagesToo() throws IOException {
        BufferedImage landscape = decode(inspector.preview(SamplePdfs.pages(
                new PDRectangle[] {SamplePdfs.A4_LANDSCAPE}, doc -> { }), 500));
        assertEquals(500, landscape.getWidth());
        assertTrue(landscape.getHeight() < 500);

        BufferedImage rotated = decode(inspector.preview(SamplePdfs.a4(1, doc -> doc.getPage(0).setRotation(90)),
                500));
        assertEquals(500, rotated.getWidth());
        assertTrue(rotated.getHeight() < 500);
    }

    @Test
    void staysWithinBoundsForHugePagesAndHugeRequests() throws IOException {
        for (String box : List.of("[0 0 14400 14400]", "[0 0 1000000000 1000000000]", "[0 0 200000 3]",
                "[-500000000 -500000000 500000000 500000000]")) {
            byte[] pdf = RawPdf.of(RawPdf.pages(1, "").stream()
                    .map(o -> o.replace("/MediaBox [0 0 595.28 841.89]", "/MediaBox " + box)).toList());
            BufferedImage image = decode(inspector.preview(pdf, 1024));
            assertTrue(image.getWidth() <= 1024 && image.getHeight() <= 1024, box);
        }
        BufferedImage big = decode(inspector.preview(SamplePdfs.a4(1), 100_000));
        assertTrue((long) big.getWidth() * big.getHeight() <= PagePreview.MAX_PIXELS,
                big.getWidth() + " x " + big.getHeight());
    }

    @Test
    void throwsIOExceptionForFilesItCannotRender() {
        for (BadPdfs.Case bad : BadPdfs.all()) {
            if (bad.codes().contains("pdf-unreadable") || bad.codes().contains("pdf-encrypted")
                    || bad.codes().contains("pdf-page-tree") || bad.codes().contains("pdf-empty")
                    || bad.codes().contains("pdf-oversized-stream")) {
                assertThrows(IOException.class, () -> inspector.preview(bad.content(), 200), bad.name());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> inspector.preview(SamplePdfs.a4(1), 0));
    }

    private static BufferedImage decode(byte[] jpeg) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertNotNull(image, "decodable JPEG");
        return image;
    }

    private static int darkPixels(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) < 300) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
