package org.zhicheng.media.image;

import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;

/**
 * Colour classes of pixels, for the ID-photo background check (GD-PHOTO-2: red or blue, not white or grey) and the
 * colour check. Classified in HSV: little saturation is white, grey or dark by brightness; otherwise the hue says
 * red or blue, and anything else is other.
 */
final class Colours {

    /** A class of colour, with the word for messages. */
    enum Kind {
        RED("red", "红色", "red"),
        BLUE("blue", "蓝色", "blue"),
        WHITE("white", "白色", "white"),
        GREY("grey", "灰色", "grey"),
        OTHER("other", "其他颜色", "another colour");

        final String json;
        final String zh;
        final String en;

        Kind(String json, String zh, String en) {
            this.json = json;
            this.zh = zh;
            this.en = en;
        }
    }

    /** The share of border pixels one class needs to name the background. */
    static final double BACKGROUND_SHARE = 0.6;
    /** The share of pixels without saturation that makes an image greyscale. */
    static final double GREYSCALE_SHARE = 0.98;

    private Colours() {
    }

    static Kind classify(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        double value = max / 255.0;
        double saturation = max == 0 ? 0 : (max - min) / (double) max;
        if (saturation < 0.18) {
            return value > 0.82 ? Kind.WHITE : value > 0.3 ? Kind.GREY : Kind.OTHER;
        }
        if (value < 0.25) {
            return Kind.OTHER;
        }
        double hue = hue(r, g, b, max, min);
        if (hue < 20 || hue >= 335) {
            return Kind.RED;
        }
        if (hue >= 185 && hue < 255) {
            return Kind.BLUE;
        }
        return Kind.OTHER;
    }

    /**
     * The background of a portrait photo: the class of most pixels of the top band and of the outer bands beside
     * the head (the upper half; the shoulders fill the bottom), or {@link Kind#OTHER} when no class has
     * {@link #BACKGROUND_SHARE} of them.
     */
    static Kind background(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int band = Math.max(1, Math.round(Math.min(w, h) * 0.08f));
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        int total = 0;
        for (int y = 0; y < h / 2; y++) {
            for (int x = 0; x < w; x++) {
                if (y < band || x < band || x >= w - band) {
                    counts.merge(classify(image.getRGB(x, y)), 1, Integer::sum);
                    total++;
                }
            }
        }
        for (Map.Entry<Kind, Integer> e : counts.entrySet()) {
            if (e.getValue() >= BACKGROUND_SHARE * total) {
                return e.getKey();
            }
        }
        return Kind.OTHER;
    }

    /** Whether nearly every pixel lacks saturation. */
    static boolean greyscale(BufferedImage image) {
        int grey = 0;
        int total = image.getWidth() * image.getHeight();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                int max = Math.max(r, Math.max(g, b));
                int min = Math.min(r, Math.min(g, b));
                if (max - min <= 12) {
                    grey++;
                }
            }
        }
        return grey >= GREYSCALE_SHARE * total;
    }

    private static double hue(int r, int g, int b, int max, int min) {
        double d = max - min;
        double h;
        if (max == r) {
            h = 60 * (((g - b) / d) % 6);
        } else if (max == g) {
            h = 60 * (((b - r) / d) + 2);
        } else {
            h = 60 * (((r - g) / d) + 4);
        }
        return h < 0 ? h + 360 : h;
    }
}
