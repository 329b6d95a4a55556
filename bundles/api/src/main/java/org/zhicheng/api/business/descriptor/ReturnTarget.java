package org.zhicheng.api.business.descriptor;

/**
 * Where a returned application goes (CQ-REV-2, FJ-5).
 */
public enum ReturnTarget {

    /** Straight back to the applicant, who may edit and resubmit. */
    APPLICANT,

    /** Back to the previous step of the chain, or to the applicant from the first step. */
    PREVIOUS_STEP;

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
     public static ReturnTarget fromJson(String text) {
        return Defaults.fromJson(ReturnTarget.class, text);
    }
}
