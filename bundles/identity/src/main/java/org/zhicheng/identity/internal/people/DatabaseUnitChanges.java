package org.zhicheng.identity.internal.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.IdentityException;
import org.zhicheng.api.identity.UnitChanges;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.api.persistence.Transactions;
import org.zhicheng.identity.internal.audit.AuditJson;

/**
 * Change of unit on the {@code unit_change} table (GD-TITLE-7). The applicant's account row is locked while a
 * request is made or decided, and open applications are checked in the same transaction, so a change and a new
 * application cannot cross.
 */
@Component(service = UnitChanges.class)
public final class DatabaseUnitChanges implements UnitChanges {

    /** Applications in these statuses are finished; any other is open. */
    private static final String OPEN_APPLICATION = "SELECT business_id FROM application WHERE applicant_account_id = ?"
            + " AND status NOT IN ('APPROVED', 'REJECTED')";

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final Clock clock;

    @Activate
    public DatabaseUnitChanges(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference AuditTrail audit) {
        this(dataSource, audit, Clock.systemUTC());
    }

    public DatabaseUnitChanges(DataSource dataSource, AuditTrail audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String request(Caller applicant, String toUnitId, String clientIp) {
        String id = UUID.randomUUID().toString();
        Transactions.inTransaction(dataSource, "unit change", c -> {
            lockAccount(c, applicant.accountId());
            if (toUnitId == null || toUnitId.length() > 36 || !activeUnit(c, toUnitId)) {
                throw new IdentityException(404, "unit-not-found", "所选单位不存在或未启用。",
                        "The chosen unit does not exist or is not active.");
            }
            if (toUnitId.equals(applicant.organisationId())) {
                throw new IdentityException(409, "same-unit", "您已在该单位。", "You already belong to this unit.");
            }
            requireNoOpenApplication(c, applicant.accountId());
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM unit_change WHERE account_id = ? AND status = 'pending'")) {
                s.setString(1, applicant.accountId());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        throw new IdentityException(409, "change-pending", "您已有一份待审核的单位变更申请。",
                                "You already have a change of unit awaiting a decision.");
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO unit_change (id, account_id, from_unit_id,"
                    + " to_unit_id, status, requested_at) VALUES (?, ?, ?, ?, 'pending', ?)")) {
                s.setString(1, id);
                s.setString(2, applicant.accountId());
                s.setString(3, applicant.organisationId());
                s.setString(4, toUnitId);
                s.setObject(5, OffsetDateTime.now(clock));
                s.executeUpdate();
            }
            return null;
        });
        record(applicant, clientIp, "unit-change.request", id, null, AuditJson.of("from", applicant.organisationId(),
                "to", toUnitId));
        return id;
    }

