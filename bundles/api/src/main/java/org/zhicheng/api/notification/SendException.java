package org.zhicheng.api.notification;

/**
 * A {@link Sender} could not deliver a message. Whether trying again can help decides what the outbox does:
 * a permanent failure marks the message failed at once (operators see it and may retry it by hand); any other
 * failure is retried with growing pauses until the configured number of attempts is used up. Other exceptions a
 * sender throws count as temporary.
 */
public class SendException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    /**
     * @param message what went wrong, for operators (stored as the message's last error; never the body)
     * @param permanent whether trying again cannot help
     * @param cause the underlying failure, or {@code null}
     */
    public SendException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** A failure that trying again cannot mend, e.g. a number the gateway rejects as non-existent. */
    public static SendException permanent(String message) {
        return new SendException(message, true, null);
    }

    /** A failure that may pass, e.g. the gateway cannot be reached. */
    public static SendException temporary(String message, Throwable cause) {
        return new SendException(message, false, cause);
    }

    /** Whether trying again cannot help. */
    public boolean permanent() {
        return permanent;
    }
}
