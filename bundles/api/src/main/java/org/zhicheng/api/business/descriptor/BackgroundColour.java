package org.zhicheng.api.business.descriptor;

/**
 * A permitted background colour of an ID photo (GD-PHOTO-2: red or blue).
 */
public enum BackgroundColour {

    /** Red background. */
    RED,

    /** Blue background. */
    BLUE,

    /** White background. */
    WHITE;

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
     public static BackgroundColour fromJson(String text) {
        return Defaults.fromJson(BackgroundColour.class, text);
    }
}