    @Override
    public List<Request> pending(Caller reviewer, String unitId) {
        try (Connection c = dataSource.getConnection()) {
            String path = unitPath(c, unitId);
            if (path == null || !reviewer.canSee(path)) {
                throw notFound();
            }
            List<Request> requests = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT u.id, u.account_id, COALESCE(p.name,"
                    + " a.display_name), u.from_unit_id, u.to_unit_id, u.requested_at FROM unit_change u"
                    + " JOIN account a ON a.id = u.account_id LEFT JOIN person p ON p.account_id = a.id"
                    + " WHERE u.to_unit_id = ? AND u.status = 'pending' ORDER BY u.requested_at, u.id")) {
                s.setString(1, unitId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        requests.add(new Request(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            return requests;
        } catch (SQLException e) {
            throw new IllegalStateException("unit changes unavailable: database unavailable", e);
        }
    }

    @Override
    public void approve(Caller reviewer, String requestId, String clientIp) {
        String[] moved = new String[3];
        Transactions.inTransaction(dataSource, "unit change", c -> {
            String[] r = pendingForOwnUnit(c, reviewer, requestId);
            lockAccount(c, r[0]);
            requireNoOpenApplication(c, r[0]);
            try (PreparedStatement s = c.prepareStatement("UPDATE account SET organisation_id = ?,"
                    + " row_version = row_version + 1 WHERE id = ?")) {
                s.setString(1, r[2]);
                s.setString(2, r[0]);
                s.executeUpdate();
            }
            decide(c, requestId, "approved", null, reviewer.accountId());
            // The account's sessions carry its old unit and scope: they end.
            try (PreparedStatement s = c.prepareStatement("DELETE FROM web_session WHERE account_id = ?")) {
                s.setString(1, r[0]);
                s.executeUpdate();
            }
            moved[0] = r[0];
            moved[1] = r[1];
            moved[2] = r[2];
            return null;
        });
        record(reviewer, clientIp, "unit-change.approve", requestId, AuditJson.of("account", moved[0], "unit",
                moved[1]), AuditJson.of("account", moved[0], "unit", moved[2]));
    }

    @Override
    public void reject(Caller reviewer, String requestId, String reason, String clientIp) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > 500) {
            throw new IdentityException(400, "reason-required", "请填写不同意的理由（不超过500字）。",
                    "Give the reason for the rejection (at most 500 characters).");
        }
        Transactions.inTransaction(dataSource, "unit change", c -> {
            pendingForOwnUnit(c, reviewer, requestId);
            decide(c, requestId, "rejected", text, reviewer.accountId());
            return null;
        });
        record(reviewer, clientIp, "unit-change.reject", requestId, null, AuditJson.of("reason", text));
    }

    /** The pending request {account, from, to} for the caller's own unit: only the new unit decides. */
    private static String[] pendingForOwnUnit(Connection c, Caller reviewer, String requestId) throws SQLException {
        if (requestId == null || requestId.length() > 36) {
            throw notFound();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT account_id, from_unit_id, to_unit_id FROM unit_change"
                + " WHERE id = ? AND status = 'pending' FOR UPDATE")) {
            s.setString(1, requestId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || !rs.getString(3).equals(reviewer.organisationId())) {
                    throw notFound();
                }
                return new String[] {rs.getString(1), rs.getString(2), rs.getString(3)};
            }
        }
    }

    private void decide(Connection c, String requestId, String status, String reason, String by)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE unit_change SET status = ?, reason = ?, decided_at = ?,"
                + " decided_by = ? WHERE id = ?")) {
            s.setString(1, status);
            s.setString(2, reason);
            s.setObject(3, OffsetDateTime.now(clock));
            s.setString(4, by);
            s.setString(5, requestId);
            s.executeUpdate();
        }
    }

    private static void requireNoOpenApplication(Connection c, String accountId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(OPEN_APPLICATION)) {
            s.setString(1, accountId);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    throw new IdentityException(409, "open-application", "您还有未办结的业务（" + rs.getString(1)
                            + "），办结后才能变更单位。", "You still have an open application (" + rs.getString(1)
                            + "); the unit can change once it is finished.");
                }
            }
        }
    }

    private static void lockAccount(Connection c, String accountId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM account WHERE id = ? FOR UPDATE")) {
            s.setString(1, accountId);
            s.executeQuery().close();
        }
    }

    private static boolean activeUnit(Connection c, String unitId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM organisation WHERE id = ? AND status = 'active'")) {
            s.setString(1, unitId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String unitPath(Connection c, String unitId) throws SQLException {
        if (unitId == null || unitId.length() > 36) {
            return null;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT path FROM organisation WHERE id = ?")) {
            s.setString(1, unitId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static IdentityException notFound() {
        return new IdentityException(404, "unit-change-not-found", "单位变更申请不存在，或不由您的单位审核。",
                "No such change of unit awaiting your unit's decision.");
    }

    private void record(Caller caller, String ip, String action, String id, String before, String after) {
        audit.record(new AuditEvent(action, caller.actor(ip), "unit-change", id, before, after,
                null));
    }
}
