package org.zhicheng.identity.internal.auth;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Base64;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditEvent.Actor;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.IdentityException;
import org.zhicheng.api.identity.SecondFactors;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.identity.internal.crypto.PiiCipher;
import org.zhicheng.identity.internal.crypto.Totp;
import org.zhicheng.api.persistence.Transactions;

/**
 * Setting up TOTP on one's own account: a new secret is stored encrypted (not yet in force), and takes effect once
 * a code from the app confirms it. Does not start without the personal-data keys that protect the secrets.
 */
@Component(service = SecondFactors.class, configurationPid = "org.zhicheng.identity")
public final class DatabaseSecondFactors implements SecondFactors {

    private static final String ISSUER = "Zhicheng";

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final PiiCipher cipher;
    private final Clock clock;

    @Activate
    public DatabaseSecondFactors(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference AuditTrail audit, IdentitySettings settings) {
        this(dataSource, audit, PiiCipher.fromConfiguration(settings.pii_keyId(), settings.pii_encryptionKey(),
                settings.pii_lookupKey()), Clock.systemUTC());
    }

    public DatabaseSecondFactors(DataSource dataSource, AuditTrail audit, PiiCipher cipher, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public Enrollment begin(Caller caller, String clientIp) {
        byte[] secret = Totp.newSecret();
        Transactions.inTransaction(dataSource, "second-factor setup", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE account SET totp_secret_enc = ?, totp_last_step = NULL"
                    + " WHERE id = ? AND totp_enabled = FALSE")) {
                s.setString(1, cipher.encrypt(Base64.getEncoder().encodeToString(secret),
                        DatabaseAuthentication.TOTP_PURPOSE));
                s.setString(2, caller.accountId());
                if (s.executeUpdate() == 0) {
                    throw new IdentityException(409, "second-factor-already-on", "该账号已启用动态验证码。",
                            "Two-factor sign-in is already on for this account.");
                }
            }
            return null;
        });
        audit.record(event(caller, clientIp, "account.second-factor-begin"));
        return new Enrollment(Totp.base32(secret), Totp.uri(ISSUER, caller.username(), secret));
    }

    @Override
    public void confirm(Caller caller, String code, String clientIp) {
        Transactions.inTransaction(dataSource, "second-factor setup", c -> {
            String sealed;
            try (PreparedStatement s = c.prepareStatement("SELECT totp_secret_enc FROM account WHERE id = ?"
                    + " AND totp_enabled = FALSE FOR UPDATE")) {
                s.setString(1, caller.accountId());
                try (ResultSet rs = s.executeQuery()) {
                    sealed = rs.next() ? rs.getString(1) : null;
                }
            }
            if (sealed == null) {
                throw new IdentityException(400, "second-factor-not-started", "请先获取新的密钥并添加到验证器应用。",
                        "Start the setup first and add the new secret to your authenticator app.");
            }
            byte[] secret = Base64.getDecoder().decode(cipher.decrypt(sealed, DatabaseAuthentication.TOTP_PURPOSE));
            var step = Totp.verify(secret, code, clock.instant(), null);
            if (step.isEmpty()) {
                throw new IdentityException(400, "wrong-code", "验证码不正确，请输入验证器应用当前显示的6位数字。",
                        "The code is wrong; enter the 6 digits your authenticator app shows now.");
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE account SET totp_enabled = TRUE, totp_last_step = ? WHERE id = ?")) {
                s.setLong(1, step.getAsLong());
                s.setString(2, caller.accountId());
                s.executeUpdate();
            }
            return null;
        });
        audit.record(event(caller, clientIp, "account.second-factor-enable"));
    }

    private static AuditEvent event(Caller caller, String ip, String action) {
        return new AuditEvent(action, new Actor(caller.accountId(), caller.organisationId(), null, ip), "account",
                caller.accountId(), null, null, null);
    }
}
