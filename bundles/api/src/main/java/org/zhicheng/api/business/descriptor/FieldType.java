package org.zhicheng.api.business.descriptor;

/**
 * The type of a form field, which decides its widget and the checks applied to its answer (CQ-APP-1..3, FJ-2,
 * GD-TITLE-2..4).
 */
public enum FieldType {

    /** Single-line text. */
    TEXT,

    /** Multi-line text, e.g. a work summary (GD-TITLE-4). */
    TEXTAREA,

    /** A decimal number. */
    NUMBER,

    /** A whole number. */
    INTEGER,

    /** A calendar date, ISO-8601 {@code yyyy-MM-dd}. */
    DATE,

    /** A month, ISO-8601 {@code yyyy-MM}, e.g. an education end month (FJ-2). */
    YEAR_MONTH,

    /** Yes or no, e.g. front-line medical worker (CQ-APP-3) or the personal pledge (GD-TITLE-4). */
    BOOLEAN,

    /** One code from a dictionary or from inline options. */
    CHOICE,

    /** Several codes from a dictionary or from inline options, e.g. the misconduct checkboxes (CQ-APP-3). */
    MULTI_CHOICE,

    /** A resident ID number (GB 11643: 18 characters with check digit). */
    ID_NUMBER,

    /** A mainland mobile number (FJ-2). */
    MOBILE,

    /** An e-mail address. */
    EMAIL,

    /** A region from the region tree, code and name (GD-TITLE-3). */
    REGION,

    /**
     * An organisation of the deployment's organisation tree, e.g. the unit (FJ-2) or the new personnel-management unit
     * (GD-TITLE-7).
     */
    ORGANISATION,

    /** A file-backed field: its value is the upload of the slot it names (GD-PHOTO-1, CQ-APP-4). */
    FILE;

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
     public static FieldType fromJson(String text) {
        return Defaults.fromJson(FieldType.class, text);
    }
}
