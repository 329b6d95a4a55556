package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * One page (or, for a one-sheet document, one region) of a document and the blocks it shows, so that every
 * section maps to a page of the printed form (GD-TITLE-2: "this section corresponds to page 2 of the review form").
 *
 * @param title the page title; none when {@code null}
 * @param blocks what the page shows, in order (at least one)
 */
public record Page(BilingualText title, List<Block> blocks) {

    /** Normalises an absent list to an empty one. */
    public Page {
        blocks = Defaults.list(blocks);
    }
}
