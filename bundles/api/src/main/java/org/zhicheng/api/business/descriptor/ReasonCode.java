package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * A reason a return or rejection gives, from the business's list, besides the reviewer's free text (P3: returns
 * and rejections carry a reason code; FJ-5 any failure returns with its reason).
 *
 * @param code the code, unique in the business, e.g. {@code evidence-mismatch}
 * @param label what the applicant reads, e.g. 材料与原件不符 / Evidence does not match the original
 * @param actions the actions that may give it ({@code return}, {@code reject}); default both
 */
public record ReasonCode(String code, BilingualText label, List<ReviewAction> actions) {

    /** Normalises absent actions to return and reject. */
    public ReasonCode {
        actions = actions == null || actions.isEmpty() ? List.of(ReviewAction.RETURN, ReviewAction.REJECT)
                : List.copyOf(actions);
    }
}
