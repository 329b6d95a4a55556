package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * One sort key of a {@link RowOrder}: a field of the section's rows and the order of its codes (CQ-APP-3).
 *
 * @param field the field of the section whose answer is compared
 * @param sequence the codes in the required order
 */
public record OrderKey(String field, List<String> sequence) {

    /** Normalises an absent list to an empty one. */
    public OrderKey {
        sequence = Defaults.list(sequence);
    }
}
