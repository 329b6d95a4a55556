package org.zhicheng.identity.internal.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.identity.AccountAdministration;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.IdentityException;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.identity.internal.audit.AuditJson;
import org.zhicheng.identity.internal.auth.IdentitySettings;
import org.zhicheng.identity.internal.auth.PasswordPolicies;
import org.zhicheng.identity.internal.auth.IdentityStore;
import org.zhicheng.identity.internal.auth.UsernameKey;
import org.zhicheng.identity.internal.crypto.OneTimeSecrets;
import org.zhicheng.identity.internal.crypto.PasswordHasher;
import org.zhicheng.api.persistence.Transactions;
import org.zhicheng.identity.internal.validation.EmailAddress;
import org.zhicheng.identity.internal.validation.PasswordPolicy;
import org.zhicheng.identity.internal.validation.Violation;

/**
 * Account administration on the {@code account} table. Each operation runs in one transaction that first locks
 * the account row and checks it lies in the caller's subtree; the audit entry is written once the change is
 * committed.
 */
@Component(service = AccountAdministration.class, configurationPid = "org.zhicheng.identity")
public final class DatabaseAccountAdministration implements AccountAdministration {

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Clock clock;

    @Activate
    public DatabaseAccountAdministration(
            @Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference AuditTrail audit, IdentitySettings settings) {
        this(dataSource, audit, new PasswordHasher(new PasswordHasher.Settings(settings.argon2MemoryKiB(),
                settings.argon2Iterations(), 1)), PasswordPolicies.of(settings), Clock.systemUTC());
    }

    public DatabaseAccountAdministration(DataSource dataSource, AuditTrail audit, PasswordHasher hasher,
            PasswordPolicy policy, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
    }

