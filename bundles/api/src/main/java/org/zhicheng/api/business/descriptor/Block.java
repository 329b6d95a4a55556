package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * A block of a document page: either a section of the form (all or some of its fields; for a repeatable section
 * optionally only the rows satisfying {@code rowsWhen}, CQ-DOC-2 rows flagged for the public notice), or a fixed
 * text such as a pledge. Exactly one of {@code section} and {@code text} is given.
 *
 * @param section the section shown
 * @param fields the fields of the section shown, in this order; all when empty
 * @param rowsWhen for a repeatable section: only rows satisfying this are shown; all when {@code null}
 * @param text a fixed text, e.g. the integrity declaration (CQ-APP-3)
 */
public record Block(String section, List<String> fields, Condition rowsWhen, BilingualText text) {

    /** Normalises an absent list to an empty one. */
    public Block {
        fields = Defaults.list(fields);
    }
}
