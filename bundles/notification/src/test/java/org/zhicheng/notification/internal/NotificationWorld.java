package org.zhicheng.notification.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.zhicheng.api.audit.AuditEntry;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditQuery;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.audit.ChainVerification;
import org.zhicheng.api.business.descriptor.Channel;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.ContactDirectory;
import org.zhicheng.api.notification.Message;
import org.zhicheng.api.notification.SendException;
import org.zhicheng.api.notification.Sender;

/**
 * Small real collaborators for the notification tests: accounts written straight into the migrated schema (the
 * identity bundle depends on this one, so its services cannot be used here), a sender that records what it is
 * given, a directory of numbers held in a map, and an audit trail that keeps events in a list.
 */
final class NotificationWorld {

    private NotificationWorld() {
    }

    /** An organisation at the root of the tree; returns its id. */
    static String organisation(DataSource ds, String name) throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO organisation"
                + " (id, parent_id, path, type, level, name, status, created_at, row_version)"
                + " VALUES (?, NULL, ?, 'root', 0, ?, 'active', ?, 0)")) {
            s.setString(1, id);
            s.setString(2, "/" + id + "/");
            s.setString(3, name);
            s.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            s.executeUpdate();
        }
        return id;
    }

    /** An active account in an organisation, as a signed-in caller with the given permissions. */
    static Caller account(DataSource ds, String organisationId, String username, String... permissions)
            throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO account (id,"
                + " username, username_key, display_name, organisation_id, status, failed_logins,"
                + " must_change_password, created_at, row_version) VALUES (?, ?, ?, ?, ?, 'active', 0, FALSE, ?, 0)")) {
            s.setString(1, id);
            s.setString(2, username);
            s.setString(3, username);
            s.setString(4, username);
            s.setString(5, organisationId);
            s.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
            s.executeUpdate();
        }
        return new Caller(id, username, username, organisationId, "/" + organisationId + "/", Set.of("test-role"),
                Set.of(permissions), false, false, false);
    }

    /** Runs {@code work} in one committed transaction. */
    static <T> T inTransaction(DataSource ds, org.zhicheng.api.persistence.Transactions.Work<T> work) {
        return org.zhicheng.api.persistence.Transactions.inTransaction(ds, "test", work);
    }

    /** Every value of every column of every outbox row, as text: to prove what is not stored. */
    static String everythingStored(DataSource ds, String table) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("SELECT * FROM " + table);
                ResultSet rs = s.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    all.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append('\n');
                }
            }
        }
        return all.toString();
    }

    /** One column of the rows a query returns, as text. */
    static List<String> column(DataSource ds, String sql, String... params) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        }
    }

    /** A sender that keeps what it was given and fails as told. */
    static final class RecordingSender implements Sender {

        final Channel channel;
        final List<Message> sent = new CopyOnWriteArrayList<>();
        volatile SendException failure;
        volatile RuntimeException crash;

        RecordingSender(Channel channel) {
            this.channel = channel;
        }

        @Override
        public Channel channel() {
            return channel;
        }

        @Override
        public void send(Message message) throws SendException {
            if (failure != null) {
                throw failure;
            }
            if (crash != null) {
                throw crash;
            }
            sent.add(message);
        }
    }

    /** Mobile numbers by account, as the identity bundle would decrypt them. */
    static final class Directory implements ContactDirectory {

        final Map<String, String> numbers = new ConcurrentHashMap<>();
        volatile RuntimeException failure;

        @Override
        public Optional<String> mobile(String accountId) {
            if (failure != null) {
                throw failure;
            }
            return Optional.ofNullable(numbers.get(accountId));
        }

        @Override
        public Optional<String> idNumber(String accountId) {
            return Optional.empty();
        }
    }

    /** An audit trail that keeps events in memory (the real one lives in the identity bundle). */
    static final class RecordedAudit implements AuditTrail {

        final List<AuditEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public AuditEntry record(AuditEvent event) {
            events.add(event);
            return new AuditEntry(events.size(), Clock.systemUTC().instant(), event, "0".repeat(64), "0".repeat(64));
        }

        @Override
        public List<AuditEntry> find(AuditQuery query, String scopePath) {
            return List.of();
        }

        @Override
        public ChainVerification verify() {
            throw new UnsupportedOperationException();
        }
    }
}
