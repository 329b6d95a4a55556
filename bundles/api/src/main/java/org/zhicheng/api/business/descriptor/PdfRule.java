package org.zhicheng.api.business.descriptor;

/**
 * Rules for an uploaded PDF (CQ-APP-4: A4 pages, upright).
 *
 * @param pageSize the size every page must have (within 2 mm); any when {@code null}
 * @param orientation the orientation every page must have; any when {@code null}
 * @param upright whether every page must be unrotated (no page rotation), so text reads upright; default false
 * @param maxPages the most pages; no limit when {@code null}
 */
public record PdfRule(PageSize pageSize, Orientation orientation, Boolean upright, Integer maxPages) {

    /** Normalises the absent flag to its default. */
    public PdfRule {
        upright = Defaults.flag(upright, false);
    }
}
