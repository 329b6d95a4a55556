package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * The order the rows of a repeatable section must be in (CQ-APP-3: research projects national → provincial →
 * bureau → district, and within a level award → result → closed → started). Rows are compared key by key; a row
 * whose value is empty or not in a key's sequence sorts after all listed values of that key.
 *
 * @param keys the sort keys, most significant first
 * @param message the problem reported when the rows are out of order
 */
public record RowOrder(List<OrderKey> keys, BilingualText message) {

    /** Normalises an absent list to an empty one. */
    public RowOrder {
        keys = Defaults.list(keys);
    }
}
