package org.zhicheng.notification.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.notification.Inbox;
import org.zhicheng.api.notification.NotificationException;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.api.persistence.Transactions;

/**
 * The in-app inbox in {@code notification_inbox} (FJ-5 pop-up reminder). Every query names the caller's account,
 * so another account's message is simply not found.
 */
@Component(service = Inbox.class)
public final class DatabaseInbox implements Inbox {

    private final DataSource dataSource;
    private final Clock clock;

    @Activate
    public DatabaseInbox(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema) {
        this(dataSource, Clock.systemUTC());
    }

    public DatabaseInbox(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public Page mine(Caller caller, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new NotificationException(400, "invalid-page", "分页参数无效：offset ≥ 0，limit 为 1 至 " + MAX_LIMIT + "。",
                    "Invalid page: offset >= 0 and limit 1 to " + MAX_LIMIT + ".");
        }
        try (Connection c = dataSource.getConnection()) {
            int total;
            int unread;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*), COUNT(*) - COUNT(read_at)"
                    + " FROM notification_inbox WHERE account_id = ?")) {
                s.setString(1, caller.accountId());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                    unread = rs.getInt(2);
                }
            }
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, subject, body, purpose, created_at, read_at"
                    + " FROM notification_inbox WHERE account_id = ? ORDER BY created_at DESC, id DESC"
                    + " LIMIT " + limit + " OFFSET " + offset)) {
                s.setString(1, caller.accountId());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                instant(rs.getObject(5, OffsetDateTime.class)),
                                instant(rs.getObject(6, OffsetDateTime.class))));
                    }
                }
            }
            return new Page(total, unread, entries);
        } catch (SQLException e) {
            throw new IllegalStateException("inbox unavailable", e);
        }
    }

    @Override
    public void markRead(Caller caller, String messageId) {
        int updated = Transactions.inTransaction(dataSource, "marking a message read", c -> {
            // The first reading counts; marking again keeps it.
            try (PreparedStatement s = c.prepareStatement("UPDATE notification_inbox SET read_at ="
                    + " COALESCE(read_at, ?) WHERE id = ? AND account_id = ?")) {
                s.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                s.setString(2, messageId);
                s.setString(3, caller.accountId());
                return s.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new NotificationException(404, "message-not-found", "没有这条消息。", "No such message.");
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
