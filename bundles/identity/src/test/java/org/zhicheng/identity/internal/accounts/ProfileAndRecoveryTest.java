package org.zhicheng.identity.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.identity.AccountAdministration.Profile;
import org.zhicheng.api.identity.Authentication.Reason;
import org.zhicheng.api.identity.Authentication.Refused;
import org.zhicheng.api.identity.Authentication.SignedIn;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.IdentityException;
import org.zhicheng.identity.internal.accounts.DatabaseAccountAdministrationTest.Fixture;
import org.zhicheng.identity.internal.validation.PasswordPolicy;
import org.zhicheng.notification.internal.DatabaseOutbox;
import org.zhicheng.persistence.internal.TestClock;
import org.zhicheng.persistence.internal.TestDatabases;

/** FJ-7 profile at first sign-in; GD-PHOTO-7 recovery by a one-time e-mail link and a city changing an e-mail. */
class ProfileAndRecoveryTest {

    static final String PASSWORD = DatabaseAccountAdministrationTest.PASSWORD;
    static final String NEW_PASSWORD = "Recovered#2026-ok";
    static final Pattern LINK = Pattern.compile("https://zc\\.example\\.gov\\.cn/recover#token=([A-Za-z0-9_-]{43})");

    static DatabasePasswordRecovery recovery(Fixture f, Clock clock, String publicUrl) {
        return new DatabasePasswordRecovery(f.db().dataSource(), f.audit(), new DatabaseOutbox(clock),
                DatabaseAccountAdministrationTest.HASHER, PasswordPolicy.defaults(), clock,
                new DatabasePasswordRecovery.Settings(publicUrl, Duration.ofMinutes(30), 3));
    }

    static List<String[]> outbox(Fixture f) throws Exception {
        try (Connection c = f.db().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT recipient, subject, body, purpose FROM notification_outbox ORDER BY created_at, id");
                ResultSet rs = s.executeQuery()) {
            List<String[]> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
            return rows;
        }
    }

