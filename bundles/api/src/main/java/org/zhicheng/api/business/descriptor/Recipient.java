package org.zhicheng.api.business.descriptor;

/**
 * Who receives a notification (FJ-5).
 */
public enum Recipient {

    /** The applicant. */
    APPLICANT,

    /** The reviewers of every step that has already acted on the application (FJ-5 pop-up reminder). */
    CHAIN_REVIEWERS,

    /** The reviewers of the step the application moves to. */
    NEXT_REVIEWERS;

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
     public static Recipient fromJson(String text) {
        return Defaults.fromJson(Recipient.class, text);
    }
}
