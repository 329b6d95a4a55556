package org.zhicheng.api.notification;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.zhicheng.api.identity.Caller;

/**
 * Each account's in-app messages (FJ-5: reviewers see a pop-up reminder; the web application shows the unread
 * ones). Messages arrive through {@link Outbox#enqueue(java.sql.Connection, Outbox.InApp)}. Every method works on
 * the caller's own messages only: another account's message is reported as not found.
 *
 * @since 1.1
 */
@ProviderType
public interface Inbox {

    /** The largest page. */
    int MAX_LIMIT = 100;

    /**
     * One message.
     *
     * @param id the message id
     * @param subject the one-line title
     * @param body plain text
     * @param purpose what it is for, e.g. {@code workflow.review-reminder}
     * @param createdAt when it arrived
     * @param readAt when the account marked it read, or {@code null} while unread
     */
    record Entry(String id, String subject, String body, String purpose, Instant createdAt, Instant readAt) {
    }

    /**
     * A page of the caller's messages.
     *
     * @param total how many messages the caller has
     * @param unread how many of them are unread
     * @param entries this page's, newest first
     */
    record Page(int total, int unread, List<Entry> entries) {
        public Page {
            entries = List.copyOf(entries);
        }
    }

    /**
     * The caller's messages, newest first.
     *
     * @param offset how many to skip, at least 0
     * @param limit how many at most, 1 to {@link #MAX_LIMIT}
     * @throws NotificationException 400 for an invalid page
     */
    Page mine(Caller caller, int offset, int limit);

    /**
     * Marks one of the caller's messages read; marking a read message again changes nothing.
     *
     * @throws NotificationException 404 when the caller has no message with this id (another account's included)
     */
    void markRead(Caller caller, String messageId);
}
