package org.zhicheng.media.pdf;

import java.util.Arrays;
import java.util.Optional;

import org.zhicheng.api.business.descriptor.PageSize;

/** Paper sizes a page may be recognised as, so that messages can name what the person actually uploaded. */
enum PaperSize {

    A3(297, 420, "A3", "A3"),
    A4(210, 297, "A4", "A4"),
    A5(148, 210, "A5", "A5"),
    B4(250, 353, "B4", "B4"),
    B5(176, 250, "B5", "B5"),
    JIS_B4(257, 364, "B4（JIS）", "JIS B4"),
    JIS_B5(182, 257, "B5（JIS）", "JIS B5"),
    LETTER(215.9, 279.4, "Letter 信纸", "US Letter"),
    LEGAL(215.9, 355.6, "Legal 信纸", "US Legal");

    /** How far a page may differ from the nominal size in each direction (CQ-APP-4: within 2 mm). */
    static final double TOLERANCE_MM = 2.0;

    final double shortMm;
    final double longMm;
    final String zh;
    final String en;

    PaperSize(double shortMm, double longMm, String zh, String en) {
        this.shortMm = shortMm;
        this.longMm = longMm;
        this.zh = zh;
        this.en = en;
    }

    /** Whether a page of this width and height in millimetres is this size, in either orientation. */
    boolean fits(double widthMm, double heightMm) {
        return Math.abs(Math.min(widthMm, heightMm) - shortMm) <= TOLERANCE_MM
                && Math.abs(Math.max(widthMm, heightMm) - longMm) <= TOLERANCE_MM;
    }

    /** The known size a page has, if any. */
    static Optional<PaperSize> of(double widthMm, double heightMm) {
        return Arrays.stream(values()).filter(s -> s.fits(widthMm, heightMm)).findFirst();
    }

    /** The size a slot's rule asks for. */
    static PaperSize of(PageSize size) {
        return switch (size) {
            case A3 -> A3;
            case A4 -> A4;
        };
    }
}
