package org.zhicheng.identity.internal.accounts;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.zhicheng.api.identity.IdentityException;
import org.zhicheng.api.identity.PasswordRecovery;
import org.zhicheng.api.notification.Outbox;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.identity.internal.auth.IdentitySettings;
import org.zhicheng.identity.internal.auth.PasswordPolicies;
import org.zhicheng.identity.internal.crypto.PasswordHasher;
import org.zhicheng.identity.internal.crypto.Tokens;
import org.zhicheng.api.persistence.Transactions;
import org.zhicheng.identity.internal.validation.EmailAddress;
import org.zhicheng.identity.internal.validation.PasswordPolicy;
import org.zhicheng.identity.internal.validation.Violation;

/**
 * Password recovery by e-mail (GD-PHOTO-7). The link's token and the mail are written in one transaction, the mail
 * through the outbox, so a link exists exactly when its mail is on its way.
 */
@Component(service = PasswordRecovery.class, configurationPid = "org.zhicheng.identity")
public final class DatabasePasswordRecovery implements PasswordRecovery {

    /** Recovery settings: where links point, how long they work, how many per hour. */
    public record Settings(String publicUrl, Duration linkLifetime, int perHour) {
    }

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final Settings settings;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public DatabasePasswordRecovery(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference AuditTrail audit, @Reference Outbox outbox,
            IdentitySettings settings) {
        this(dataSource, audit, outbox, new PasswordHasher(new PasswordHasher.Settings(settings.argon2MemoryKiB(),
                settings.argon2Iterations(), 1)), PasswordPolicies.of(settings), Clock.systemUTC(),
                new Settings(settings.recovery_publicUrl(), Duration.ofMinutes(settings.recovery_linkMinutes()),
                        settings.recovery_perHour()));
    }

