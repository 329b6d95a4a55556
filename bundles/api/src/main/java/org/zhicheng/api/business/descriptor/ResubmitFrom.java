package org.zhicheng.api.business.descriptor;

/**
 * Where a resubmitted application re-enters the chain (CQ-REV-2: the whole chain again).
 */
public enum ResubmitFrom {

    /** The first step of the (re-evaluated) route. */
    START,

    /** The step that returned it. */
    RETURNING_STEP;

    /** The JSON text of this value, the lower-camel form of the constant name. */
    public String json() {
        return Defaults.json(this);
    }

    /**
     * The value whose JSON text is {@code text}.
     *
     * @param text the JSON text
     * @return the value
     * @throws IllegalArgumentException when no value has that text
     */
     public static ResubmitFrom fromJson(String text) {
        return Defaults.fromJson(ResubmitFrom.class, text);
    }
}
