package org.zhicheng.api.business.descriptor;

/**
 * Where the electronic seal is placed on a certificate (GD-CERT-1: bottom right).
 */
public enum SealPosition {

    /** Bottom right. */
    BOTTOM_RIGHT,

    /** Bottom left. */
    BOTTOM_LEFT,

    /** Bottom centre. */
    BOTTOM_CENTRE;

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
     public static SealPosition fromJson(String text) {
        return Defaults.fromJson(SealPosition.class, text);
    }
}
