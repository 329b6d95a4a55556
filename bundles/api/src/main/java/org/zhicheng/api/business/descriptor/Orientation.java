package org.zhicheng.api.business.descriptor;

/**
 * Page orientation of an uploaded PDF or a generated document (CQ-APP-4, CQ-DOC-2).
 */
public enum Orientation {

    /** Taller than wide. */
    PORTRAIT,

    /** Wider than tall. */
    LANDSCAPE;

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
     public static Orientation fromJson(String text) {
        return Defaults.fromJson(Orientation.class, text);
    }
}