    static String token(String body) {
        Matcher m = LINK.matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    static Caller signIn(Fixture f, String username, String password) {
        return assertInstanceOf(SignedIn.class, f.auth().login(username, password, null)).session().caller();
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void theProfileIsCompletedOnceWithAValidAddress(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = DatabaseAccountAdministrationTest.fixture(factory)) {
            assertTrue(f.hospitalA().mustCompleteProfile(), "FJ-7: a new account completes its profile first");
            IdentityException bad = assertThrows(IdentityException.class, () -> f.admin().completeProfile(
                    f.hospitalA(), new Profile(" ", "not-an-address"), null));
            assertEquals(400, bad.status());
            assertEquals(List.of("displayName", "email"), bad.problems().stream().map(p -> p.path()).toList());
            f.admin().completeProfile(f.hospitalA(), new Profile("甲医生", "Jia@Hospital-A.example.cn"), "10.0.0.9");
            Caller after = signIn(f, "reviewer.a", PASSWORD);
            assertFalse(after.mustCompleteProfile());
            assertEquals("甲医生", after.displayName());
            assertTrue(DatabaseAccountAdministrationTest.actions(f).contains("account.profile"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void aMailedLinkSetsANewPasswordOnceAndEndsTheSessions(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = DatabaseAccountAdministrationTest.fixture(factory)) {
            f.admin().completeProfile(f.hospitalA(), new Profile("甲", "Jia@Hospital-A.example.cn"), null);
            SignedIn open = assertInstanceOf(SignedIn.class, f.auth().login("reviewer.a", PASSWORD, null));
            TestClock clock = new TestClock(Instant.now());
            DatabasePasswordRecovery recovery = recovery(f, clock, "https://zc.example.gov.cn/");

            recovery.request("ｊｉａ@hospital-a.EXAMPLE.cn", "10.3.3.3");
            List<String[]> mails = outbox(f);
            assertEquals(1, mails.size());
            assertEquals("Jia@Hospital-A.example.cn", mails.get(0)[0], "to the address as registered");
            assertEquals("password-recovery", mails.get(0)[3]);
            assertTrue(mails.get(0)[2].contains("reviewer.a"), "the mail names the username (forgotten usernames)");
            String token = token(mails.get(0)[2]);

            IdentityException weak = assertThrows(IdentityException.class, () -> recovery.complete(token, "123456",
                    null));
            assertEquals("weak-password", weak.code());
            recovery.complete(token, NEW_PASSWORD, "10.3.3.3");
            assertTrue(f.auth().resolve(open.token()).isEmpty(), "sessions end with the new password");
            assertInstanceOf(SignedIn.class, f.auth().login("reviewer.a", NEW_PASSWORD, null));
            assertEquals(Reason.BAD_CREDENTIALS, assertInstanceOf(Refused.class,
                    f.auth().login("reviewer.a", PASSWORD, null)).reason());
            IdentityException again = assertThrows(IdentityException.class, () -> recovery.complete(token,
                    "Another#2026-pass", null));
            assertEquals("recovery-link-invalid", again.code(), "a link works once");
            assertTrue(DatabaseAccountAdministrationTest.actions(f).contains("account.password-recovered"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void unknownAddressesLookTheSameAndMailboxesAreNotFlooded(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = DatabaseAccountAdministrationTest.fixture(factory)) {
            f.admin().completeProfile(f.hospitalA(), new Profile("甲", "jia@hospital-a.example.cn"), null);
            TestClock clock = new TestClock(Instant.now());
            DatabasePasswordRecovery recovery = recovery(f, clock, "https://zc.example.gov.cn");
            recovery.request("nobody@nowhere.example.cn", null);
            assertEquals(0, outbox(f).size());
            for (int i = 0; i < 5; i++) {
                recovery.request("jia@hospital-a.example.cn", null);
            }
            assertEquals(3, outbox(f).size(), "at most 3 links per account and hour");
            clock.advance(Duration.ofMinutes(61));
            recovery.request("jia@hospital-a.example.cn", null);
            assertEquals(4, outbox(f).size());
            assertThrows(IdentityException.class, () -> recovery.request("not an address", null));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void expiredLinksLockedAccountsAndMissingConfigurationAreRefused(TestDatabases.Factory factory)
            throws Exception {
        try (Fixture f = DatabaseAccountAdministrationTest.fixture(factory)) {
            f.admin().completeProfile(f.hospitalA(), new Profile("甲", "jia@hospital-a.example.cn"), null);
            TestClock clock = new TestClock(Instant.now());
            DatabasePasswordRecovery recovery = recovery(f, clock, "https://zc.example.gov.cn");
            recovery.request("jia@hospital-a.example.cn", null);
            String expired = token(outbox(f).get(0)[2]);
            clock.advance(Duration.ofMinutes(31));
            assertEquals("recovery-link-invalid", assertThrows(IdentityException.class,
                    () -> recovery.complete(expired, NEW_PASSWORD, null)).code());

            recovery.request("jia@hospital-a.example.cn", null);
            String fresh = token(outbox(f).get(1)[2]);
            for (int i = 0; i < 5; i++) {
                f.auth().login("reviewer.a", "wrong", null);
            }
            IdentityException locked = assertThrows(IdentityException.class,
                    () -> recovery.complete(fresh, NEW_PASSWORD, null));
            assertEquals(423, locked.status(), "FJ-7: only an administrator lifts a lock");

            IdentityException off = assertThrows(IdentityException.class,
                    () -> recovery(f, clock, "").request("jia@hospital-a.example.cn", null));
            assertEquals(503, off.status());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void aSuperiorChangesTheRegisteredAddressWithinItsScopeOnly(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = DatabaseAccountAdministrationTest.fixture(factory)) {
            f.admin().changeEmail(f.district(), f.reviewerA(), "u0032@gdwsrc.net", "10.0.0.1");
            assertEquals("u0032@gdwsrc.net", f.admin().list(f.district(), f.hospitalA().organisationId()).stream()
                    .filter(a -> a.id().equals(f.reviewerA())).findFirst().orElseThrow().email());
            assertEquals(404, assertThrows(IdentityException.class, () -> f.admin().changeEmail(f.hospitalA(),
                    f.reviewerB(), "x@y.example.cn", null)).status(), "another hospital's account is out of scope");
            assertEquals(400, assertThrows(IdentityException.class, () -> f.admin().changeEmail(f.district(),
                    f.reviewerA(), "u0032@", null)).status());
            var change = f.audit().find(org.zhicheng.api.audit.AuditQuery.all(0, 1000)).stream()
                    .filter(e -> e.event().action().equals("account.change-email")).findFirst().orElseThrow();
            assertEquals("{\"email\":\"u0032@gdwsrc.net\"}", change.event().after());
        }
    }
}
