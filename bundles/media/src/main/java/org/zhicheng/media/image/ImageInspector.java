package org.zhicheng.media.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

import org.zhicheng.api.business.descriptor.AspectRatio;
import org.zhicheng.api.business.descriptor.BackgroundColour;
import org.zhicheng.api.business.descriptor.FileType;
import org.zhicheng.api.business.descriptor.ImageRule;
import org.zhicheng.media.check.Finding;

/**
 * Checks an uploaded image against a slot's rule (GD-PHOTO-2, FJ-3). The cheap checks come first and the costly
 * ones only when needed: the type and the dimensions from the header (a 60000 × 60000 px header is refused before
 * anything is decoded), then one subsampled decode, which proves the whole file decodes (a truncated or corrupt
 * file is refused) and feeds the background and colour checks. Dimensions are as displayed, after the EXIF
 * orientation. A capture date older than the business allows is a warning for the reviewer, not a refusal, since
 * EXIF dates are easily wrong.
 */
public final class ImageInspector {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** The short side of the subsampled image the colour checks look at. */
    private static final int SAMPLE_SIDE = 80;
    /** Decoder warnings that mean the file is damaged. */
    private static final Pattern DAMAGE = Pattern.compile(
            "premature|corrupt|truncat|bogus|invalid|unexpected|extraneous|missing", Pattern.CASE_INSENSITIVE);

    private final Clock clock;
    private final long maxPixels;

    /**
     * @param clock for the photo-age warning, in Asia/Shanghai dates
     * @param maxPixels the most width × height ever decoded, whatever a slot allows
     */
    public ImageInspector(Clock clock, long maxPixels) {
        this.clock = clock;
        this.maxPixels = maxPixels;
    }

    /**
     * Checks an image. Never throws for bad content: unreadable, truncated, corrupt or mismatched bytes are refusals.
     *
     * @param content the whole file, already size-bounded by the caller
     * @param type the type the caller sniffed from the bytes: JPEG, PNG or BMP
     * @param rule the slot's image rule, or {@code null} (the file must still decode within the pixel bound)
     */
    public ImageReport inspect(byte[] content, FileType type, ImageRule rule) {
        try {
            return check(content, type, rule);
        } catch (IOException | RuntimeException e) {
            return unreadable();
        }
    }

    /**
     * A re-encoded JPEG for display: EXIF orientation applied, CMYK converted to RGB, scaled to fit
     * {@code maxSide} × {@code maxSide} (never enlarged), without any metadata.
     *
     * @throws IOException when the image cannot be decoded (callers only ask for accepted files)
     */
    public byte[] preview(byte[] content, FileType type, int maxSide) throws IOException {
        Exif exif = type == FileType.JPEG ? Exif.of(content) : Exif.NONE;
        IIOException failure = null;
        for (ImageReaderSpi provider : Readers.providers(type)) {
            ImageReader reader = Readers.reader(provider);
            try (ImageInputStream in = Readers.input(content)) {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if ((long) w * h > maxPixels) {
                    throw new IOException("image of " + w + " x " + h + " px is past the pixel bound");
                }
                // Decode no more than twice the pixels the preview keeps.
                int step = Math.max(1, Math.max(w, h) / (2 * maxSide));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage decoded = reader.read(0, param);
                return Readers.jpeg(Orientation.apply(scale(decoded, maxSide), exif.orientation()), 0.85f);
            } catch (IIOException e) {
                failure = e; // e.g. the JDK's reader on a CMYK JPEG: the next reader decodes it
            } finally {
                Readers.release(reader);
            }
        }
        throw failure;
    }

    private ImageReport check(byte[] content, FileType type, ImageRule rule) throws IOException {
        if (content.length == 0) {
            return unreadable();
        }
        List<ImageReaderSpi> providers = Readers.providers(type);
        try (ImageInputStream in = Readers.input(content)) {
            if (!providers.get(0).canDecodeInput(in)) {
                return refused(Findings.typeMismatch(type));
            }
        }
        Exif exif = type == FileType.JPEG ? Exif.of(content) : Exif.NONE;
        for (ImageReaderSpi provider : providers) {
            try {
                return checkWith(provider, content, rule, exif);
            } catch (IIOException e) {
                // E.g. the JDK's reader on a CMYK JPEG ("Unsupported Image Type"): the next reader decodes it.
            }
        }
        return unreadable();
    }

