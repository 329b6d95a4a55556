package org.zhicheng.api.notification;

import java.sql.Connection;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The transactional outbox: a message is queued on the caller's own JDBC connection, inside the caller's
 * transaction, so that it is sent if and only if the change that caused it commits. Delivery happens later, on
 * any node, with retries.
 */
@ProviderType
public interface Outbox {

    /**
     * An e-mail to queue.
     *
     * @param recipient one address
     * @param subject the subject line
     * @param body plain text; it may hold one-time links, so the outbox forgets it once delivered
     * @param purpose what the message is for, e.g. {@code password-recovery} (for operators' statistics)
     */
    record Email(String recipient, String subject, String body, String purpose) {
        public Email {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(purpose, "purpose");
        }
    }

    /**
     * Queues an e-mail in the transaction of {@code connection} (a connection of the platform's data source).
     *
     * @return the message id
     * @throws java.sql.SQLException when the insert fails; the caller's transaction should roll back
     */
    String enqueue(Connection connection, Email email) throws java.sql.SQLException;
}
