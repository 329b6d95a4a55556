package org.zhicheng.notification.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.zhicheng.api.notification.Outbox;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Queues messages in {@code notification_outbox} on the caller's connection. */
@Component(service = Outbox.class)
public final class DatabaseOutbox implements Outbox {

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
        if (email.subject().length() > 300 || email.purpose().length() > 64) {
            throw new IllegalArgumentException("subject or purpose too long");
        }
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notification_outbox (id, channel,"
                + " recipient, subject, body, purpose, status, attempts, created_at, next_attempt_at)"
                + " VALUES (?, 'email', ?, ?, ?, ?, 'queued', 0, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, email.recipient());
            insert.setString(3, email.subject());
            insert.setString(4, email.body());
            insert.setString(5, email.purpose());
            insert.setObject(6, now);
            insert.setObject(7, now);
            insert.executeUpdate();
        }
        return id;
    }
}
