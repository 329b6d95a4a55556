package org.zhicheng.media.pdf;

/**
 * Platform bounds applied to every PDF whatever the slot says, so that one crafted upload cannot exhaust memory,
 * stack or time (CQ-APP-4 uploads are untrusted input).
 *
 * @param maxPages the most pages any PDF may have; a slot's own limit can only be smaller
 * @param maxPageTreeDepth how deeply page-tree nodes may nest
 * @param maxMemoryBytes the memory the parser may use for streams, and the most any single compressed stream may
 *     expand to
 */
public record PdfLimits(int maxPages, int maxPageTreeDepth, long maxMemoryBytes) {

    /** Requires positive bounds. */
    public PdfLimits {
        if (maxPages < 1 || maxPageTreeDepth < 1 || maxMemoryBytes < 1) {
            throw new IllegalArgumentException("PDF limits must be positive: " + maxPages + ", " + maxPageTreeDepth
                    + ", " + maxMemoryBytes);
        }
    }

    /** 500 pages, page tree at most 32 levels deep, 64 MB of memory. */
    public static PdfLimits defaults() {
        return new PdfLimits(500, 32, 64L * 1024 * 1024);
    }
}
