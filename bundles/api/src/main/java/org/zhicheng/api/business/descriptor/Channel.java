package org.zhicheng.api.business.descriptor;

/**
 * A notification channel; the deployment configures the gateways (FJ-5 SMS, GD-PHOTO-7 e-mail).
 */
public enum Channel {

    /** Short message to the registered mobile number. */
    SMS,

    /** E-mail to the registered address. */
    EMAIL,

    /** A message shown in the web application (pop-up or inbox). */
    IN_APP;

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
     public static Channel fromJson(String text) {
        return Defaults.fromJson(Channel.class, text);
    }
}
