package org.zhicheng.identity.internal.captcha;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.random.RandomGenerator;

import javax.imageio.ImageIO;

/**
 * Draws a captcha's digits as a PNG. The digits come from a built-in 5×7 dot pattern rather than a font, because a
 * headless server often has no fonts at all (and the usual captcha libraries draw text with AWT fonts); each
 * digit is scaled, tilted and shifted at random, and curves and dots are drawn over it.
 */
public final class CaptchaImage {

    public static final int WIDTH = 160;
    public static final int HEIGHT = 56;

    /** Rows of 5 dots for 0–9, most significant bit on the left. */
    private static final int[][] DIGITS = {
        {0b01110, 0b10001, 0b10011, 0b10101, 0b11001, 0b10001, 0b01110},
        {0b00100, 0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110},
        {0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111},
        {0b11111, 0b00010, 0b00100, 0b00010, 0b00001, 0b10001, 0b01110},
        {0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010},
        {0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110},
        {0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110},
        {0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000},
        {0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110},
        {0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100},
    };

    private CaptchaImage() {
    }

    /**
     * @param digits the answer, digits only
     * @param random where the distortion comes from
     * @return a PNG of {@link #WIDTH}×{@link #HEIGHT} pixels
     */
    public static byte[] png(String digits, RandomGenerator random) {
        if (!digits.chars().allMatch(ch -> ch >= '0' && ch <= '9') || digits.isEmpty() || digits.length() > 6) {
            throw new IllegalArgumentException("a captcha is 1 to 6 digits");
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(235 + random.nextInt(20), 235 + random.nextInt(20), 225 + random.nextInt(30)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            for (int i = 0; i < 160; i++) {
                g.setColor(new Color(150 + random.nextInt(90), 150 + random.nextInt(90), 150 + random.nextInt(90)));
                g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 2, 2);
            }
            double slot = (double) (WIDTH - 16) / digits.length();
            for (int i = 0; i < digits.length(); i++) {
                drawDigit(g, digits.charAt(i) - '0', 8 + i * slot + random.nextDouble() * (slot - 26),
                        6 + random.nextDouble() * 8, random);
            }
            for (int i = 0; i < 3; i++) {
                g.setColor(new Color(40 + random.nextInt(120), 40 + random.nextInt(120), 40 + random.nextInt(120)));
                g.setStroke(new BasicStroke(1.2f + random.nextFloat()));
                g.draw(new CubicCurve2D.Double(0, random.nextInt(HEIGHT), random.nextInt(WIDTH),
                        random.nextInt(HEIGHT), random.nextInt(WIDTH), random.nextInt(HEIGHT), WIDTH,
                        random.nextInt(HEIGHT)));
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
    }

    private static void drawDigit(Graphics2D g, int digit, double x, double y, RandomGenerator random) {
        AffineTransform saved = g.getTransform();
        double cell = 4.6 + random.nextDouble() * 1.2;
        g.translate(x, y);
        g.rotate((random.nextDouble() - 0.5) * 0.5, 2.5 * cell, 3.5 * cell);
        g.shear((random.nextDouble() - 0.5) * 0.3, 0);
        g.setColor(new Color(random.nextInt(110), random.nextInt(110), random.nextInt(110)));
        int[] rows = DIGITS[digit];
        for (int row = 0; row < rows.length; row++) {
            for (int col = 0; col < 5; col++) {
                if ((rows[row] & (1 << (4 - col))) != 0) {
                    g.fill(new RoundRectangle2D.Double(col * cell, row * cell, cell + 0.6, cell + 0.6, 2, 2));
                }
            }
        }
        g.setTransform(saved);
    }
}
