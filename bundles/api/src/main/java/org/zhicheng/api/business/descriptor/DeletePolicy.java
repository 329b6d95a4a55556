package org.zhicheng.api.business.descriptor;

/**
 * When an applicant may delete their own application, with all its data and files, irrevocably (CQ-APP-6).
 */
public enum DeletePolicy {

    /** Never. */
    NEVER,

    /** Only while it has never been submitted. */
    DRAFT,

    /** Also after submission, until the first review step has acted on it (CQ-APP-6). */
    UNTIL_FIRST_ACTION;

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
     public static DeletePolicy fromJson(String text) {
        return Defaults.fromJson(DeletePolicy.class, text);
    }
}
