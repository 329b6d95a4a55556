package org.zhicheng.bench.rest;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Distinct, valid "large 1-inch" ID photos (GD-PHOTO-2: colour JPEG, 330 × 480 px for 33 × 48 mm, red or blue
 * background), each different so that no upload is stored by deduplication against another, with camera-like noise
 * so that their size (tens of KB) is that of real ones.
 */
final class IdPhotos {

    static final int WIDTH = 330;
    static final int HEIGHT = 480;

    private IdPhotos() {
    }

    static List<byte[]> distinct(int count) throws IOException {
        List<byte[]> photos = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Color background = i % 2 == 0 ? new Color(67, 142, 219) : new Color(200, 30, 40);
            photos.add(jpeg(draw(new Random(i), background)));
        }
        return photos;
    }

    /** A photo whose white background GD-PHOTO-2 refuses. */
    static byte[] whiteBackground() throws IOException {
        return jpeg(draw(new Random(-1), new Color(250, 250, 250)));
    }

    private static BufferedImage draw(Random random, Color background) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(60 + random.nextInt(30), 45 + random.nextInt(20), 40));
        int head = 110 + random.nextInt(20);
        g.fillOval((WIDTH - head) / 2, 90 + random.nextInt(20), head, head * 13 / 10);
        g.setColor(new Color(30, 30, 50 + random.nextInt(40)));
        g.fillRoundRect(40, 300, WIDTH - 80, 220, 90, 90);
        g.dispose();
        // Sensor noise everywhere, small enough to keep the background's colour.
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int rgb = image.getRGB(x, y);
                int n = random.nextInt(13) - 6;
                int r = clamp(((rgb >> 16) & 0xff) + n);
                int gr = clamp(((rgb >> 8) & 0xff) + n);
                int b = clamp((rgb & 0xff) + n);
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return image;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
