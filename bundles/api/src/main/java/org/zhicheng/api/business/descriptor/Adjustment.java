package org.zhicheng.api.business.descriptor;

/**
 * A layout setting a user may adjust before printing (CQ-DOC-1, CQ-DOC-2).
 */
public enum Adjustment {

    /** Font size, per page or for the whole document. */
    FONT_SIZE,

    /** Blank lines added to a page or section to fill it. */
    BLANK_LINES,

    /** Row height of tables. */
    ROW_HEIGHT;

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
     public static Adjustment fromJson(String text) {
        return Defaults.fromJson(Adjustment.class, text);
    }
}
