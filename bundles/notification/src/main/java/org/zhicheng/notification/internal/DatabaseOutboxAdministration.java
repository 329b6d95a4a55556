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
import java.util.Locale;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.notification.NotificationException;
import org.zhicheng.api.notification.OutboxAdministration;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.api.persistence.Transactions;

/**
 * The operators' view of {@code notification_outbox}: counts, a page of one status with masked recipients and
 * never a body, and the retry of a failed message, audited (FJ-7: every administrative action is logged).
 */
@Component(service = OutboxAdministration.class)
public final class DatabaseOutboxAdministration implements OutboxAdministration {

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final Clock clock;

    @Activate
    public DatabaseOutboxAdministration(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference AuditTrail audit) {
        this(dataSource, audit, Clock.systemUTC());
    }

    public DatabaseOutboxAdministration(DataSource dataSource, AuditTrail audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Page list(Caller caller, Status status, int offset, int limit) {
        requirePermission(caller);
        if (status == null || offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new NotificationException(400, "invalid-page", "查询参数无效：状态为 failed、waiting 或 sent，offset ≥ 0，"
                    + "limit 为 1 至 " + MAX_LIMIT + "。", "Invalid query: status is failed, waiting or sent, offset >= 0"
                            + " and limit 1 to " + MAX_LIMIT + ".");
        }
        String order = switch (status) {
            case FAILED -> "next_attempt_at DESC";
            case WAITING -> "next_attempt_at";
            case SENT -> "sent_at DESC";
        };
        int[] counts = new int[3];
        List<Entry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT status, COUNT(*) FROM notification_outbox"
                    + " GROUP BY status"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Status st = status(rs.getString(1));
                    if (st != null) {
                        counts[st.ordinal()] += rs.getInt(2);
                    }
                }
            }
            // Never the body: it may hold a one-time link, and operators need only where and why.
            try (PreparedStatement s = c.prepareStatement("SELECT id, channel, recipient, purpose, attempts,"
                    + " last_error, created_at, next_attempt_at, sent_at FROM notification_outbox WHERE status = ?"
                    + " ORDER BY " + order + ", id LIMIT " + limit + " OFFSET " + offset)) {
                s.setString(1, column(status));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Instant next = instant(rs.getObject(8, OffsetDateTime.class));
                        entries.add(new Entry(rs.getString(1), rs.getString(2), Masks.recipient(rs.getString(2),
                                rs.getString(3)), rs.getString(4), status, rs.getInt(5), rs.getString(6),
                                instant(rs.getObject(7, OffsetDateTime.class)), status == Status.WAITING ? next : null,
                                status == Status.FAILED ? next : null, instant(rs.getObject(9, OffsetDateTime.class))));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox unavailable", e);
        }
        return new Page(counts[Status.WAITING.ordinal()], counts[Status.FAILED.ordinal()],
                counts[Status.SENT.ordinal()], entries);
    }

    @Override
    public void retry(Caller caller, String messageId, String clientIp) {
        requirePermission(caller);
        int attemptsBefore = Transactions.inTransaction(dataSource, "retrying a message", c -> {
            int attempts;
            try (PreparedStatement s = c.prepareStatement("SELECT status, attempts FROM notification_outbox"
                    + " WHERE id = ? FOR UPDATE")) {
                s.setString(1, messageId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotificationException(404, "message-not-found", "没有这条消息。", "No such message.");
                    }
                    if (!"failed".equals(rs.getString(1))) {
                        throw new NotificationException(409, "message-not-failed", "只有发送失败的消息可以重发。",
                                "Only a failed message can be retried.");
                    }
                    attempts = rs.getInt(2);
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE notification_outbox SET status = 'queued',"
                    + " attempts = 0, next_attempt_at = ? WHERE id = ? AND status = 'failed'")) {
                s.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                s.setString(2, messageId);
                s.executeUpdate();
            }
            return attempts;
        });
        audit.record(new AuditEvent("notification.retry", caller.actor(clientIp), "notification", messageId,
                "{\"status\":\"failed\",\"attempts\":" + attemptsBefore + "}", "{\"status\":\"queued\",\"attempts\":0}",
                null));
    }

    private static void requirePermission(Caller caller) {
        if (caller == null || !caller.has(PERMISSION)) {
            throw new NotificationException(403, "permission-denied", "您没有查看或重发通知的权限。",
                    "You do not have permission to see or retry notifications.");
        }
    }

    private static Status status(String column) {
        return switch (column) {
            case "queued" -> Status.WAITING;
            case "failed" -> Status.FAILED;
            case "sent" -> Status.SENT;
            default -> null;
        };
    }

    private static String column(Status status) {
        return status == Status.WAITING ? "queued" : status.name().toLowerCase(Locale.ROOT);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