    /** The account row as an operation sees it, locked for the transaction. */
    private record Target(String id, String username, String organisationId, String path, String status,
            String passwordHash) {
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface Change {
        void apply(Connection c, Target target) throws SQLException;
    }

    @Override
    public CreatedAccount create(Caller caller, NewAccount account, String clientIp) {
        String username = account == null || account.username() == null ? "" : account.username().strip();
        String displayName = account == null || account.displayName() == null ? "" : account.displayName().strip();
        java.util.Set<String> roles = account == null || account.roles() == null ? java.util.Set.of() : account.roles();
        List<FieldProblem> problems = new java.util.ArrayList<>();
        UsernameKey.problem(username).ifPresent(problems::add);
        if (displayName.isEmpty() || displayName.length() > 100) {
            problems.add(new FieldProblem("displayName", "account.display-name", "请填写姓名（不超过100字）。",
                    "Enter the person's name (at most 100 characters)."));
        }
        if (roles.isEmpty()) {
            problems.add(new FieldProblem("roles", "account.roles", "请至少选择一个角色。", "Choose at least one role."));
        }
        if (!problems.isEmpty()) {
            throw new IdentityException(400, "invalid-account", "账号信息有误，请按提示修改。",
                    "Some account details are wrong; see each field.", problems);
        }
        String secret = OneTimeSecrets.password();
        String[] created = new String[1];
        inTransaction(c -> {
            String path = organisationPath(c, account.organisationId());
            if (path == null || !caller.canSee(path)) {
                throw new IdentityException(404, "organisation-not-found", "单位不存在，或不在您的管理范围内。",
                        "No such organisation within your scope.");
            }
            for (String role : roles) {
                java.util.Set<String> granted = permissionsOf(c, role);
                // own.* permissions reach only the holder's own data (an applicant's own applications).
                if (granted == null || !caller.permissions().containsAll(granted.stream()
                        .filter(p -> !p.startsWith("own.")).toList())) {
                    throw new IdentityException(403, "role-not-grantable", "您不能授予角色“" + role + "”。",
                            "You cannot grant the role \"" + role + "\".");
                }
            }
            UsernameKey.requireFree(c, username);
            created[0] = new IdentityStore(dataSource, clock).insertAccount(c, username, displayName,
                    account.organisationId(), hasher.hash(secret), true, roles);
        });
        record(caller, clientIp, "account.create", created[0], null, AuditJson.of("username", username,
                "organisationId", account.organisationId(), "roles", new java.util.TreeSet<>(roles)));
        return new CreatedAccount(created[0], secret);
    }

    @Override
    public List<AccountSummary> list(Caller caller, String organisationId) {
        try (Connection c = dataSource.getConnection()) {
            String path = organisationPath(c, organisationId);
            if (path == null || !caller.canSee(path)) {
                throw new IdentityException(404, "organisation-not-found", "单位不存在，或不在您的管理范围内。",
                        "No such organisation within your scope.");
            }
            java.util.Map<String, AccountSummary> byId = new java.util.LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT a.id, a.username, a.display_name, a.status,"
                    + " a.locked_at, a.must_change_password, r.role, a.email FROM account a"
                    + " LEFT JOIN account_role r ON r.account_id = a.id"
                    + " WHERE a.organisation_id = ? AND a.status <> 'deleted' ORDER BY a.username_key, r.role")) {
                s.setString(1, organisationId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        AccountSummary known = byId.get(id);
                        java.util.Set<String> roles = new java.util.TreeSet<>(known == null ? java.util.Set.of()
                                : known.roles());
                        if (rs.getString(7) != null) {
                            roles.add(rs.getString(7));
                        }
                        byId.put(id, new AccountSummary(id, rs.getString(2), rs.getString(3), organisationId, roles,
                                rs.getString(4), rs.getObject(5) != null, rs.getBoolean(6), rs.getString(8)));
                    }
                }
            }
            return List.copyOf(byId.values());
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static String organisationPath(Connection c, String organisationId) throws SQLException {
        if (organisationId == null || organisationId.length() > 36) {
            return null;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT path FROM organisation WHERE id = ? AND status = 'active'")) {
            s.setString(1, organisationId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The permissions a role grants, or null when no such role exists. */
    private static java.util.Set<String> permissionsOf(Connection c, String role) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT permission FROM role_permission WHERE role = ?")) {
            s.setString(1, role);
            java.util.Set<String> permissions = new java.util.HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    permissions.add(rs.getString(1));
                }
            }
            return permissions.isEmpty() && !"applicant".equals(role) ? null : permissions;
        }
    }

    private void inTransaction(Work work) {
        Transactions.inTransaction(dataSource, "account administration", c -> {
            work.run(c);
            return null;
        });
    }

    @Override
    public void unlock(Caller caller, String accountId, String clientIp) {
        act(caller, accountId, false, (c, t) -> update(c, t.id(),
                "UPDATE account SET failed_logins = 0, locked_at = NULL, row_version = row_version + 1 WHERE id = ?"));
        record(caller, clientIp, "account.unlock", accountId, "{\"locked\":true}", "{\"locked\":false}");
    }

    @Override
    public void freeze(Caller caller, String accountId, String clientIp) {
        act(caller, accountId, true, (c, t) -> {
            requireStatus(t, "active");
            update(c, t.id(), "UPDATE account SET status = 'frozen', row_version = row_version + 1 WHERE id = ?");
            endSessions(c, t.id());
        });
        record(caller, clientIp, "account.freeze", accountId, "{\"status\":\"active\"}", "{\"status\":\"frozen\"}");
    }

    @Override
    public void unfreeze(Caller caller, String accountId, String clientIp) {
        act(caller, accountId, true, (c, t) -> {
            requireStatus(t, "frozen");
            update(c, t.id(), "UPDATE account SET status = 'active', row_version = row_version + 1 WHERE id = ?");
        });
        record(caller, clientIp, "account.unfreeze", accountId, "{\"status\":\"frozen\"}", "{\"status\":\"active\"}");
    }

    @Override
    public void delete(Caller caller, String accountId, String clientIp) {
        String[] before = new String[1];
        act(caller, accountId, true, (c, t) -> {
            before[0] = t.status();
            // The username key is released so the person can register again under the right unit (CQ-ORG-5).
            try (PreparedStatement s = c.prepareStatement("UPDATE account SET status = 'deleted',"
                    + " username_key = ?, password_hash = NULL, row_version = row_version + 1 WHERE id = ?")) {
                s.setString(1, "deleted:" + t.id());
                s.setString(2, t.id());
                s.executeUpdate();
            }
            endSessions(c, t.id());
        });
        record(caller, clientIp, "account.delete", accountId, "{\"status\":\"" + before[0] + "\"}",
                "{\"status\":\"deleted\"}");
    }

    @Override
    public String resetPassword(Caller caller, String accountId, String clientIp) {
        String secret = OneTimeSecrets.password();
        act(caller, accountId, true, (c, t) -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE account SET password_hash = ?,"
                    + " must_change_password = TRUE, failed_logins = 0, locked_at = NULL, password_changed_at = ?,"
                    + " row_version = row_version + 1 WHERE id = ?")) {
                s.setString(1, hasher.hash(secret));
                s.setObject(2, OffsetDateTime.now(clock));
                s.setString(3, t.id());
                s.executeUpdate();
            }
            endSessions(c, t.id());
        });
        record(caller, clientIp, "account.reset-password", accountId, null, "{\"mustChangePassword\":true}");
        return secret;
    }

    @Override
    public void changePassword(Caller caller, String currentPassword, String newPassword, String clientIp) {
        inTransaction(c -> {
            Target self = lock(c, caller.accountId()).orElseThrow(() -> notFound());
            if (!hasher.verify(currentPassword == null ? "" : currentPassword, self.passwordHash())) {
                throw new IdentityException(400, "wrong-current-password", "当前密码不正确。",
                        "The current password is not correct.");
            }
            if (newPassword != null && newPassword.equals(currentPassword)) {
                throw new IdentityException(400, "password-unchanged", "新密码不能与当前密码相同。",
                        "The new password must differ from the current one.");
            }
            List<Violation> violations = policy.check(newPassword == null ? "" : newPassword, self.username());
            if (!violations.isEmpty()) {
                throw weakPassword(violations);
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE account SET password_hash = ?,"
                    + " must_change_password = FALSE, password_changed_at = ?, row_version = row_version + 1"
                    + " WHERE id = ?")) {
                s.setString(1, hasher.hash(newPassword));
                s.setObject(2, OffsetDateTime.now(clock));
                s.setString(3, self.id());
                s.executeUpdate();
            }
            endSessions(c, self.id());
        });
        record(caller, clientIp, "account.change-password", caller.accountId(), null, null);
    }

    /** The answer to a new password that breaks the policy: every broken rule, on the field newPassword. */
    static IdentityException weakPassword(List<Violation> violations) {
        return new IdentityException(400, "weak-password", "新密码不符合密码规则：" + violations.stream()
                .map(Violation::zh).reduce((a, b) -> a + "；" + b).orElse(""),
                "The new password breaks the password rules: " + violations.stream().map(Violation::en)
                        .reduce((a, b) -> a + "; " + b).orElse(""),
                violations.stream().map(v -> new FieldProblem("newPassword", v.code(), v.zh(), v.en())).toList());
    }

    @Override
    public void completeProfile(Caller caller, Profile profile, String clientIp) {
        String displayName = profile == null || profile.displayName() == null ? "" : profile.displayName().strip();
        String email = EmailAddress.normalise(profile == null ? null : profile.email());
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (displayName.isEmpty() || displayName.length() > 100) {
            problems.add(new FieldProblem("displayName", "account.display-name", "请填写姓名（不超过100字）。",
                    "Enter the person's name (at most 100 characters)."));
        }
        EmailAddress.problem(email).ifPresent(v -> problems.add(new FieldProblem("email", v.code(), v.zh(), v.en())));
        if (!problems.isEmpty()) {
            throw new IdentityException(400, "invalid-profile", "个人信息有误，请按提示修改。",
                    "Some profile details are wrong; see each field.", problems);
        }
        String[] before = new String[1];
        act(caller, caller.accountId(), false, (c, t) -> {
            before[0] = profileJson(c, t.id());
            try (PreparedStatement s = c.prepareStatement("UPDATE account SET display_name = ?, email = ?,"
                    + " email_key = ?, profile_completed_at = COALESCE(profile_completed_at, ?),"
                    + " row_version = row_version + 1 WHERE id = ?")) {
                s.setString(1, displayName);
                s.setString(2, email);
                s.setString(3, EmailAddress.key(email));
                s.setObject(4, OffsetDateTime.now(clock));
                s.setString(5, t.id());
                s.executeUpdate();
            }
        });
        record(caller, clientIp, "account.profile", caller.accountId(), before[0],
                AuditJson.of("displayName", displayName, "email", email));
    }

    @Override
    public void changeEmail(Caller caller, String accountId, String email, String clientIp) {
        String address = EmailAddress.normalise(email);
        EmailAddress.problem(address).ifPresent(v -> {
            throw new IdentityException(400, "invalid-email", v.zh(), v.en(),
                    List.of(new FieldProblem("email", v.code(), v.zh(), v.en())));
        });
        String[] before = new String[1];
        act(caller, accountId, false, (c, t) -> {
            before[0] = profileJson(c, t.id());
            try (PreparedStatement s = c.prepareStatement("UPDATE account SET email = ?, email_key = ?,"
                    + " row_version = row_version + 1 WHERE id = ?")) {
                s.setString(1, address);
                s.setString(2, EmailAddress.key(address));
                s.setString(3, t.id());
                s.executeUpdate();
            }
        });
        record(caller, clientIp, "account.change-email", accountId, before[0], AuditJson.of("email", address));
    }

    private static String profileJson(Connection c, String accountId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT display_name, email FROM account WHERE id = ?")) {
            s.setString(1, accountId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return AuditJson.of("displayName", rs.getString(1), "email", rs.getString(2));
            }
        }
    }

    /** Runs a change on an account in the caller's scope, in one transaction. */
    private void act(Caller caller, String accountId, boolean notSelf, Change change) {
        if (notSelf && caller.accountId().equals(accountId)) {
            throw new IdentityException(409, "own-account", "不能对自己的账号执行此操作。",
                    "You cannot do this to your own account.");
        }
        inTransaction(c -> {
            Target target = lock(c, accountId).filter(t -> caller.canSee(t.path()))
                    .filter(t -> !"deleted".equals(t.status())).orElseThrow(DatabaseAccountAdministration::notFound);
            change.apply(c, target);
        });
    }

    private static java.util.Optional<Target> lock(Connection c, String accountId) throws SQLException {
        if (accountId == null || accountId.length() > 36) {
            return java.util.Optional.empty();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT a.id, a.username, a.organisation_id, o.path, a.status,"
                + " a.password_hash FROM account a JOIN organisation o ON o.id = a.organisation_id WHERE a.id = ?"
                + " FOR UPDATE")) {
            s.setString(1, accountId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new Target(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6))) : java.util.Optional.empty();
            }
        }
    }

    private static void requireStatus(Target t, String expected) {
        if (!expected.equals(t.status())) {
            throw new IdentityException(409, "account-status", "账号当前状态不允许此操作。",
                    "The account's current status does not allow this.");
        }
    }

    private static void update(Connection c, String accountId, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, accountId);
            s.executeUpdate();
        }
    }

    /** Ends every session of an account (after a password change, freeze, delete …). */
    public static void endSessions(Connection c, String accountId) throws SQLException {
        update(c, accountId, "DELETE FROM web_session WHERE account_id = ?");
    }

    private void record(Caller caller, String ip, String action, String accountId, String before, String after) {
        audit.record(new AuditEvent(action, caller.actor(ip), "account", accountId, before, after,
                null));
    }

    private static IdentityException notFound() {
        return new IdentityException(404, "account-not-found", "账号不存在，或不在您的管理范围内。",
                "No such account within your organisation.");
    }

    private static IllegalStateException unavailable(SQLException e) {
        return new IllegalStateException("account administration failed: database unavailable", e);
    }
}
