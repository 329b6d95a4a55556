package org.zhicheng.identity.internal.organisations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditEvent.Actor;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.IdentityException;
import org.zhicheng.api.identity.Organisations.Details;
import org.zhicheng.api.identity.UnitRegistrations;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.identity.internal.audit.AuditJson;
import org.zhicheng.identity.internal.auth.IdentitySettings;
import org.zhicheng.identity.internal.auth.IdentityStore;
import org.zhicheng.identity.internal.auth.PasswordPolicies;
import org.zhicheng.identity.internal.auth.UsernameKey;
import org.zhicheng.identity.internal.crypto.PasswordHasher;
import org.zhicheng.api.persistence.Transactions;
import org.zhicheng.identity.internal.validation.PasswordPolicy;

/**
 * Unit self-registration under an approved parent and the parent's decision (CQ-ORG-2). The unit and its first
 * account stay pending, and cannot sign in, until approved; a rejection frees the name and the username.
 */
@Component(service = UnitRegistrations.class, configurationPid = "org.zhicheng.identity")
public final class DatabaseUnitRegistrations implements UnitRegistrations {

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Clock clock;

    @Activate
    public DatabaseUnitRegistrations(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference AuditTrail audit, IdentitySettings settings) {
        this(dataSource, audit, new PasswordHasher(new PasswordHasher.Settings(settings.argon2MemoryKiB(),
                settings.argon2Iterations(), 1)), PasswordPolicies.of(settings), Clock.systemUTC());
    }

    public DatabaseUnitRegistrations(DataSource dataSource, AuditTrail audit, PasswordHasher hasher,
            PasswordPolicy policy, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public String registerUnit(UnitApplication a, String clientIp) {
        if (a == null) {
            throw new IdentityException(400, "invalid-unit", "请填写单位注册信息。", "Please fill in the unit registration.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Details details = null;
        try {
            details = DatabaseOrganisations.validate(new Details(a.type(), a.name(), a.creditCode(), a.regionCode()));
        } catch (IdentityException invalid) {
            problems.addAll(invalid.problems());
        }
        String username = a.username() == null ? "" : a.username().strip();
        UsernameKey.problem(username).ifPresent(problems::add);
        String contact = a.contactName() == null ? "" : a.contactName().strip();
        if (contact.isEmpty() || contact.length() > 100) {
            problems.add(new FieldProblem("contactName", "unit.contact", "请填写联系人姓名（不超过100字）。",
                    "Enter the contact person's name (at most 100 characters)."));
        }
        String password = a.password() == null ? "" : a.password();
        policy.check(password, username).forEach(v -> problems.add(new FieldProblem("password", v.code(), v.zh(),
                v.en())));
        if (!problems.isEmpty()) {
            throw new IdentityException(400, "invalid-unit", "单位注册信息有误，请按提示修改。",
                    "Some unit registration details are wrong; see each field.", problems);
        }
        Details clean = details;
        String id = Transactions.inTransaction(dataSource, "unit registration", c -> {
            String parentPath;
            int parentLevel;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT path, level FROM organisation WHERE id = ? AND status = 'active'")) {
                s.setString(1, a.parentId() == null || a.parentId().length() > 36 ? "" : a.parentId());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new IdentityException(404, "parent-not-found", "所选上级单位不存在或尚未审核通过，请重新选择。",
                                "The chosen parent does not exist or is not approved; choose again.");
                    }
                    parentPath = rs.getString(1);
                    parentLevel = rs.getInt(2);
                }
            }
            UsernameKey.requireFree(c, username);
            String unit = DatabaseOrganisations.insert(c, a.parentId(), parentPath, parentLevel, clean, "pending",
                    clock);
            String account = new IdentityStore(dataSource, clock).insertAccount(c, username, contact, unit,
                    hasher.hash(password), false, List.of("unit-reviewer"));
            try (PreparedStatement s = c.prepareStatement("UPDATE account SET status = 'pending' WHERE id = ?")) {
                s.setString(1, account);
                s.executeUpdate();
            }
            return unit;
        });
        audit.record(new AuditEvent("unit.register", Actor.anonymous(clientIp), "organisation", id, null,
                AuditJson.of("parentId", a.parentId(), "username", username), null));
        return id;
    }

    @Override
    public List<PendingUnit> pendingUnits(Caller caller, String parentId) {
        return Transactions.inTransaction(dataSource, "pending units", c -> {
            List<PendingUnit> units = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM organisation WHERE id = ? AND path LIKE ?")) {
                s.setString(1, parentId);
                s.setString(2, caller.organisationPath() + "%");
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw notFound();
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT o.id, o.type, o.name, o.credit_code, o.region_code,"
                    + " a.username, a.display_name FROM organisation o LEFT JOIN account a ON a.organisation_id = o.id"
                    + " WHERE o.parent_id = ? AND o.status = 'pending' ORDER BY o.created_at, o.id")) {
                s.setString(1, parentId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        units.add(new PendingUnit(rs.getString(1), parentId, rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return units;
        });
    }

    @Override
    public void approveUnit(Caller caller, String organisationId, String clientIp) {
        decide(caller, organisationId, c -> {
            update(c, "UPDATE organisation SET status = 'active', row_version = row_version + 1 WHERE id = ?",
                    organisationId);
            update(c, "UPDATE account SET status = 'active' WHERE organisation_id = ? AND status = 'pending'",
                    organisationId);
        });
        record(caller, clientIp, "unit.approve", organisationId, null);
    }

    @Override
    public void rejectUnit(Caller caller, String organisationId, String reason, String clientIp) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new IdentityException(400, "reason-required", "请填写不予通过的原因（不超过500字）。",
                    "Give the reason for rejecting (at most 500 characters).");
        }
        decide(caller, organisationId, c -> {
            update(c, "UPDATE organisation SET status = 'rejected', row_version = row_version + 1 WHERE id = ?",
                    organisationId);
            // The username becomes free again, as for any deleted account.
            update(c, "UPDATE account SET status = 'deleted', username_key = 'deleted:' || id, password_hash = NULL"
                    + " WHERE organisation_id = ?", organisationId);
        });
        record(caller, clientIp, "unit.reject", organisationId, reason.strip());
    }

    @FunctionalInterface
    private interface Decision {
        void apply(Connection c) throws SQLException;
    }

    /** Locks a pending unit whose parent lies in the caller's subtree, then applies the decision. */
    private void decide(Caller caller, String organisationId, Decision decision) {
        Transactions.inTransaction(dataSource, "unit decision", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT o.id FROM organisation o JOIN organisation p"
                    + " ON p.id = o.parent_id WHERE o.id = ? AND o.status = 'pending' AND p.path LIKE ? FOR UPDATE")) {
                s.setString(1, organisationId);
                s.setString(2, caller.organisationPath() + "%");
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw notFound();
                    }
                }
            }
            decision.apply(c);
            return null;
        });
    }

    private static void update(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }

    private void record(Caller caller, String ip, String action, String organisationId, String detail) {
        audit.record(new AuditEvent(action, caller.actor(ip), "organisation", organisationId, null,
                null, detail));
    }

    private static IdentityException notFound() {
        return new IdentityException(404, "unit-registration-not-found", "没有待审核的该单位注册，或不在您的管理范围内。",
                "No such pending unit registration within your organisation.");
    }
}
