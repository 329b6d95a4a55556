package org.zhicheng.api.business.descriptor;

/**
 * Where the required name of an uploaded file comes from (GD-PHOTO-2: named by the ID number).
 */
public enum FileNameSource {

    /** The applicant's ID number from the verified account. */
    APPLICANT_ID_NUMBER,

    /** The answer of the field named in {@code field}. */
    FIELD;

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
     public static FileNameSource fromJson(String text) {
        return Defaults.fromJson(FileNameSource.class, text);
    }
}
