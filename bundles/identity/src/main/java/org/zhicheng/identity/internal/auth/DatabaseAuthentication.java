package org.zhicheng.identity.internal.auth;

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
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditEvent.Actor;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.identity.Authentication;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.identity.internal.captcha.DatabaseCaptchas;
import org.zhicheng.identity.internal.captcha.LoginThrottle;
import org.zhicheng.identity.internal.crypto.PasswordHasher;
import org.zhicheng.identity.internal.crypto.PiiCipher;
import org.zhicheng.identity.internal.crypto.Tokens;
import org.zhicheng.identity.internal.crypto.Totp;
import org.zhicheng.api.persistence.Transactions;

/**
 * Sign-in against the {@code account} table and sessions in {@code web_session}. Each login attempt locks its
 * account row for the length of the attempt, so parallel attempts are counted one after the other and can never
 * get past the failure limit. Every attempt, success or not, goes to the audit log (FJ-7).
 */
@Component(service = Authentication.class, configurationPid = "org.zhicheng.identity")
@Designate(ocd = IdentitySettings.class)
public final class DatabaseAuthentication implements Authentication {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAuthentication.class);

    /** The purpose the TOTP secret is encrypted for (see {@link PiiCipher}). */
    public static final String TOTP_PURPOSE = "account.totp";
    private static final String ADMINISTRATOR = "platform-admin";
    private static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    private static final int MAX_CHALLENGE_ATTEMPTS = 5;

    /** True when organisation d is o itself or an ancestor of o, and is disabled. */
    private static final String DISABLED_ANCESTOR = "d.status = 'disabled' AND o.path LIKE d.path || '%'";

    /** Sessions are refreshed in the database at most this often, to spare a write per request. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final int maxFailedLogins;
    private final Duration idle;
    private final Duration absolute;
    private final SecureRandom random = new SecureRandom();
    /** Verified against for unknown usernames, so they take as long as wrong passwords. */
    private final String decoyHash;
    /** Decrypts TOTP secrets; null without the personal-data keys (then TOTP accounts cannot sign in). */
    private PiiCipher cipher;
    private boolean secondFactorForAdministrators;
    private LoginThrottle throttle = LoginThrottle.OFF;

    @Activate
    public DatabaseAuthentication(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference AuditTrail audit, IdentitySettings settings) {
        this(dataSource, audit, new PasswordHasher(new PasswordHasher.Settings(settings.argon2MemoryKiB(),
                settings.argon2Iterations(), 1)), Clock.systemUTC(), settings.maxFailedLogins(),
                Duration.ofMinutes(settings.sessionIdleMinutes()), Duration.ofHours(settings.sessionAbsoluteHours()));
        this.cipher = settings.pii_encryptionKey().isBlank() ? null : PiiCipher.fromConfiguration(settings.pii_keyId(),
                settings.pii_encryptionKey(), settings.pii_lookupKey());
        this.secondFactorForAdministrators = settings.totp_requiredForAdministrators();
        this.throttle = new LoginThrottle(settings.captcha_afterFailures(), settings.captcha_addressAfterFailures(),
                Duration.ofMinutes(settings.captcha_windowMinutes()));
    }

    /** For tests and tools: explicit collaborators and settings. */
    public DatabaseAuthentication(DataSource dataSource, AuditTrail audit, PasswordHasher hasher, Clock clock,
            int maxFailedLogins, Duration idle, Duration absolute) {
        if (maxFailedLogins < 1 || idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0) {
            throw new IllegalArgumentException("maxFailedLogins >= 1 and 0 < idle <= absolute are required");
        }
        this.dataSource = dataSource;
        this.audit = audit;
        this.hasher = hasher;
        this.clock = clock;
        this.maxFailedLogins = maxFailedLogins;
        this.idle = idle;
        this.absolute = absolute;
        this.decoyHash = hasher.hash(Tokens.random(random));
    }

    /** For tests: TOTP with this cipher, and whether administrators must set it up. */
    public DatabaseAuthentication withSecondFactor(PiiCipher cipher, boolean requiredForAdministrators) {
        this.cipher = cipher;
        this.secondFactorForAdministrators = requiredForAdministrators;
        return this;
    }

    /** For tests: when sign-in asks for a captcha (CQ-ORG-3); never, unless set. */
    public DatabaseAuthentication withCaptcha(LoginThrottle throttle) {
        this.throttle = throttle;
        return this;
    }

    @Override
    public boolean captchaRequired(String username, String clientIp) {
        String key = UsernameKey.of(username);
        return Transactions.inTransaction(dataSource, "sign-in",
                c -> throttle.captchaRequiredPeek(c, key, clientIp, clock.instant()));
    }

    @Override
    public LoginResult login(String username, String password, String captchaId, String captchaAnswer,
            String clientIp) {
        String key = UsernameKey.of(username);
        String secret = password == null ? "" : password;
        return Transactions.inTransaction(dataSource, "sign-in", c -> {
            // The captcha comes first: without it the password is not even looked at, nor counted.
            if (throttle.captchaRequired(c, key, clientIp, clock.instant())
                    && !DatabaseCaptchas.consume(c, captchaId, captchaAnswer, clock.instant())) {
                audit.record(new AuditEvent("login.refused-captcha", Actor.anonymous(clientIp), "account", null,
                        null, null, captchaId == null ? "captcha missing" : "captcha wrong or expired"));
                return new Refused(Reason.CAPTCHA_REQUIRED);
            }
            LoginResult result = attempt(c, key, secret, clientIp);
            if (result instanceof Refused r && r.reason() == Reason.BAD_CREDENTIALS) {
                throttle.failed(c, key, clientIp, clock.instant());
            }
            return result;
        });
    }

    private LoginResult attempt(Connection c, String key, String password, String ip) throws SQLException {
        String accountId;
        String organisationId;
        String hash;
        String status;
        int failed;
        boolean locked;
        boolean totp;
        try (PreparedStatement select = c.prepareStatement("SELECT id, organisation_id, password_hash, status,"
                + " failed_logins, locked_at, totp_enabled FROM account WHERE username_key = ? FOR UPDATE")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || "deleted".equals(rs.getString("status"))) {
                    hasher.verify(password, decoyHash);
                    audit.record(new AuditEvent("login.failure", Actor.anonymous(ip), "account", null, null, null,
                            "unknown username"));
                    return new Refused(Reason.BAD_CREDENTIALS);
                }
                accountId = rs.getString("id");
                organisationId = rs.getString("organisation_id");
                hash = rs.getString("password_hash");
                status = rs.getString("status");
                failed = rs.getInt("failed_logins");
                locked = rs.getObject("locked_at") != null;
                totp = rs.getBoolean("totp_enabled");
            }
        }
        Actor actor = new Actor(accountId, organisationId, null, ip);
        if (locked) {
            audit.record(new AuditEvent("login.refused-locked", actor, "account", accountId, null, null, null));
            return new Refused(Reason.LOCKED);
        }
        // An account without a password (imported, not yet activated) takes as long to refuse as any other.
        if (!hasher.verify(password, hash == null ? decoyHash : hash)) {
            return countFailure(c, accountId, organisationId, failed, ip, "password mismatch");
        }
        // The password is right: only now may the caller learn that the account is frozen or pending.
        if (!"active".equals(status)) {
            Reason reason = "pending".equals(status) ? Reason.PENDING_APPROVAL : Reason.FROZEN;
            audit.record(new AuditEvent("login.refused-" + status, actor, "account", accountId, null, null, null));
            return new Refused(reason);
        }
        try (PreparedStatement disabled = c.prepareStatement("SELECT COUNT(*) FROM organisation o, organisation d"
                + " WHERE o.id = ? AND " + DISABLED_ANCESTOR)) {
            disabled.setString(1, organisationId);
            try (ResultSet rs = disabled.executeQuery()) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    audit.record(new AuditEvent("login.refused-organisation-disabled", actor, "account", accountId,
                            null, null, null));
                    return new Refused(Reason.ORGANISATION_DISABLED);
                }
            }
        }
        if (hasher.needsRehash(hash)) {
            try (PreparedStatement rehash = c.prepareStatement("UPDATE account SET password_hash = ? WHERE id = ?")) {
                rehash.setString(1, hasher.hash(password));
                rehash.setString(2, accountId);
                rehash.executeUpdate();
            }
        }
        // The failure count is reset only by a complete sign-in, so wrong TOTP codes add up across attempts.
        if (totp) {
            if (cipher == null) {
                return new Refused(Reason.SECOND_FACTOR_UNAVAILABLE);
            }
            String challenge = Tokens.random(random);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO login_challenge (token_hash, account_id,"
                    + " client_ip, expires_at, attempts) VALUES (?, ?, ?, ?, 0)")) {
                insert.setString(1, Tokens.sha256(challenge));
                insert.setString(2, accountId);
                insert.setString(3, ip);
                insert.setObject(4, utc(clock.instant().plus(CHALLENGE_LIFETIME)));
                insert.executeUpdate();
            }
            audit.record(new AuditEvent("login.second-factor-required", actor, "account", accountId, null, null,
                    null));
            return new SecondFactorRequired(challenge);
        }
        return openSession(c, accountId, organisationId, ip, null);
    }

    @Override
    public LoginResult completeSecondFactor(String challenge, String code, String clientIp) {
        if (challenge == null || challenge.isEmpty() || challenge.length() > 100) {
            return new Refused(Reason.BAD_SECOND_FACTOR);
        }
        return Transactions.inTransaction(dataSource, "sign-in", c -> secondStep(c, Tokens.sha256(challenge), code,
                clientIp));
    }

    private LoginResult secondStep(Connection c, String challengeHash, String code, String ip) throws SQLException {
        String accountId;
        int attempts;
        try (PreparedStatement select = c.prepareStatement("SELECT account_id, attempts, expires_at FROM"
                + " login_challenge WHERE token_hash = ? FOR UPDATE")) {
            select.setString(1, challengeHash);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || !clock.instant().isBefore(rs.getObject(3, OffsetDateTime.class).toInstant())) {
                    return new Refused(Reason.BAD_SECOND_FACTOR);
                }
                accountId = rs.getString(1);
                attempts = rs.getInt(2);
            }
        }
        String organisationId;
        int failed;
        String secret;
        Long lastStep;
        try (PreparedStatement select = c.prepareStatement("SELECT organisation_id, failed_logins, locked_at, status,"
                + " totp_secret_enc, totp_last_step FROM account WHERE id = ? FOR UPDATE")) {
            select.setString(1, accountId);
            try (ResultSet rs = select.executeQuery()) {
                boolean found = rs.next();
                boolean locked = found && rs.getObject(3) != null;
                if (!found || locked || !"active".equals(rs.getString(4))) {
                    deleteChallenge(c, challengeHash);
                    return new Refused(locked ? Reason.LOCKED : Reason.FROZEN);
                }
                organisationId = rs.getString(1);
                failed = rs.getInt(2);
                secret = rs.getString(5);
                long step = rs.getLong(6);
                lastStep = rs.wasNull() ? null : step;
            }
        }
        if (cipher == null || secret == null) {
            return new Refused(Reason.SECOND_FACTOR_UNAVAILABLE);
        }
        var accepted = Totp.verify(java.util.Base64.getDecoder().decode(cipher.decrypt(secret, TOTP_PURPOSE)), code,
                clock.instant(), lastStep);
        if (accepted.isEmpty()) {
            if (attempts + 1 >= MAX_CHALLENGE_ATTEMPTS) {
                deleteChallenge(c, challengeHash);
            } else {
                try (PreparedStatement update = c.prepareStatement(
                        "UPDATE login_challenge SET attempts = attempts + 1 WHERE token_hash = ?")) {
                    update.setString(1, challengeHash);
                    update.executeUpdate();
                }
            }
            LoginResult failure = countFailure(c, accountId, organisationId, failed, ip, "second-factor code mismatch");
            return failure instanceof Refused r && r.reason() == Reason.LOCKED ? failure
                    : new Refused(Reason.BAD_SECOND_FACTOR);
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE account SET totp_last_step = ? WHERE id = ?")) {
            update.setLong(1, accepted.getAsLong());
            update.setString(2, accountId);
            update.executeUpdate();
        }
        deleteChallenge(c, challengeHash);
        return openSession(c, accountId, organisationId, ip, "with second factor");
    }

    /** Counts a failed attempt; locks the account at the limit (FJ-7). */
    private LoginResult countFailure(Connection c, String accountId, String organisationId, int failed, String ip,
            String what) throws SQLException {
        Actor actor = new Actor(accountId, organisationId, null, ip);
        int now = failed + 1;
        boolean lockNow = now >= maxFailedLogins;
        try (PreparedStatement update = c.prepareStatement("UPDATE account SET failed_logins = ?, locked_at = ?,"
                + " row_version = row_version + 1 WHERE id = ?")) {
            update.setInt(1, now);
            update.setObject(2, lockNow ? OffsetDateTime.now(clock) : null);
            update.setString(3, accountId);
            update.executeUpdate();
        }
        audit.record(new AuditEvent("login.failure", actor, "account", accountId, null, null,
                what + "; consecutive failures: " + now));
        if (lockNow) {
            audit.record(new AuditEvent("account.lock", Actor.SYSTEM, "account", accountId,
                    "{\"locked\":false}", "{\"locked\":true}", maxFailedLogins + " consecutive failed logins"));
            LOG.warn("Account {} locked after {} consecutive failed logins", accountId, now);
            return new Refused(Reason.LOCKED);
        }
        return new Refused(Reason.BAD_CREDENTIALS);
    }

    private static void deleteChallenge(Connection c, String challengeHash) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM login_challenge WHERE token_hash = ?")) {
            delete.setString(1, challengeHash);
            delete.executeUpdate();
        }
    }

    /** Starts a session for an account whose credentials were all checked. */
    private LoginResult openSession(Connection c, String accountId, String organisationId, String ip, String detail)
            throws SQLException {
        try (PreparedStatement reset = c.prepareStatement("UPDATE account SET failed_logins = 0 WHERE id = ?")) {
            reset.setString(1, accountId);
            reset.executeUpdate();
        }
        try (PreparedStatement key = c.prepareStatement("SELECT username_key FROM account WHERE id = ?")) {
            key.setString(1, accountId);
            try (ResultSet rs = key.executeQuery()) {
                if (rs.next()) {
                    throttle.succeeded(c, rs.getString(1), clock.instant());
                }
            }
        }
        // Housekeeping on the way (by index): everyone's sessions past their absolute end, and stale challenges.
        // Sessions ended by idleness are refused at once and go when their absolute end passes.
        try (PreparedStatement purge = c.prepareStatement("DELETE FROM web_session WHERE expires_at < ?")) {
            purge.setObject(1, utc(clock.instant()));
            purge.executeUpdate();
        }
        try (PreparedStatement purge = c.prepareStatement("DELETE FROM login_challenge WHERE expires_at < ?")) {
            purge.setObject(1, utc(clock.instant()));
            purge.executeUpdate();
        }
        String token = Tokens.random(random);
        String csrf = Tokens.random(random);
        Instant now = clock.instant();
        Instant expires = now.plus(absolute);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO web_session (token_hash, account_id,"
                + " csrf_token, created_at, last_seen_at, expires_at, client_ip) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, Tokens.sha256(token));
            insert.setString(2, accountId);
            insert.setString(3, csrf);
            insert.setObject(4, utc(now));
            insert.setObject(5, utc(now));
            insert.setObject(6, utc(expires));
            insert.setString(7, ip);
            insert.executeUpdate();
        }
        Caller caller = caller(c, accountId).orElseThrow();
        audit.record(new AuditEvent("login.success", new Actor(accountId, organisationId, null, ip), "account",
                accountId, null, null, detail));
        return new SignedIn(new Session(caller, csrf, expires), token);
    }

    @Override
    public Optional<Session> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String tokenHash = Tokens.sha256(token);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            String accountId;
            String csrf;
            Instant lastSeen;
            Instant expires;
            try (PreparedStatement select = c.prepareStatement("SELECT s.account_id, s.csrf_token, s.last_seen_at,"
                    + " s.expires_at FROM web_session s JOIN account a ON a.id = s.account_id"
                    + " JOIN organisation o ON o.id = a.organisation_id"
                    + " WHERE s.token_hash = ? AND a.status = 'active' AND a.locked_at IS NULL"
                    + " AND NOT EXISTS (SELECT 1 FROM organisation d WHERE " + DISABLED_ANCESTOR + ")")) {
                select.setString(1, tokenHash);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    accountId = rs.getString(1);
                    csrf = rs.getString(2);
                    lastSeen = rs.getObject(3, OffsetDateTime.class).toInstant();
                    expires = rs.getObject(4, OffsetDateTime.class).toInstant();
                }
            }
            if (!now.isBefore(expires) || !now.isBefore(lastSeen.plus(idle))) {
                delete(c, tokenHash);
                return Optional.empty();
            }
            if (now.isAfter(lastSeen.plus(TOUCH_INTERVAL))) {
                try (PreparedStatement touch = c.prepareStatement(
                        "UPDATE web_session SET last_seen_at = ? WHERE token_hash = ?")) {
                    touch.setObject(1, utc(now));
                    touch.setString(2, tokenHash);
                    touch.executeUpdate();
                }
            }
            return caller(c, accountId).map(caller -> new Session(caller, csrf, expires));
        } catch (SQLException e) {
            throw new IllegalStateException("session lookup failed: database unavailable", e);
        }
    }

    @Override
    public void logout(String token, String clientIp) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            String tokenHash = Tokens.sha256(token);
            String accountId = null;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT account_id FROM web_session WHERE token_hash = ?")) {
                select.setString(1, tokenHash);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        accountId = rs.getString(1);
                    }
                }
            }
            if (accountId != null && delete(c, tokenHash)) {
                audit.record(new AuditEvent("logout", new Actor(accountId, null, null, clientIp), "account",
                        accountId, null, null, null));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sign-out failed: database unavailable", e);
        }
    }

    /** The caller an account is, with its organisation path and the permissions of its roles. */
    private Optional<Caller> caller(Connection c, String accountId) throws SQLException {
        String username;
        String displayName;
        String organisationId;
        String path;
        boolean mustChange;
        boolean totpEnabled;
        boolean profileIncomplete;
        try (PreparedStatement select = c.prepareStatement("SELECT a.username, a.display_name, a.organisation_id,"
                + " o.path, a.must_change_password, a.totp_enabled, a.profile_completed_at FROM account a"
                + " JOIN organisation o ON o.id = a.organisation_id WHERE a.id = ?")) {
            select.setString(1, accountId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                username = rs.getString(1);
                displayName = rs.getString(2);
                organisationId = rs.getString(3);
                path = rs.getString(4);
                mustChange = rs.getBoolean(5);
                totpEnabled = rs.getBoolean(6);
                profileIncomplete = rs.getObject(7) == null;
            }
        }
        Set<String> roles = new HashSet<>();
        Set<String> permissions = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement("SELECT r.role, p.permission FROM account_role r"
                + " LEFT JOIN role_permission p ON p.role = r.role WHERE r.account_id = ?")) {
            select.setString(1, accountId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                    if (rs.getString(2) != null) {
                        permissions.add(rs.getString(2));
                    }
                }
            }
        }
        boolean mustEnroll = secondFactorForAdministrators && roles.contains(ADMINISTRATOR) && !totpEnabled;
        return Optional.of(new Caller(accountId, username, displayName, organisationId, path, roles, permissions,
                mustChange, mustEnroll, profileIncomplete));
    }

    private static boolean delete(Connection c, String tokenHash) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM web_session WHERE token_hash = ?")) {
            delete.setString(1, tokenHash);
            return delete.executeUpdate() > 0;
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
