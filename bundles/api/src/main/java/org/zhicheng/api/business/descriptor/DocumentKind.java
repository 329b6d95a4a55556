package org.zhicheng.api.business.descriptor;

/**
 * What a generated document is (CQ-DOC-1..3, CQ-REV-4, FJ-1, GD-TITLE-4).
 */
public enum DocumentKind {

    /** A printable application or review form, page by page. */
    FORM,

    /** A public-notice table (CQ-DOC-2). */
    PUBLIC_NOTICE,

    /** A confirmation sheet printed after a step passed (FJ-1). */
    CONFIRMATION_SHEET,

    /** A tabular export of a review queue, one row per application (CQ-REV-4). */
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
     public static DocumentKind fromJson(String text) {
        return Defaults.fromJson(DocumentKind.class, text);
    }
}
