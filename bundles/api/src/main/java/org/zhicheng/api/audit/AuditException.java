package org.zhicheng.api.audit;

/** The audit log could not store an event; the action it describes must not be reported as done. */
public class AuditException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuditException(String message, Throwable cause) {
        super(message, cause);
    }
}
