package org.zhicheng.notification.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.zhicheng.api.business.descriptor.Channel;
import org.zhicheng.api.notification.Outbox;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Queues e-mails and SMS in {@code notification_outbox} and writes in-app messages into {@code notification_inbox},
 * always on the caller's connection (FJ-5, GD-PHOTO-7). An SMS row holds the account, never the number.
 */
@Component(service = Outbox.class)
public final class DatabaseOutbox implements Outbox {

    /** What an SMS row's recipient says until its number is looked up at send time. */
    static final String ACCOUNT_PREFIX = "account:";

    private final Clock clock;

    @Activate
    public DatabaseOutbox() {
        this(Clock.systemUTC());
    }

    public DatabaseOutbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String enqueue(Connection connection, Email email) throws SQLException {
        try {
            new InternetAddress(email.recipient(), true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("not an e-mail address: " + e.getMessage(), e);
        }
        if (email.subject().length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("subject or purpose too long");
        }
        requirePurpose(email.purpose());
        return queue(connection, Channel.EMAIL, email.recipient(), null, email.subject(), email.body(),
                email.purpose());
    }

    @Override
    public String enqueue(Connection connection, Sms sms) throws SQLException {
        requireAccount(sms.accountId());
        if (sms.text().isBlank() || sms.text().length() > MAX_SMS_TEXT) {
            throw new IllegalArgumentException("an SMS text has 1 to " + MAX_SMS_TEXT + " characters");
        }
        requirePurpose(sms.purpose());
        return queue(connection, Channel.SMS, ACCOUNT_PREFIX + sms.accountId(), sms.accountId(), "", sms.text(),
                sms.purpose());
    }

    @Override
    public String enqueue(Connection connection, InApp message) throws SQLException {
        requireAccount(message.accountId());
        if (message.subject().isBlank() || message.subject().length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("a subject has 1 to " + MAX_SUBJECT + " characters");
        }
        requirePurpose(message.purpose());
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notification_inbox (id, account_id,"
                + " subject, body, purpose, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, message.accountId());
            insert.setString(3, message.subject());
            insert.setString(4, message.body());
            insert.setString(5, message.purpose());
            insert.setObject(6, OffsetDateTime.now(clock));
            insert.executeUpdate();
        }
        return id;
    }

    private String queue(Connection connection, Channel channel, String recipient, String accountId, String subject,
            String body, String purpose) throws SQLException {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notification_outbox (id, channel,"
                + " recipient, recipient_account_id, subject, body, purpose, status, attempts, created_at,"
                + " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, channel.json());
            insert.setString(3, recipient);
            insert.setString(4, accountId);
            insert.setString(5, subject);
            insert.setString(6, body);
            insert.setString(7, purpose);
            insert.setObject(8, now);
            insert.setObject(9, now);
            insert.executeUpdate();
        }
        return id;
    }

    private static void requirePurpose(String purpose) {
        if (purpose.isBlank() || purpose.length() > MAX_PURPOSE) {
            throw new IllegalArgumentException("subject or purpose too long");
        }
    }

    private static void requireAccount(String accountId) {
        if (accountId.isBlank() || accountId.length() > 36) {
            throw new IllegalArgumentException("not an account id");
        }
    }
}
