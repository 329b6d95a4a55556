package org.zhicheng.identity.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.identity.Authentication.Reason;
import org.zhicheng.api.identity.Authentication.Refused;
import org.zhicheng.api.identity.Authentication.SecondFactorRequired;
import org.zhicheng.api.identity.Authentication.SignedIn;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.IdentityException;
import org.zhicheng.api.identity.SecondFactors.Enrollment;
import org.zhicheng.identity.internal.audit.DatabaseAuditTrail;
import org.zhicheng.identity.internal.crypto.PasswordHasher;
import org.zhicheng.identity.internal.crypto.PiiCipher;
import org.zhicheng.identity.internal.crypto.Totp;
import org.zhicheng.persistence.internal.TestDatabases;
import org.zhicheng.persistence.internal.TestDatabases.TestDatabase;

/** TOTP two-factor sign-in: required for administrators, set up by the account holder, each code once. */
class SecondFactorTest {

    static final String PASSWORD = "Kx7#vPq2!mRt";
    static final PasswordHasher HASHER = new PasswordHasher(PasswordHasher.Settings.DEFAULTS);
    static final PiiCipher CIPHER = new PiiCipher("t1", HexFormat.of().parseHex("0123456789abcdeffedcba9876543210"),
            "a lookup key of thirty-two bytes".getBytes(StandardCharsets.US_ASCII));

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void administratorsSetUpTotpAndThenEverySignInNeedsAFreshCode(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            TestDatabases.migrate(db.dataSource());
            org.zhicheng.persistence.internal.TestClock clock = new org.zhicheng.persistence.internal.TestClock();
            DatabaseAuditTrail audit = new DatabaseAuditTrail(db.dataSource(), clock);
            IdentityStore store = new IdentityStore(db.dataSource(), clock);
            var root = store.createOrganisation(null, "platform", "平台", "active");
            store.createAccount("admin", "管理员", root.id(), HASHER.hash(PASSWORD), false, List.of("platform-admin"));
            store.createAccount("reviewer", "审核员", root.id(), HASHER.hash(PASSWORD), false, List.of("unit-reviewer"));
            DatabaseAuthentication auth = new DatabaseAuthentication(db.dataSource(), audit, HASHER, clock, 5,
                    Duration.ofMinutes(30), Duration.ofHours(12)).withSecondFactor(CIPHER, true);
            DatabaseSecondFactors factors = new DatabaseSecondFactors(db.dataSource(), audit, CIPHER, clock);

            Caller admin = ((SignedIn) auth.login("admin", PASSWORD, null)).session().caller();
            assertTrue(admin.mustEnrollSecondFactor(), "administrators must set up TOTP first");
            assertFalse(((SignedIn) auth.login("reviewer", PASSWORD, null)).session().caller()
                    .mustEnrollSecondFactor(), "optional for everyone else");

            Enrollment enrollment = factors.begin(admin, null);
            byte[] secret = new Base32().decode(enrollment.secret());
            assertEquals("wrong-code", assertThrows(IdentityException.class,
                    () -> factors.confirm(admin, "000000".equals(Totp.code(secret, clock.instant())) ? "111111"
                            : "000000", null)).code());
            factors.confirm(admin, Totp.code(secret, clock.instant()), null);
            assertEquals(409, assertThrows(IdentityException.class, () -> factors.begin(admin, null)).status());

            // From now on the password alone is not enough.
            SecondFactorRequired challenge = assertInstanceOf(SecondFactorRequired.class,
                    auth.login("admin", PASSWORD, null));
            assertEquals(new Refused(Reason.BAD_SECOND_FACTOR), auth.completeSecondFactor(challenge.challenge(),
                    Totp.code(secret, clock.instant()), null), "the code used for the setup cannot be used again");
            clock.advance(Duration.ofSeconds(30));
            SignedIn in = assertInstanceOf(SignedIn.class, auth.completeSecondFactor(challenge.challenge(),
                    Totp.code(secret, clock.instant()), null));
            assertFalse(in.session().caller().mustEnrollSecondFactor());
            assertEquals(new Refused(Reason.BAD_SECOND_FACTOR), auth.completeSecondFactor(challenge.challenge(),
                    Totp.code(secret, clock.instant()), null), "a challenge is used once");
            assertEquals(new Refused(Reason.BAD_SECOND_FACTOR), auth.completeSecondFactor("forged", "123456", null));

            // Wrong codes count towards the lockout like wrong passwords (FJ-7).
            SecondFactorRequired next = (SecondFactorRequired) auth.login("admin", PASSWORD, null);
            Refused last = null;
            for (int i = 0; i < 5; i++) {
                String wrong = String.format("%06d", (Integer.parseInt(Totp.code(secret, clock.instant())) + 1) % 1_000_000);
                SecondFactorRequired attempt = i == 0 ? next : (SecondFactorRequired) auth.login("admin", PASSWORD, null);
                last = (Refused) auth.completeSecondFactor(attempt.challenge(), wrong, null);
            }
            assertEquals(new Refused(Reason.LOCKED), last);
            assertEquals(new Refused(Reason.LOCKED), auth.login("admin", PASSWORD, null));

            // Without the keys that protect the secrets, a TOTP account cannot sign in, and says why.
            store.unlock(admin.accountId());
            DatabaseAuthentication keyless = new DatabaseAuthentication(db.dataSource(), audit, HASHER, clock, 5,
                    Duration.ofMinutes(30), Duration.ofHours(12));
            assertEquals(new Refused(Reason.SECOND_FACTOR_UNAVAILABLE), keyless.login("admin", PASSWORD, null));
        }
    }
}
