package org.zhicheng.media.sniff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.zhicheng.api.business.descriptor.FileType;

/** The type of a file comes from its bytes alone, and files that are two formats at once are caught. */
class SnifferTest {

    private final Sniffer sniffer = new Sniffer();

    @Test
    void acceptedTypesAreRecognisedByTheirBytes() throws Exception {
        assertEquals(FileType.JPEG, sniffer.sniff(image("jpg")).type());
        assertEquals(FileType.PNG, sniffer.sniff(image("png")).type());
        assertEquals(FileType.BMP, sniffer.sniff(image("bmp")).type());
        assertEquals(FileType.PDF, sniffer.sniff("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"
                .getBytes(StandardCharsets.ISO_8859_1)).type());
    }

    @Test
    void otherFormatsAreNamedSoThePersonKnowsWhatToConvert() throws Exception {
        assertEquals("GIF 图片", describe(image("gif")));
        assertEquals("WebP 图片", describe(ascii("RIFF\u0024\u0000\u0000\u0000WEBPVP8 \u0018\u0000\u0000\u0000")));
        byte[] heic = new byte[64];
        System.arraycopy(ascii("\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000mif1heic"), 0, heic, 0, 24);
        assertTrue(describe(heic).startsWith("HEI"), describe(heic));
        assertEquals("SVG 矢量图",
                describe(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")));
        assertEquals("压缩包", describe(zip()));
        assertEquals("无法识别的文件", describe(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        assertNull(sniffer.sniff(zip()).type());
    }

    @Test
    void polyglotsAreCaught() throws Exception {
        byte[] jpeg = image("jpg");
        assertNull(sniffer.polyglot(jpeg, FileType.JPEG), "a plain JPEG");
        ByteArrayOutputStream withZip = new ByteArrayOutputStream();
        withZip.writeBytes(jpeg);
        withZip.writeBytes(zip());
        assertNotNull(sniffer.polyglot(withZip.toByteArray(), FileType.JPEG), "JPEG + zip");
        byte[] withPdf = jpeg.clone();
        System.arraycopy(ascii("%PDF-1.4"), 0, withPdf, 40, 8);
        assertEquals("a PDF document", sniffer.polyglot(withPdf, FileType.JPEG).en());
        byte[] withHtml = jpeg.clone();
        System.arraycopy(ascii("<script>x</script>"), 0, withHtml, 60, 18);
        assertEquals("a web page", sniffer.polyglot(withHtml, FileType.JPEG).en());
    }

    private String describe(byte[] bytes) {
        return sniffer.sniff(bytes).description().zh();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] image(String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 60, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    private static byte[] zip() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("a.txt"));
            zip.write(1);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
