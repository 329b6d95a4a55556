package org.zhicheng.media.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.zhicheng.api.business.descriptor.AspectRatio;
import org.zhicheng.api.business.descriptor.BackgroundColour;
import org.zhicheng.api.business.descriptor.FileType;
import org.zhicheng.api.business.descriptor.ImageRule;
import org.zhicheng.media.check.Finding;

/** GD-PHOTO-2 and FJ-3 image checks, on generated photos and a corpus of bad images. */
class ImageInspectorTest {

    /** GD-PHOTO-2: colour, red or blue, at least 128 × 180, 33:48 ± 6 %, within 6 months and after 2018-07-01. */
    static final ImageRule ID_PHOTO = new ImageRule(128, 180, null, null, new AspectRatio(33, 48, 0.06),
            List.of(BackgroundColour.RED, BackgroundColour.BLUE), true, 6, "2018-07-01");
    static final Color RED = new Color(200, 30, 30);
    static final Color BLUE = new Color(67, 142, 219);

    private final ImageInspector inspector = new ImageInspector(
            Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC), 40_000_000L);

    @Test
    void typicalIdPhotosPass() throws Exception {
        for (Color background : List.of(RED, BLUE, new Color(0, 100, 200), new Color(220, 0, 0),
                new Color(90, 160, 230))) {
            ImageReport report = inspector.inspect(jpeg(photo(358, 521, background, 8)), FileType.JPEG, ID_PHOTO);
            assertEquals(List.of(), report.refusals(), background.toString());
            assertEquals(358, report.width());
            assertEquals(521, report.height());
            assertTrue(report.colour());
        }
        assertEquals("red", inspector.inspect(jpeg(photo(330, 480, RED, 0)), FileType.JPEG, ID_PHOTO).background());
        assertEquals("blue", inspector.inspect(jpeg(photo(330, 480, BLUE, 0)), FileType.JPEG, ID_PHOTO)
                .background());
    }

    @Test
    void cmykAndProgressiveJpegsDecodeEvenWithoutTheImageIoRegistry() throws Exception {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        List<ImageReaderSpi> twelveMonkeys = new ArrayList<>();
        registry.getServiceProviders(ImageReaderSpi.class, false).forEachRemaining(spi -> {
            if (spi.getClass().getName().startsWith("com.twelvemonkeys")) {
                twelveMonkeys.add(spi);
            }
        });
        // As inside Karaf: the registry does not see the plug-ins embedded in the bundle.
        twelveMonkeys.forEach(spi -> registry.deregisterServiceProvider(spi, ImageReaderSpi.class));
        try {
            for (String name : List.of("cmyk-photo.jpg", "progressive-photo.jpg")) {
                byte[] bytes = resource(name);
                ImageReport report = inspector.inspect(bytes, FileType.JPEG, ID_PHOTO);
                assertEquals(List.of(), report.refusals(), name);
                assertEquals(330, report.width());
                byte[] preview = inspector.preview(bytes, FileType.JPEG, 240);
                BufferedImage shown = ImageIO.read(new ByteArrayInputStream(preview));
                assertEquals(240, shown.getHeight(), name);
                assertTrue(Colours.classify(shown.getRGB(5, 5)) != Colours.Kind.WHITE, "colours survive: " + name);
            }
        } finally {
            twelveMonkeys.forEach(spi -> registry.registerServiceProvider(spi, ImageReaderSpi.class));
        }
    }

    @Test
    void pngAndBmpPassWhereAllowed() throws Exception {
        BufferedImage image = photo(200, 280, BLUE, 0);
        assertTrue(inspector.inspect(encode(image, "png"), FileType.PNG, null).accepted());
        assertTrue(inspector.inspect(encode(image, "bmp"), FileType.BMP, null).accepted());
    }

    @Test
    void exifOrientationTurnsThePhotoAndAnOldCaptureDateOnlyWarns() throws Exception {
        // Stored landscape, shown portrait: orientation 6 (rotate 90° clockwise).
        BufferedImage stored = rotateLeft(photo(330, 480, RED, 0));
        byte[] turned = withExif(jpeg(stored), 6, "2025:01:05 10:00:00");
        ImageReport report = inspector.inspect(turned, FileType.JPEG, ID_PHOTO);
        assertEquals(6, report.orientation());
        assertEquals(330, report.width());
        assertEquals(480, report.height());
        assertEquals(LocalDate.of(2025, 1, 5), report.takenOn());
        assertTrue(report.accepted(), report.refusals().toString());
        assertEquals(List.of("image-too-old"), codes(report.warnings()));
        assertTrue(report.warnings().get(0).message().zh().contains("2025-01-05"));

        byte[] preview = inspector.preview(turned, FileType.JPEG, 1200);
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(preview));
        assertEquals(330, shown.getWidth(), "the preview is upright");
        assertEquals(480, shown.getHeight());
        assertFalse(contains(preview, "Exif".getBytes(StandardCharsets.US_ASCII)), "no EXIF in the preview");
        assertFalse(contains(preview, "ICC_PROFILE".getBytes(StandardCharsets.US_ASCII)), "no ICC profile");

        assertEquals(List.of(), inspector.inspect(withExif(jpeg(photo(330, 480, RED, 0)), 1, "2026:10:01 09:00:00"),
                FileType.JPEG, ID_PHOTO).warnings(), "a recent photo");
        byte[] brokenExif = withRawApp1(jpeg(photo(330, 480, RED, 0)), new byte[] {'E', 'x', 'i', 'f', 0, 0, 'M'});
        assertTrue(inspector.inspect(brokenExif, FileType.JPEG, ID_PHOTO).accepted(), "broken EXIF is ignored");
    }

    @Test
    void everyBadImageIsRefusedWithItsReason() throws Exception {
        byte[] good = jpeg(photo(330, 480, RED, 0));
        Map<String, Case> corpus = new LinkedHashMap<>();
        corpus.put("0 bytes", new Case(new byte[0], FileType.JPEG, "image-unreadable"));
        corpus.put("random bytes", new Case(random(5000), FileType.JPEG, "image-type-mismatch"));
        corpus.put("truncated JPEG", new Case(Arrays.copyOf(good, good.length / 2), FileType.JPEG, "image-unreadable"));
        corpus.put("JPEG header only", new Case(Arrays.copyOf(good, 200), FileType.JPEG, "image-unreadable"));
        corpus.put("corrupt JPEG body", new Case(corrupt(good), FileType.JPEG, "image-unreadable"));
        corpus.put("JPEG declaring 60000 x 60000", new Case(withSofSize(good, 60000, 60000), FileType.JPEG,
                "image-too-many-pixels"));
        corpus.put("PNG declaring 60000 x 60000", new Case(pngWithSize(60000, 60000), FileType.PNG,
                "image-too-many-pixels"));
        corpus.put("PNG bytes as JPEG", new Case(encode(photo(330, 480, RED, 0), "png"), FileType.JPEG,
                "image-type-mismatch"));
        corpus.put("BMP bytes as JPEG", new Case(encode(photo(330, 480, RED, 0), "bmp"), FileType.JPEG,
                "image-type-mismatch"));
        corpus.put("JPEG bytes as PNG", new Case(good, FileType.PNG, "image-type-mismatch"));
        corpus.put("truncated PNG", new Case(Arrays.copyOf(encode(photo(330, 480, RED, 3), "png"), 3000),
                FileType.PNG, "image-unreadable"));
        corpus.put("127 x 180", new Case(jpeg(photo(127, 180, RED, 0)), FileType.JPEG, "image-too-small"));
        corpus.put("128 x 179", new Case(jpeg(photo(128, 179, RED, 0)), FileType.JPEG, "image-too-small"));
        corpus.put("landscape 441 x 358", new Case(jpeg(photo(441, 358, RED, 0)), FileType.JPEG,
                "image-aspect-ratio"));
        corpus.put("square 400 x 400", new Case(jpeg(photo(400, 400, RED, 0)), FileType.JPEG, "image-aspect-ratio"));
        corpus.put("white background", new Case(jpeg(photo(330, 480, Color.WHITE, 4)), FileType.JPEG,
                "image-background"));
        corpus.put("light grey background", new Case(jpeg(photo(330, 480, new Color(200, 200, 200), 4)),
                FileType.JPEG, "image-background"));
        corpus.put("green background", new Case(jpeg(photo(330, 480, new Color(40, 160, 60), 4)), FileType.JPEG,
                "image-background"));
        corpus.put("greyscale photo", new Case(jpeg(grey(photo(330, 480, RED, 0))), FileType.JPEG,
                "image-greyscale"));
        corpus.put("GIF bytes as PNG", new Case(encode(photo(100, 140, RED, 0), "gif"), FileType.PNG,
                "image-type-mismatch"));
        for (Map.Entry<String, Case> c : corpus.entrySet()) {
            ImageReport report = inspector.inspect(c.getValue().bytes(), c.getValue().type(), ID_PHOTO);
            assertTrue(codes(report.refusals()).contains(c.getValue().code()),
                    c.getKey() + ": " + codes(report.refusals()));
            for (Finding f : report.refusals()) {
                assertFalse(f.message().zh().isBlank(), c.getKey());
                assertFalse(f.message().en().isBlank(), c.getKey());
            }
        }
        assertTrue(inspector.inspect(good, FileType.JPEG, ID_PHOTO).accepted(), "the JVM is unharmed");
        ImageReport small = inspector.inspect(jpeg(photo(120, 160, RED, 0)), FileType.JPEG, ID_PHOTO);
        assertEquals("图片为 120×160 像素，至少需要 128×180 像素。", small.refusals().get(0).message().zh());
        assertEquals("The image is 120 × 160 px; it must be at least 128 × 180 px.",
                small.refusals().get(0).message().en());
        ImageReport white = inspector.inspect(jpeg(photo(330, 480, Color.WHITE, 0)), FileType.JPEG, ID_PHOTO);
        assertEquals("white", white.background());
        assertTrue(white.refusals().get(0).message().zh().startsWith("照片背景为白色，须为红色或蓝色"));
    }

    private record Case(byte[] bytes, FileType type, String code) {
    }

    /** An ID photo: a background, a darker head and shoulders, and some noise. */
    static BufferedImage photo(int width, int height, Color background, int noise) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(60, 45, 40));
        g.fillOval(width * 35 / 100, height * 22 / 100, width * 30 / 100, height * 27 / 100);
        g.setColor(new Color(30, 30, 50));
        g.fillRoundRect(width * 17 / 100, height * 62 / 100, width * 66 / 100, height * 45 / 100, 40, 40);
        g.dispose();
        if (noise > 0) {
            Random random = new Random(width * 7L + height);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    Color c = new Color(image.getRGB(x, y));
                    int d = random.nextInt(2 * noise + 1) - noise;
                    image.setRGB(x, y, new Color(clamp(c.getRed() + d), clamp(c.getGreen() + d),
                            clamp(c.getBlue() + d)).getRGB());
                }
            }
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), format);
        return out.toByteArray();
    }

    private static BufferedImage grey(BufferedImage image) {
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return grey;
    }

    private static BufferedImage rotateLeft(BufferedImage image) {
        BufferedImage turned = new BufferedImage(image.getHeight(), image.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                turned.setRGB(y, image.getWidth() - 1 - x, image.getRGB(x, y));
            }
        }
        return turned;
    }

    /** Splices an EXIF APP1 segment (big-endian TIFF: orientation in IFD0, DateTimeOriginal in the EXIF IFD). */
    static byte[] withExif(byte[] jpeg, int orientation, String dateTimeOriginal) throws IOException {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        java.io.DataOutputStream t = new java.io.DataOutputStream(tiff);
        t.writeBytes("MM");
        t.writeShort(42);
        t.writeInt(8);
        // IFD0 at 8: two entries (orientation, EXIF IFD pointer), then next-IFD 0.
        t.writeShort(2);
        t.writeShort(274);
        t.writeShort(3);
        t.writeInt(1);
        t.writeShort(orientation);
        t.writeShort(0);
        t.writeShort(34665);
        t.writeShort(4);
        t.writeInt(1);
        t.writeInt(38); // 8 + 2 + 2 * 12 + 4
        t.writeInt(0);
        // EXIF IFD at 38: one entry, DateTimeOriginal (ASCII, 20 bytes) at 56.
        t.writeShort(1);
        t.writeShort(36867);
        t.writeShort(2);
        t.writeInt(20);
        t.writeInt(56); // 38 + 2 + 12 + 4
        t.writeInt(0);
        t.writeBytes(dateTimeOriginal);
        t.writeByte(0);
        byte[] payload = tiff.toByteArray();
        ByteArrayOutputStream app1 = new ByteArrayOutputStream();
        app1.writeBytes("Exif".getBytes(StandardCharsets.US_ASCII));
        app1.write(0);
        app1.write(0);
        app1.writeBytes(payload);
        return withRawApp1(jpeg, app1.toByteArray());
    }

    private static byte[] withRawApp1(byte[] jpeg, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        int length = content.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(content);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The JPEG with its SOF frame header claiming other dimensions. */
    private static byte[] withSofSize(byte[] jpeg, int width, int height) {
        byte[] copy = jpeg.clone();
        for (int i = 2; i < copy.length - 9; i++) {
            int marker = copy[i + 1] & 0xFF;
            if ((copy[i] & 0xFF) == 0xFF && (marker == 0xC0 || marker == 0xC2)) {
                copy[i + 5] = (byte) (height >> 8);
                copy[i + 6] = (byte) height;
                copy[i + 7] = (byte) (width >> 8);
                copy[i + 8] = (byte) width;
                return copy;
            }
        }
        throw new IllegalStateException("no SOF marker");
    }

    /** A PNG signature and an IHDR chunk claiming the size, then nothing. */
    private static byte[] pngWithSize(int width, int height) throws IOException {
        byte[] png = encode(photo(16, 16, RED, 0), "png");
        byte[] copy = png.clone();
        // IHDR data starts at 16: width, height as big-endian ints (the CRC no longer matches, as in an attack).
        java.nio.ByteBuffer.wrap(copy, 16, 8).putInt(width).putInt(height);
        return copy;
    }

    private static byte[] corrupt(byte[] jpeg) {
        byte[] copy = jpeg.clone();
        Random random = new Random(1);
        for (int i = jpeg.length / 3; i < jpeg.length - 2; i += 7) {
            copy[i] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new Random(3).nextBytes(bytes);
        return bytes;
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ImageInspectorTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }
}
