package org.zhicheng.api.business.descriptor;

/**
 * A paper size; JSON text {@code a4} and {@code a3} (CQ-APP-4, CQ-DOC-2).
 */
public enum PageSize {

    /** ISO A4, 210 × 297 mm. */
    A4,

    /** ISO A3, 297 × 420 mm. */
    A3;

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
     public static PageSize fromJson(String text) {
        return Defaults.fromJson(PageSize.class, text);
    }
}
