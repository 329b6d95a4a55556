package org.zhicheng.api.business.descriptor;

/**
 * Who may start an application (GD-PHOTO-1).
 */
public enum Eligibility {

    /** Any registered applicant. */
    OPEN,

    /**
     * Only people on the business's roster of the season, imported by an administrator, e.g. the published list of
     * people who passed the review (GD-PHOTO-1).
     */
    ROSTER;

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
     public static Eligibility fromJson(String text) {
        return Defaults.fromJson(Eligibility.class, text);
    }
}
