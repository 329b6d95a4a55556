package org.zhicheng.identity.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhicheng.api.audit.AuditEntry;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditEvent.Actor;
import org.zhicheng.api.audit.AuditException;
import org.zhicheng.api.audit.AuditQuery;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.audit.ChainVerification;
import org.zhicheng.api.persistence.DatabaseSchema;

/**
 * The audit log in the {@code audit_event} table. Appends lock the one-row {@code audit_head}, so entries get
 * consecutive numbers and each links to its predecessor even when several nodes write at once. On PostgreSQL a
 * trigger makes the table append-only (migration V2_1).
 */
@Component(service = AuditTrail.class)
public final class DatabaseAuditTrail implements AuditTrail {

    private static final String COLUMNS = "seq, occurred_at, action, actor_account, actor_org, actor_role, actor_ip,"
            + " object_type, object_id, before_json, after_json, detail, prev_hash, hash";

    private final DataSource dataSource;
    private final Clock clock;

    @Activate
    public DatabaseAuditTrail(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema) {
        this(dataSource, Clock.systemUTC());
    }

    /** For tests and tools: the log with its own clock. */
    public DatabaseAuditTrail(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public AuditEntry record(AuditEvent event) {
        // Both databases keep microseconds; the hash covers exactly what is stored.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long lastSeq;
                String lastHash;
                try (PreparedStatement head = c.prepareStatement(
                        "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
                        ResultSet rs = head.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("audit_head has no row: the schema is not migrated");
                    }
                    lastSeq = rs.getLong(1);
                    lastHash = rs.getString(2);
                }
                long seq = lastSeq + 1;
                String hash = AuditHash.of(lastHash, seq, at, event);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_event (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, seq);
                    insert.setObject(2, utc(at));
                    insert.setString(3, event.action());
                    insert.setString(4, event.actor().accountId());
                    insert.setString(5, event.actor().organisationId());
                    insert.setString(6, event.actor().role());
                    insert.setString(7, event.actor().ip());
                    insert.setString(8, event.objectType());
                    insert.setString(9, event.objectId());
                    insert.setString(10, event.before());
                    insert.setString(11, event.after());
                    insert.setString(12, event.detail());
                    insert.setString(13, lastHash);
                    insert.setString(14, hash);
                    insert.executeUpdate();
                }
                try (PreparedStatement advance = c.prepareStatement(
                        "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                    advance.setLong(1, seq);
                    advance.setString(2, hash);
                    advance.executeUpdate();
                }
                c.commit();
                return new AuditEntry(seq, at, event, lastHash, hash);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new AuditException("cannot record audit event " + event.action(), e);
        }
    }

    @Override
    public List<AuditEntry> find(AuditQuery q, String scopePath) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_event WHERE seq > ?");
        List<Object> params = new ArrayList<>();
        params.add(q.afterSeq());
        condition(sql, params, "actor_account = ?", q.actorAccountId());
        condition(sql, params, "actor_org = ?", q.organisationId());
        // AuditQuery admits only [a-z0-9.-] in the prefix, so it holds no LIKE wildcard.
        condition(sql, params, "action LIKE ?", q.actionPrefix() == null ? null : q.actionPrefix() + "%");
        condition(sql, params, "object_type = ?", q.objectType());
        condition(sql, params, "object_id = ?", q.objectId());
        condition(sql, params, "occurred_at >= ?", utc(q.from()));
        condition(sql, params, "occurred_at < ?", utc(q.to()));
        if (scopePath != null) {
            if (!scopePath.matches("(/[0-9a-f-]{1,36})+/")) {
                throw new IllegalArgumentException("not an organisation path: " + scopePath);
            }
            // Paths hold only ids and slashes, so no LIKE wildcard.
            condition(sql, params, "actor_org IN (SELECT id FROM organisation WHERE path LIKE ?)", scopePath + "%");
        }
        sql.append(" ORDER BY seq LIMIT ?");
        params.add(q.limit());
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                select.setObject(i + 1, params.get(i));
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new AuditException("cannot read the audit log", e);
        }
    }

    @Override
    public ChainVerification verify() {
        try (Connection c = dataSource.getConnection()) {
            // One transaction for a consistent view (and PostgreSQL's cursor fetch); never setReadOnly here:
            // the pool hands the connection on with that flag still set.
            c.setAutoCommit(false);
            long checked = 0;
            String previous = AuditHash.GENESIS;
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_event ORDER BY seq")) {
                select.setFetchSize(1000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        AuditEntry entry = entry(rs);
                        long expected = checked + 1;
                        if (entry.seq() != expected) {
                            return ChainVerification.broken(checked, expected, "entry " + expected
                                    + " is missing (next stored entry is " + entry.seq() + ")");
                        }
                        if (!entry.previousHash().equals(previous)) {
                            return ChainVerification.broken(checked, entry.seq(), "entry " + entry.seq()
                                    + " does not link to entry " + (entry.seq() - 1));
                        }
                        String recomputed = AuditHash.of(previous, entry.seq(), entry.at(), entry.event());
                        if (!recomputed.equals(entry.hash())) {
                            return ChainVerification.broken(checked, entry.seq(), "entry " + entry.seq()
                                    + " was changed after it was recorded");
                        }
                        previous = entry.hash();
                        checked++;
                    }
                }
            }
            long headSeq = -1;
            String headHash = null;
            try (PreparedStatement head = c.prepareStatement("SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
                    ResultSet rs = head.executeQuery()) {
                if (rs.next()) {
                    headSeq = rs.getLong(1);
                    headHash = rs.getString(2);
                }
            }
            if (headSeq != checked || !previous.equals(headHash)) {
                return ChainVerification.broken(checked, checked + 1, "the log ends at entry " + checked
                        + " but its head records entry " + headSeq + ": entries were removed or the head altered");
            }
            c.rollback();
            return ChainVerification.ok(checked);
        } catch (SQLException e) {
            throw new AuditException("cannot read the audit log", e);
        }
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            params.add(value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        Actor actor = new Actor(rs.getString("actor_account"), rs.getString("actor_org"), rs.getString("actor_role"),
                rs.getString("actor_ip"));
        AuditEvent event = new AuditEvent(rs.getString("action"), actor, rs.getString("object_type"),
                rs.getString("object_id"), rs.getString("before_json"), rs.getString("after_json"),
                rs.getString("detail"));
        Instant at = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
        return new AuditEntry(rs.getLong("seq"), at, event, rs.getString("prev_hash"), rs.getString("hash"));
    }
}
