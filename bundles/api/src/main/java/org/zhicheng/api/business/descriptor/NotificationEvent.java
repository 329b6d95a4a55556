package org.zhicheng.api.business.descriptor;

/**
 * A workflow event that can trigger a notification (FJ-5).
 */
public enum NotificationEvent {

    /** The applicant submitted. */
    SUBMITTED,

    /** A step approved. */
    APPROVED,

    /** A step returned the application. */
    RETURNED,

    /** A step rejected the application. */
    REJECTED,

    /** A step revoked its own action. */
    REVOKED,

    /** The application passed the whole chain (and its gates). */
    COMPLETED;

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
     public static NotificationEvent fromJson(String text) {
        return Defaults.fromJson(NotificationEvent.class, text);
    }
}