    private ImageReport checkWith(ImageReaderSpi provider, byte[] content, ImageRule rule, Exif exif)
            throws IOException {
        ImageReader reader = Readers.reader(provider);
        List<String> warningsWhileReading = new ArrayList<>();
        // Decoders report a truncated or corrupt body as a warning and fill the rest with grey; colour-conversion
        // notes (e.g. a CMYK JPEG without ICC profile) are warnings too, and harmless.
        reader.addIIOReadWarningListener((source, warning) -> {
            if (DAMAGE.matcher(warning).find()) {
                warningsWhileReading.add(warning);
            }
        });
        try (ImageInputStream in = Readers.input(content)) {
            reader.setInput(in, true, true);
            int storedWidth = reader.getWidth(0);
            int storedHeight = reader.getHeight(0);
            if (storedWidth <= 0 || storedHeight <= 0) {
                return unreadable();
            }
            if ((long) storedWidth * storedHeight > maxPixels) {
                return refused(Findings.tooManyPixels(storedWidth, storedHeight, maxPixels));
            }
            int width = exif.swapsSides() ? storedHeight : storedWidth;
            int height = exif.swapsSides() ? storedWidth : storedHeight;
            List<Finding> refusals = new ArrayList<>(dimensions(width, height, rule));
            if (rule != null && refusals.stream().anyMatch(f -> f.code().equals("image-too-large"))) {
                return new ImageReport(width, height, exif.orientation(), exif.takenOn(), null, true, refusals,
                        List.of());
            }

            int step = Math.max(1, Math.min(storedWidth, storedHeight) / SAMPLE_SIDE);
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage sample = reader.read(0, param);
            if (!warningsWhileReading.isEmpty()) {
                return unreadable();
            }
            BufferedImage upright = Orientation.apply(rgb(sample), exif.orientation());

            String background = null;
            boolean colour = true;
            if (rule != null && rule.colour()) {
                colour = !Colours.greyscale(upright);
                if (!colour) {
                    refusals.add(Findings.greyscale());
                }
            }
            if (rule != null && !rule.background().isEmpty()) {
                Colours.Kind found = Colours.background(upright);
                background = found.json;
                boolean allowed = rule.background().stream().anyMatch(c -> c.name().equals(found.name()));
                if (!allowed) {
                    refusals.add(Findings.background(found, rule.background()));
                }
            }
            return new ImageReport(width, height, exif.orientation(), exif.takenOn(), background, colour, refusals,
                    age(exif.takenOn(), rule));
        } finally {
            Readers.release(reader);
        }
    }

    private static List<Finding> dimensions(int width, int height, ImageRule rule) {
        List<Finding> refusals = new ArrayList<>();
        if (rule == null) {
            return refusals;
        }
        if (rule.minWidth() != null && width < rule.minWidth()
                || rule.minHeight() != null && height < rule.minHeight()) {
            refusals.add(Findings.tooSmall(width, height, rule.minWidth(), rule.minHeight()));
        }
        if (rule.maxWidth() != null && width > rule.maxWidth()
                || rule.maxHeight() != null && height > rule.maxHeight()) {
            refusals.add(Findings.tooLarge(width, height, rule.maxWidth(), rule.maxHeight()));
        }
        AspectRatio ratio = rule.aspectRatio();
        if (ratio != null) {
            double required = ratio.width() / (double) ratio.height();
            double found = width / (double) height;
            if (Math.abs(found - required) > required * ratio.tolerance()) {
                refusals.add(Findings.aspectRatio(width, height, ratio));
            }
        }
        return refusals;
    }

    private List<Finding> age(LocalDate takenOn, ImageRule rule) {
        if (takenOn == null || rule == null) {
            return List.of();
        }
        List<Finding> warnings = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), BEIJING);
        if (rule.maxAgeMonths() != null && takenOn.isBefore(today.minusMonths(rule.maxAgeMonths()))) {
            warnings.add(Findings.tooOld(takenOn, rule.maxAgeMonths()));
        } else if (rule.takenOnOrAfter() != null && takenOn.isBefore(LocalDate.parse(rule.takenOnOrAfter()))) {
            warnings.add(Findings.takenBefore(takenOn, LocalDate.parse(rule.takenOnOrAfter())));
        }
        return warnings;
    }

    /** The image as plain RGB, whatever its colour model (CMYK arrives converted, grey and indexed are drawn). */
    private static BufferedImage rgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    private static BufferedImage scale(BufferedImage image, int maxSide) {
        int w = image.getWidth();
        int h = image.getHeight();
        double factor = Math.min(1.0, maxSide / (double) Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * factor));
        int th = Math.max(1, (int) Math.round(h * factor));
        BufferedImage scaled = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, tw, th, null);
        g.dispose();
        return scaled;
    }

    private static ImageReport unreadable() {
        return refused(Findings.unreadable());
    }

    private static ImageReport refused(Finding finding) {
        return new ImageReport(0, 0, 1, null, null, true, List.of(finding), List.of());
    }

    /** The colours a rule allows, in words. */
    static String words(List<BackgroundColour> colours, boolean chinese) {
        return colours.stream().map(c -> {
            Colours.Kind kind = Colours.Kind.valueOf(c.name());
            return chinese ? kind.zh : kind.en;
        }).collect(Collectors.joining(chinese ? "或" : " or "));
    }
}
