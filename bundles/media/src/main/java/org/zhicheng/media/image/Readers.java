package org.zhicheng.media.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;

import org.zhicheng.api.business.descriptor.FileType;

/**
 * Image readers and the JPEG writer, found once and without the ImageIO plug-in scan. Inside Karaf that scan runs with
 * the caller's context class loader and does not see plug-ins embedded in this bundle. JPEGs are read by the JDK's
 * reader, the fastest, and by TwelveMonkeys' reader when the JDK's cannot (CMYK and YCCK JPEGs); the latter is built
 * directly and delegates to the JDK's reader, which the registry always holds. PNG and BMP are the JDK's readers.
 * Streams are in memory: ImageIO's default would cache through temporary files.
 */
final class Readers {

    private static final ImageReaderSpi JDK_JPEG = jdk("jpeg");
    private static final ImageReaderSpi FULL_JPEG = twelveMonkeysJpeg();
    private static final ImageReaderSpi JDK_PNG = jdk("png");
    private static final ImageReaderSpi JDK_BMP = jdk("bmp");
    private static final ThreadLocal<Map<ImageReaderSpi, ImageReader>> READERS =
            ThreadLocal.withInitial(IdentityHashMap::new);

    private Readers() {
    }

    /** The readers to try for a type, fastest first. */
    static List<ImageReaderSpi> providers(FileType type) {
        return switch (type) {
            case JPEG -> List.of(JDK_JPEG, FULL_JPEG);
            case PNG -> List.of(JDK_PNG);
            case BMP -> List.of(JDK_BMP);
            case PDF -> throw new IllegalArgumentException("a PDF is not an image");
        };
    }

    /**
     * A reader of the provider's for this thread. Creating a JDK JPEG reader costs about as much as decoding an ID
     * photo, so each thread keeps one per provider; the caller hands it back with {@link #release}.
     */
    static ImageReader reader(ImageReaderSpi provider) throws IOException {
        if (provider == FULL_JPEG) {
            // Only the JDK's readers are kept: a kept reader of this bundle's classes would outlive a bundle update.
            return provider.createReaderInstance(null);
        }
        Map<ImageReaderSpi, ImageReader> mine = READERS.get();
        ImageReader reader = mine.get(provider);
        if (reader == null) {
            reader = provider.createReaderInstance(null);
            mine.put(provider, reader);
        }
        return reader;
    }

    /** Hands a reader back: its input, listeners and state are cleared for the next use. */
    static void release(ImageReader reader) {
        if (reader.getOriginatingProvider() == FULL_JPEG) {
            reader.dispose();
        } else {
            reader.reset();
        }
    }


    /** An in-memory image stream over bytes. */
    static ImageInputStream input(byte[] bytes) {
        return new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes));
    }

    /**
     * The image as a JPEG of the given quality with no metadata at all: no EXIF, no ICC profile, no comment, only
     * the JFIF header the JDK's writer always writes.
     */
    static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = null;
        for (Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg"); writers.hasNext();) {
            ImageWriter candidate = writers.next();
            if (writer == null || candidate.getClass().getName().startsWith("com.sun.imageio.")) {
                writer = candidate;
            }
        }
        if (writer == null) {
            throw new IllegalStateException("the JDK has no JPEG writer");
        }
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static ImageReaderSpi jdk(String format) {
        Iterator<ImageReaderSpi> providers = IIORegistry.getDefaultInstance()
                .getServiceProviders(ImageReaderSpi.class, true);
        while (providers.hasNext()) {
            ImageReaderSpi spi = providers.next();
            if (spi.getClass().getName().startsWith("com.sun.imageio.")
                    && List.of(spi.getFormatNames()).contains(format)) {
                return spi;
            }
        }
        throw new IllegalStateException("the JDK has no " + format + " reader");
    }

    private static ImageReaderSpi twelveMonkeysJpeg() {
        JPEGImageReaderSpi spi = new JPEGImageReaderSpi();
        // Finds the JDK's JPEG reader to delegate to; works whether or not the registry holds TwelveMonkeys itself.
        spi.onRegistration(IIORegistry.getDefaultInstance(), ImageReaderSpi.class);
        return spi;
    }
}
