package org.zhicheng.api.notification;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.zhicheng.api.identity.Caller;

/**
 * What operators see of the outbox and do with it: how many messages wait, failed or were sent, a page of them
 * with where and why, never their bodies (which may hold one-time links) and never a full recipient; and a retry of
 * a failed message. Every method needs the permission {@value #PERMISSION} (deployment-wide: grant it only to the
 * root's administrators; the platform grants it to {@code platform-admin}). A retry is written to the audit log.
 *
 * @since 1.1
 */
@ProviderType
public interface OutboxAdministration {

    /** The permission every method needs. */
    String PERMISSION = "notification.admin";

    /** The largest page. */
    int MAX_LIMIT = 200;

    /** Where a message stands. */
    enum Status {
        /** Queued: due, waiting for its next attempt, or waiting for a sender of its channel. */
        WAITING,
        /** Given up: a permanent failure, or every attempt used. */
        FAILED,
        /** Delivered (its body is no longer kept). */
        SENT
    }

    /**
     * One message as operators see it.
     *
     * @param id the message id
     * @param channel {@code email} or {@code sms}
     * @param recipient masked: {@code l***@example.cn}, {@code 138****5678}, or {@code account:<id>} for an SMS
     *        whose number was never looked up
     * @param purpose what it is for
     * @param status where it stands
     * @param attempts delivery attempts so far
     * @param lastError why the last attempt failed, or {@code null}
     * @param createdAt when it was queued
     * @param nextAttemptAt for a waiting message, when it is due; otherwise {@code null}
     * @param failedAt for a failed message, when it was given up; otherwise {@code null}
     * @param sentAt for a sent message, when; otherwise {@code null}
     */
    record Entry(String id, String channel, String recipient, String purpose, Status status, int attempts,
            String lastError, Instant createdAt, Instant nextAttemptAt, Instant failedAt, Instant sentAt) {
    }

    /**
     * The counts of every status and one page of messages of one status: failed ones most recently given up first,
     * waiting ones soonest due first, sent ones most recent first.
     */
    record Page(int waiting, int failed, int sent, List<Entry> entries) {
        public Page {
            entries = List.copyOf(entries);
        }
    }

    /**
     * The counts and a page of messages of one status.
     *
     * @param offset how many to skip, at least 0
     * @param limit how many at most, 1 to {@link #MAX_LIMIT}
     * @throws NotificationException 403 without {@value #PERMISSION}, 400 for an invalid page
     */
    Page list(Caller caller, Status status, int offset, int limit);

    /**
     * Queues a failed message again: its attempts start from zero and it is due now. Audited as
     * {@code notification.retry}.
     *
     * @throws NotificationException 403 without {@value #PERMISSION}, 404 for an unknown message, 409 when the
     *         message has not failed (it waits or was sent)
     */
    void retry(Caller caller, String messageId, String clientIp);
}
