package org.zhicheng.api.audit;

import java.util.Objects;

/**
 * One thing that happened, as recorded by the audit log.
 *
 * @param action what happened, dotted lower case, e.g. {@code login.success}, {@code account.lock},
 *        {@code review.approve}
 * @param actor who did it (an anonymous actor for failed logins of unknown users)
 * @param objectType the kind of object acted on, e.g. {@code account}, {@code organisation}, or {@code null}
 * @param objectId the id of the object acted on, or {@code null}
 * @param before the object's relevant state before, as JSON, or {@code null}
 * @param after the object's relevant state after, as JSON, or {@code null}
 * @param detail free text for what the fields do not say (e.g. a return comment), or {@code null}
 */
public record AuditEvent(String action, Actor actor, String objectType, String objectId, String before,
        String after, String detail) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        if (!action.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*") || action.length() > 64) {
            throw new IllegalArgumentException("action must be dotted lower case, at most 64 characters: " + action);
        }
        Objects.requireNonNull(actor, "actor");
    }

    /**
     * Who acted.
     *
     * @param accountId the account id, or {@code null} when unknown (e.g. a failed login of an unknown user)
     * @param organisationId the account's organisation at the time, or {@code null}
     * @param role the role the account acted in, or {@code null}
     * @param ip the client address as the server saw it, or {@code null}
     */
    public record Actor(String accountId, String organisationId, String role, String ip) {

        /** The platform itself (start-up, scheduled jobs). */
        public static final Actor SYSTEM = new Actor("system", null, "system", null);

        /** An actor known only by address. */
        public static Actor anonymous(String ip) {
            return new Actor(null, null, null, ip);
        }
    }
}
