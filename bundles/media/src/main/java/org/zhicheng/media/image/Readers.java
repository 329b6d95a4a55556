package org.zhicheng.media.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageOutputStream;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;

import org.zhicheng.api.business.descriptor.FileType;

/**
 * Image readers and the JPEG writer, found without the ImageIO plug-in scan. Inside Karaf that scan runs with the
 * caller's context class loader and does not see plug-ins embedded in this bundle, so TwelveMonkeys' JPEG reader
 * (CMYK and YCCK JPEGs, which the JDK refuses) is built directly; it delegates to the JDK's own JPEG reader, which the
 * registry always holds. PNG and BMP are the JDK's readers.
 */
final class Readers {

    private static final ImageReaderSpi JPEG = jpegSpi();

    private Readers() {
    }

    /** A fresh reader for the type; the caller disposes of it. */
    static ImageReader reader(FileType type) throws IOException {
        return switch (type) {
            case JPEG -> JPEG.createReaderInstance(null);
            case PNG -> jdk("png");
            case BMP -> jdk("bmp");
            case PDF -> throw new IllegalArgumentException("a PDF is not an image");
        };
    }

    /** The provider of a type's reader, to check that the bytes are of that type. */
    static ImageReaderSpi provider(FileType type) throws IOException {
        if (type == FileType.JPEG) {
            return JPEG;
        }
        ImageReader reader = reader(type);
        try {
            return reader.getOriginatingProvider();
        } finally {
            reader.dispose();
        }
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
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static ImageReader jdk(String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getClass().getName().startsWith("com.sun.imageio.")) {
                return reader;
            }
            reader.dispose();
        }
        throw new IllegalStateException("the JDK has no " + format + " reader");
    }

    private static ImageReaderSpi jpegSpi() {
        JPEGImageReaderSpi spi = new JPEGImageReaderSpi();
        // Finds the JDK's JPEG reader to delegate to; works whether or not the registry holds TwelveMonkeys itself.
        spi.onRegistration(IIORegistry.getDefaultInstance(), ImageReaderSpi.class);
        return spi;
    }
}
