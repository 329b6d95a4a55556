package org.zhicheng.media.pdf;

import org.apache.pdfbox.cos.COSDictionary;

/**
 * One leaf of the page tree as the inspection saw it: the effective box (crop box within the media box, as viewers
 * show it) and the rotation, both with inherited values applied.
 *
 * @param number the 1-based page number
 * @param dictionary the page's dictionary, for its annotations and actions
 * @param widthPt the effective box's width in PDF points, before rotation
 * @param heightPt the effective box's height in PDF points, before rotation
 * @param rotation the page rotation in degrees, normalised to 0..359
 * @param userUnit the size of one PDF unit in points (PDF 1.6 {@code /UserUnit}), 1 when absent
 */
record Page(int number, COSDictionary dictionary, float widthPt, float heightPt, int rotation, float userUnit) {

    private static final double MM_PER_POINT = 25.4 / 72.0;

    /** Whether the page is shown turned by a quarter turn, so its width and height swap. */
    boolean quarterTurned() {
        return rotation % 180 == 90;
    }

    /** The width as displayed, in millimetres. */
    double widthMm() {
        return (quarterTurned() ? heightPt : widthPt) * userUnit * MM_PER_POINT;
    }

    /** The height as displayed, in millimetres. */
    double heightMm() {
        return (quarterTurned() ? widthPt : heightPt) * userUnit * MM_PER_POINT;
    }

    /** Whether the box has an area at all; a degenerate box cannot be shown or printed. */
    boolean hasArea() {
        return widthPt > 0 && heightPt > 0;
    }
}