    public DatabasePasswordRecovery(DataSource dataSource, AuditTrail audit, Outbox outbox, PasswordHasher hasher,
            PasswordPolicy policy, Clock clock, Settings settings) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.outbox = outbox;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
        this.settings = settings;
    }

    /** An account the address belongs to, and the link made for it. */
    private record Link(String accountId, String username, String token) {
    }

    @Override
    public void request(String email, String clientIp) {
        String base = publicUrl();
        String address = EmailAddress.normalise(email);
        EmailAddress.problem(address).ifPresent(v -> {
            throw new IdentityException(400, "invalid-email", v.zh(), v.en(),
                    List.of(new FieldProblem("email", v.code(), v.zh(), v.en())));
        });
        Instant now = clock.instant();
        List<Link> links = Transactions.inTransaction(dataSource, "password recovery", c -> {
            purgeExpired(c, now);
            List<Link> made = new ArrayList<>();
            List<String[]> accounts = activeAccounts(c, EmailAddress.key(address));
            for (String[] account : accounts) {
                if (recentLinks(c, account[0], now) >= settings.perHour()) {
                    continue;
                }
                String token = Tokens.random(random);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO password_recovery (token_hash,"
                        + " account_id, created_at, expires_at, client_ip) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setString(1, Tokens.sha256(token));
                    insert.setString(2, account[0]);
                    insert.setObject(3, utc(now));
                    insert.setObject(4, utc(now.plus(settings.linkLifetime())));
                    insert.setString(5, clientIp);
                    insert.executeUpdate();
                }
                made.add(new Link(account[0], account[1], token));
            }
            if (!made.isEmpty()) {
                // To the address as registered, not as typed.
                String registered = accounts.get(0)[2];
                outbox.enqueue(c, new Outbox.Email(registered, "找回账号或密码 / Account or password recovery",
                        mail(base, registered, made), "password-recovery"));
            }
            return made;
        });
        if (links.isEmpty()) {
            audit.record(new AuditEvent("account.recovery-request", Actor.anonymous(clientIp), "account", null, null,
                    null, "no active account uses the address, or its hourly limit is reached"));
        }
        for (Link link : links) {
            audit.record(new AuditEvent("account.recovery-request", Actor.anonymous(clientIp), "account",
                    link.accountId(), null, null, "link sent to the registered address"));
        }
    }

    private String publicUrl() {
        String url = settings.publicUrl() == null ? "" : settings.publicUrl().strip();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (url.isEmpty() || uri == null || uri.getHost() == null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IdentityException(503, "recovery-unavailable", "邮件找回密码功能未配置，请联系所在单位或管理员重置密码。",
                    "Recovery by e-mail is not configured; ask your unit or an administrator to reset the password.");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private String mail(String base, String address, List<Link> links) {
        long minutes = settings.linkLifetime().toMinutes();
        StringBuilder zh = new StringBuilder("您好：\n\n有人（可能是您本人）为邮箱 " + address
                + " 申请找回职称申报系统的账号或密码。该邮箱登记的账号如下，请在 " + minutes
                + " 分钟内打开对应链接设置新密码，每个链接只能使用一次：\n\n");
        StringBuilder en = new StringBuilder("Hello,\n\nSomeone, probably you, asked to recover the account or password"
                + " registered with " + address + ". Its accounts are listed below; open a link within " + minutes
                + " minutes to set a new password. Each link works once.\n\n");
        for (Link link : links) {
            String url = base + "/recover#token=" + link.token();
            zh.append("账号：").append(link.username()).append('\n').append(url).append("\n\n");
            en.append("Account: ").append(link.username()).append('\n').append(url).append("\n\n");
        }
        zh.append("如果不是您本人操作，请忽略本邮件，您的密码不会改变。\n\n");
        en.append("If this was not you, ignore this mail; your password stays as it is.\n");
        return zh.append("----\n\n").append(en).toString();
    }

    @Override
    public void complete(String token, String newPassword, String clientIp) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            throw invalidLink();
        }
        Instant now = clock.instant();
        String accountId = Transactions.inTransaction(dataSource, "password recovery", c -> {
            String id;
            try (PreparedStatement select = c.prepareStatement("SELECT r.account_id, r.expires_at, a.username,"
                    + " a.status, a.locked_at FROM password_recovery r JOIN account a ON a.id = r.account_id"
                    + " WHERE r.token_hash = ? FOR UPDATE")) {
                select.setString(1, Tokens.sha256(token));
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next() || !now.isBefore(rs.getObject(2, OffsetDateTime.class).toInstant())
                            || !"active".equals(rs.getString(4))) {
                        throw invalidLink();
                    }
                    if (rs.getObject(5) != null) {
                        throw new IdentityException(423, "account-locked", "账号因连续登录失败已被锁定，请先联系管理员解锁。",
                                "The account is locked after repeated failed sign-ins; ask an administrator to unlock"
                                        + " it first.");
                    }
                    id = rs.getString(1);
                    List<Violation> violations = policy.check(newPassword == null ? "" : newPassword,
                            rs.getString(3));
                    if (!violations.isEmpty()) {
                        throw DatabaseAccountAdministration.weakPassword(violations);
                    }
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE account SET password_hash = ?,"
                    + " must_change_password = FALSE, password_changed_at = ?, row_version = row_version + 1"
                    + " WHERE id = ?")) {
                update.setString(1, hasher.hash(newPassword));
                update.setObject(2, utc(now));
                update.setString(3, id);
                update.executeUpdate();
            }
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM password_recovery WHERE account_id = ?")) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
            DatabaseAccountAdministration.endSessions(c, id);
            return id;
        });
        audit.record(new AuditEvent("account.password-recovered", Actor.anonymous(clientIp), "account", accountId,
                null, null, "new password set with an e-mailed link"));
    }

    private static IdentityException invalidLink() {
        return new IdentityException(400, "recovery-link-invalid", "找回密码链接无效、已使用或已过期，请重新申请。",
                "The recovery link is not valid, already used or expired; please ask for a new one.");
    }

    /** Active accounts with this e-mail key: {id, username, email}. */
    private static List<String[]> activeAccounts(Connection c, String emailKey) throws SQLException {
        List<String[]> accounts = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, username, email FROM account WHERE email_key = ?"
                + " AND status = 'active' ORDER BY username_key")) {
            select.setString(1, emailKey);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    accounts.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
        }
        return accounts;
    }

    private static int recentLinks(Connection c, String accountId, Instant now) throws SQLException {
        try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM password_recovery"
                + " WHERE account_id = ? AND created_at > ?")) {
            count.setString(1, accountId);
            count.setObject(2, utc(now.minus(Duration.ofHours(1))));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Links are kept an hour past expiry, for the hourly limit; then they go. */
    private static void purgeExpired(Connection c, Instant now) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM password_recovery WHERE expires_at < ?")) {
            delete.setObject(1, utc(now.minus(Duration.ofHours(1))));
            delete.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
