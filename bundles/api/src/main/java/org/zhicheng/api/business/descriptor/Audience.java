package org.zhicheng.api.business.descriptor;

/**
 * Who may obtain a document.
 */
public enum Audience {

    /** The applicant, for their own application. */
    APPLICANT,

    /** Reviewers of a step on the application's route. */
    REVIEWER,

    /** Observers declared by the review (GD-PHOTO-6). */
    OBSERVER;

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
     public static Audience fromJson(String text) {
        return Defaults.fromJson(Audience.class, text);
    }
}
