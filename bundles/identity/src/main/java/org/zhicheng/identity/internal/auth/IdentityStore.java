package org.zhicheng.identity.internal.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.zhicheng.api.persistence.Transactions;

/**
 * Writes organisations and accounts. The tree path of an organisation is derived here and nowhere else, so
 * scoped queries ({@code path LIKE scope%}) can trust it.
 */
public final class IdentityStore {

    private final DataSource dataSource;
    private final Clock clock;

    public IdentityStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** An organisation as stored. */
    public record Organisation(String id, String parentId, String path, String type, int level, String name,
            String status) {
    }

    /** Whether any account exists (false only on a brand-new deployment). */
    public boolean hasAccounts() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM account FETCH FIRST 1 ROWS ONLY"); ResultSet rs = s.executeQuery()) {
            return rs.next();
        }
    }

    /** The deployment's root organisation, if there is one. */
    public Optional<String> rootId() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id FROM organisation WHERE parent_id IS NULL ORDER BY created_at FETCH FIRST 1 ROWS ONLY");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    /** Creates an organisation under {@code parentId} (null for the deployment's root). */
    public Organisation createOrganisation(String parentId, String type, String name, String status)
            throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            String path = "/" + id + "/";
            int level = 0;
            if (parentId != null) {
                Organisation parent = organisation(c, parentId)
                        .orElseThrow(() -> new SQLException("no parent organisation " + parentId));
                path = parent.path() + id + "/";
                level = parent.level() + 1;
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO organisation (id, parent_id, path, type,"
                    + " level, name, status, created_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                insert.setString(1, id);
                insert.setString(2, parentId);
                insert.setString(3, path);
                insert.setString(4, type);
                insert.setInt(5, level);
                insert.setString(6, name);
                insert.setString(7, status);
                insert.setObject(8, OffsetDateTime.now(clock));
                insert.executeUpdate();
            }
            return new Organisation(id, parentId, path, type, level, name, status);
        }
    }

    /** Creates an active account with a password hash and roles; returns its id. */
    public String createAccount(String username, String displayName, String organisationId, String passwordHash,
            boolean mustChangePassword, Collection<String> roles) {
        return Transactions.inTransaction(dataSource, "account creation", c -> insertAccount(c, username,
                displayName, organisationId, passwordHash, mustChangePassword, roles));
    }

    /** Inserts an active account and its roles within the caller's transaction; returns its id. */
    public String insertAccount(Connection c, String username, String displayName, String organisationId,
            String passwordHash, boolean mustChangePassword, Collection<String> roles) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO account (id, username, username_key,"
                + " display_name, organisation_id, password_hash, status, failed_logins,"
                + " must_change_password, created_at, row_version)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'active', 0, ?, ?, 0)")) {
            insert.setString(1, id);
            insert.setString(2, username.strip());
            insert.setString(3, UsernameKey.of(username));
            insert.setString(4, displayName);
            insert.setString(5, organisationId);
            insert.setString(6, passwordHash);
            insert.setBoolean(7, mustChangePassword);
            insert.setObject(8, OffsetDateTime.now(clock));
            insert.executeUpdate();
        }
        try (PreparedStatement role = c.prepareStatement("INSERT INTO account_role (account_id, role) VALUES (?, ?)")) {
            for (String r : roles) {
                role.setString(1, id);
                role.setString(2, r);
                role.addBatch();
            }
            role.executeBatch();
        }
        return id;
    }

    /** Sets an account's status: {@code active}, {@code frozen} or {@code deleted} (CQ-ORG-4). */
    public void setStatus(String accountId, String status) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE account SET status = ?, row_version = row_version + 1 WHERE id = ?")) {
            update.setString(1, status);
            update.setString(2, accountId);
            update.executeUpdate();
        }
    }

    /** Clears an account's lock and failure count (FJ-7: an administrator unlocks). */
    public void unlock(String accountId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE account SET failed_logins = 0, locked_at = NULL, row_version = row_version + 1 WHERE id = ?")) {
            update.setString(1, accountId);
            update.executeUpdate();
        }
    }

    private static Optional<Organisation> organisation(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, parent_id, path, type, level, name, status FROM organisation WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Organisation(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7))) : Optional.empty();
            }
        }
    }
}
