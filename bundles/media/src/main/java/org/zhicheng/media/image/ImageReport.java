package org.zhicheng.media.image;

import java.time.LocalDate;
import java.util.List;

import org.zhicheng.media.check.Finding;

/**
 * What the checks found out about an image.
 *
 * @param width the width in pixels as displayed (after the EXIF orientation); 0 when unreadable
 * @param height the height in pixels as displayed; 0 when unreadable
 * @param orientation the EXIF orientation 1..8; 1 when absent
 * @param takenOn the EXIF capture date (DateTimeOriginal, else DateTime), or {@code null}
 * @param background the border colour ({@code red}, {@code blue}, {@code white}, {@code grey}, {@code other}), or
 *     {@code null} when not checked
 * @param colour whether the image has colour (is not greyscale); {@code true} when not checked
 * @param refusals what makes the file unacceptable; empty when it is accepted
 * @param warnings what a reviewer should know, e.g. a capture date older than the business allows
 */
public record ImageReport(int width, int height, int orientation, LocalDate takenOn, String background,
        boolean colour, List<Finding> refusals, List<Finding> warnings) {

    public ImageReport {
        refusals = List.copyOf(refusals);
        warnings = List.copyOf(warnings);
    }

    /** Whether no check refused the image. */
    public boolean accepted() {
        return refusals.isEmpty();
    }
}
