package org.zhicheng.api.business.descriptor;

/**
 * An output format of a generated document.
 */
public enum DocumentFormat {

    /** PDF, rendered with an embedded CJK font. */
    PDF,

    /** A web page for on-screen viewing and browser printing. */
    HTML,

    /** An Excel workbook (rosters, CQ-REV-4). */
    XLSX;

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
     public static DocumentFormat fromJson(String text) {
        return Defaults.fromJson(DocumentFormat.class, text);
    }
}
