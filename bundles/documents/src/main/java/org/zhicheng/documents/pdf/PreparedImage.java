package org.zhicheng.documents.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * An image compressed once for every document that prints it, e.g. a certificate's seal with its transparency
 * (GD-CERT-1): each document then takes the compressed bytes as they are, instead of encoding the image again.
 */
public final class PreparedImage {

    private final byte[] rgb;
    private final byte[] alpha;
    private final int width;
    private final int height;

    private PreparedImage(byte[] rgb, byte[] alpha, int width, int height) {
        this.rgb = rgb;
        this.alpha = alpha;
        this.width = width;
        this.height = height;
    }

    /** A PNG (with or without transparency) or JPEG, decoded and compressed now. */
    public static PreparedImage of(byte[] image) {
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(new ByteArrayInputStream(image));
        } catch (IOException e) {
            throw new IllegalArgumentException("the image cannot be read: " + e.getMessage(), e);
        }
        if (decoded == null) {
            throw new IllegalArgumentException("the image is neither PNG nor JPEG");
        }
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        boolean transparent = decoded.getColorModel().hasAlpha();
        byte[] rgb = new byte[w * h * 3];
        byte[] alpha = transparent ? new byte[w * h] : null;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            decoded.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int i = y * w + x;
                rgb[i * 3] = (byte) (argb >> 16);
                rgb[i * 3 + 1] = (byte) (argb >> 8);
                rgb[i * 3 + 2] = (byte) argb;
                if (alpha != null) {
                    alpha[i] = (byte) (argb >>> 24);
                }
            }
        }
        return new PreparedImage(deflate(rgb), alpha == null ? null : deflate(alpha), w, h);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The image as an XObject of {@code document}, from the bytes compressed once. */
    PDImageXObject in(PDDocument document) {
        try {
            PDImageXObject image = new PDImageXObject(document, new ByteArrayInputStream(rgb), COSName.FLATE_DECODE,
                    width, height, 8, PDDeviceRGB.INSTANCE);
            if (alpha != null) {
                PDImageXObject mask = new PDImageXObject(document, new ByteArrayInputStream(alpha),
                        COSName.FLATE_DECODE, width, height, 8, PDDeviceGray.INSTANCE);
                image.getCOSObject().setItem(COSName.SMASK, mask);
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] deflate(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4);
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
