package org.zhicheng.media.image;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * What a JPEG's EXIF says about orientation and capture date, read with TwelveMonkeys' metadata library. EXIF is
 * written by any phone or editor and often broken: whatever cannot be read counts as absent, never as a fault of
 * the file.
 *
 * @param orientation 1..8 (1 when absent or out of range)
 * @param takenOn the capture date (DateTimeOriginal, else DateTime), or {@code null}
 */
record Exif(int orientation, LocalDate takenOn) {

    static final Exif NONE = new Exif(1, null);

    private static final int ORIENTATION = 274;
    private static final int DATE_TIME = 306;
    private static final int EXIF_IFD = 34665;
    private static final int DATE_TIME_ORIGINAL = 36867;
    private static final DateTimeFormatter EXIF_DATE = DateTimeFormatter.ofPattern("yyyy:MM:dd");

    /** The EXIF of a JPEG, or {@link #NONE}. */
    static Exif of(byte[] jpeg) {
        try (ImageInputStream in = Readers.input(jpeg)) {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (segments.isEmpty()) {
                return NONE;
            }
            byte[] data;
            try (InputStream segment = segments.get(0).data()) {
                data = segment.readAllBytes();
            }
            // The identifier is "Exif" and two zero bytes; the library strips the first.
            int start = data.length > 0 && data[0] == 0 ? 1 : 0;
            try (ImageInputStream tiff = Readers.input(java.util.Arrays.copyOfRange(data, start, data.length))) {
                Directory ifd0 = new TIFFReader().read(tiff);
                int orientation = integer(ifd0.getEntryById(ORIENTATION));
                LocalDate taken = null;
                Entry exifIfd = ifd0.getEntryById(EXIF_IFD);
                if (exifIfd != null && exifIfd.getValue() instanceof Directory exif) {
                    taken = date(exif.getEntryById(DATE_TIME_ORIGINAL));
                }
                if (taken == null) {
                    taken = date(ifd0.getEntryById(DATE_TIME));
                }
                return new Exif(orientation >= 1 && orientation <= 8 ? orientation : 1, taken);
            }
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    /** Whether the orientation turns the picture by 90° either way, so that width and height swap. */
    boolean swapsSides() {
        return orientation >= 5;
    }

    private static int integer(Entry entry) {
        return entry != null && entry.getValue() instanceof Number n ? n.intValue() : 1;
    }

    private static LocalDate date(Entry entry) {
        if (entry == null || entry.getValue() == null) {
            return null;
        }
        String text = entry.getValueAsString().strip();
        try {
            return text.length() >= 10 ? LocalDate.parse(text.substring(0, 10), EXIF_DATE) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
