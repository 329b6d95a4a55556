package org.zhicheng.documents.pdf;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The paper sizes of the documents (A4 forms and certificates, the one A3 public-notice sheet of CQ-DOC-2). */
public enum PaperSize {
    A4(PDRectangle.A4),
    A3(PDRectangle.A3);

    private final PDRectangle portrait;

    PaperSize(PDRectangle portrait) {
        this.portrait = portrait;
    }

    /** The media box in the given orientation. */
    PDRectangle rectangle(boolean landscape) {
        return landscape ? new PDRectangle(portrait.getHeight(), portrait.getWidth()) : portrait;
    }
}
