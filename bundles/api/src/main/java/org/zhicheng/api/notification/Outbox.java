package org.zhicheng.api.notification;

import java.sql.Connection;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The transactional outbox: a message is queued on the caller's own JDBC connection, inside the caller's
 * transaction, so that it is sent if and only if the change that caused it commits. Delivery happens later, on
 * any node, with retries, through the {@link Sender} that serves the message's channel; a message whose channel
 * has no sender waits and is never dropped.
 *
 * <p>Three channels (FJ-5: the candidate is notified of a return by SMS, reviewers see a pop-up reminder;
 * GD-PHOTO-7: recovery by e-mail): {@link Email} to an address, {@link Sms} to the mobile number an account has on
 * file (looked up only at send time, so the outbox never holds a plain number), and {@link InApp}, which is not
 * dispatched at all but written straight into the account's {@link Inbox}.
 */
@ProviderType
public interface Outbox {

    /** The longest subject, in characters. */
    int MAX_SUBJECT = 300;

    /** The longest purpose, in characters. */
    int MAX_PURPOSE = 64;

    /** The longest SMS text, in characters (gateways split long texts into several messages). */
    int MAX_SMS_TEXT = 500;

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
     * A short message to the mobile number of an account (FJ-5). The number is not part of the message: it is
     * resolved through {@link org.zhicheng.api.identity.ContactDirectory} when the message is sent, and only its
     * masked form is kept afterwards. An account without a number makes the message fail permanently.
     *
     * @param accountId the recipient's account
     * @param text the text, at most {@link #MAX_SMS_TEXT} characters; forgotten once delivered
     * @param purpose what the message is for, e.g. {@code workflow.returned}
     */
    record Sms(String accountId, String text, String purpose) {
        public Sms {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(purpose, "purpose");
        }
    }

    /**
     * A message shown to an account in the web application (FJ-5 pop-up reminder).
     *
     * @param accountId the recipient's account
     * @param subject the one-line title
     * @param body plain text
     * @param purpose what the message is for, e.g. {@code workflow.review-reminder}
     */
    record InApp(String accountId, String subject, String body, String purpose) {
        public InApp {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(purpose, "purpose");
        }
    }

    /**
     * Queues an e-mail in the transaction of {@code connection} (a connection of the platform's data source).
     *
     * @return the message id
     * @throws IllegalArgumentException when the address is not one, or the subject or purpose is too long
     * @throws java.sql.SQLException when the insert fails; the caller's transaction should roll back
     */
    String enqueue(Connection connection, Email email) throws java.sql.SQLException;

    /**
     * Queues an SMS to an account in the transaction of {@code connection} (FJ-5). Only the account id is stored.
     *
     * @return the message id
     * @throws IllegalArgumentException when the text is empty or too long, or the purpose too long
     * @throws java.sql.SQLException when the insert fails; the caller's transaction should roll back
     * @since 1.1
     */
    String enqueue(Connection connection, Sms sms) throws java.sql.SQLException;

    /**
     * Writes an in-app message into the account's inbox in the transaction of {@code connection} (FJ-5): it is
     * there, unread, as soon as the transaction commits; nothing is dispatched.
     *
     * @return the message id
     * @throws IllegalArgumentException when the subject or purpose is empty or too long
     * @throws java.sql.SQLException when the insert fails (e.g. an unknown account); the caller's transaction should
     *         roll back
     * @since 1.1
     */
    String enqueue(Connection connection, InApp message) throws java.sql.SQLException;
}
