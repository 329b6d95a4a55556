package org.zhicheng.api.business.descriptor;

/**
 * Application data that is not a form answer, for queue and roster columns (GD-PHOTO-4, CQ-REV-4).
 */
public enum ColumnMeta {

    /** The application's number or barcode (GD-PHOTO-4). */
    APPLICATION_NUMBER,

    /** The applicant's name. */
    APPLICANT_NAME,

    /** The applicant's ID number. */
    ID_NUMBER,

    /** The applicant's unit name. */
    UNIT,

    /** The application status. */
    STATUS,

    /** The step the application is at (GD-TITLE-6). */
    CURRENT_STEP,

    /** When the applicant last submitted. */
    SUBMITTED_AT,

    /** When the application last changed. */
    UPDATED_AT,

    /** The size of the file in the column's {@code slot}. */
    FILE_SIZE,

    /** When the file in the column's {@code slot} was uploaded. */
    UPLOADED_AT,

    /** Whether the column's {@code slot} holds a file. */
    FILE_EXISTS;

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
     public static ColumnMeta fromJson(String text) {
        return Defaults.fromJson(ColumnMeta.class, text);
    }
}
