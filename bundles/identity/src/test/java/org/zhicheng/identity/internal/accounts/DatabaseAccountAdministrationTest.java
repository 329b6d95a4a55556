package org.zhicheng.identity.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.audit.AuditQuery;
import org.zhicheng.api.identity.AccountAdministration;
import org.zhicheng.api.identity.Authentication.Reason;
import org.zhicheng.api.identity.Authentication.Refused;
import org.zhicheng.api.identity.Authentication.SignedIn;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.IdentityException;
import org.zhicheng.identity.internal.audit.DatabaseAuditTrail;
import org.zhicheng.identity.internal.auth.DatabaseAuthentication;
import org.zhicheng.identity.internal.auth.IdentityStore;
import org.zhicheng.identity.internal.crypto.PasswordHasher;
import org.zhicheng.identity.internal.validation.PasswordPolicy;
import org.zhicheng.persistence.internal.TestDatabases;
import org.zhicheng.persistence.internal.TestDatabases.TestDatabase;

/** Unlock (FJ-7), freeze/delete (CQ-ORG-4/5), one-time passwords (FJ-9) and password change (CQ-ORG-3), scoped. */
class DatabaseAccountAdministrationTest {

    static final String PASSWORD = "Kx7#vPq2!mRt";
    static final PasswordHasher HASHER = new PasswordHasher(PasswordHasher.Settings.DEFAULTS);


    /**
     * A district commission with two hospitals; an administrator at the district, a reviewer in each hospital.
     */
    record Fixture(TestDatabase db, DatabaseAuthentication auth, DatabaseAccountAdministration admin,
            DatabaseAuditTrail audit, IdentityStore store, Caller district, Caller hospitalA, String reviewerA,
            String reviewerB) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            db.close();
        }
    }

    static Fixture fixture(TestDatabases.Factory factory) throws Exception {
        TestDatabase db = factory.create();
        TestDatabases.migrate(db.dataSource());
        Clock clock = Clock.systemUTC();
        DatabaseAuditTrail audit = new DatabaseAuditTrail(db.dataSource(), clock);
        IdentityStore store = new IdentityStore(db.dataSource(), clock);
        var district = store.createOrganisation(null, "district-commission", "渝中区卫生健康委", "active");
        var a = store.createOrganisation(district.id(), "unit", "第一医院", "active");
        var b = store.createOrganisation(district.id(), "unit", "第二医院", "active");
        store.createAccount("district.admin", "区管理员", district.id(), HASHER.hash(PASSWORD), false,
                List.of("district-reviewer"));
        String reviewerA = store.createAccount("reviewer.a", "甲", a.id(), HASHER.hash(PASSWORD), false,
                List.of("unit-reviewer"));
        String reviewerB = store.createAccount("reviewer.b", "乙", b.id(), HASHER.hash(PASSWORD), false,
                List.of("unit-reviewer"));
        DatabaseAuthentication auth = new DatabaseAuthentication(db.dataSource(), audit, HASHER, clock, 5,
                Duration.ofMinutes(30), Duration.ofHours(12));
        DatabaseAccountAdministration admin = new DatabaseAccountAdministration(db.dataSource(), audit, HASHER,
                PasswordPolicy.defaults(), clock);
        Caller districtCaller = ((SignedIn) auth.login("district.admin", PASSWORD, null)).session().caller();
        Caller hospitalA = ((SignedIn) auth.login("reviewer.a", PASSWORD, null)).session().caller();
        return new Fixture(db, auth, admin, audit, store, districtCaller, hospitalA, reviewerA, reviewerB);
    }

    static List<String> actions(Fixture f) {
        return f.audit().find(AuditQuery.all(0, 1000)).stream().map(e -> e.event().action()).toList();
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void issuesAccountsWithinScopeAndNeverMorePowerfulThanTheIssuer(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            String hospitalA = f.hospitalA().organisationId();
            var created = f.admin().create(f.district(), new AccountAdministration.NewAccount("u0032@gdwsrc.net",
                    "王芳", hospitalA, Set.of("unit-reviewer")), "10.0.0.1");
            assertEquals(20, created.oneTimePassword().length());
            SignedIn in = (SignedIn) f.auth().login("U0032@GDWSRC.NET", created.oneTimePassword(), null);
            assertTrue(in.session().caller().mustChangePassword());
            assertEquals(List.of("reviewer.a", "u0032@gdwsrc.net"), f.admin().list(f.district(), hospitalA).stream()
                    .map(AccountAdministration.AccountSummary::username).toList());

            assertEquals("username-taken", assertThrows(IdentityException.class, () -> f.admin().create(f.district(),
                    new AccountAdministration.NewAccount("u0032@GDWSRC.net", "另一人", hospitalA,
                            Set.of("unit-reviewer")), null)).code());
            assertEquals("role-not-grantable", assertThrows(IdentityException.class, () -> f.admin().create(
                    f.district(), new AccountAdministration.NewAccount("boss", "越权", hospitalA,
                            Set.of("platform-admin")), null)).code(), "a district cannot make a platform administrator");
            assertEquals("role-not-grantable", assertThrows(IdentityException.class, () -> f.admin().create(
                    f.district(), new AccountAdministration.NewAccount("ghost", "幽灵", hospitalA,
                            Set.of("no-such-role")), null)).code());
            assertEquals(404, assertThrows(IdentityException.class, () -> f.admin().create(f.hospitalA(),
                    new AccountAdministration.NewAccount("outsider", "外人", f.district().organisationId(),
                            Set.of("unit-reviewer")), null)).status(), "not above one's own organisation");
            assertEquals(404, assertThrows(IdentityException.class,
                    () -> f.admin().list(f.hospitalA(), f.district().organisationId())).status());
            IdentityException invalid = assertThrows(IdentityException.class, () -> f.admin().create(f.district(),
                    new AccountAdministration.NewAccount("x", "", hospitalA, Set.of()), null));
            assertEquals(List.of("username", "displayName", "roles"),
                    invalid.problems().stream().map(p -> p.path()).toList());
            assertTrue(actions(f).contains("account.create"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void unlocksOnlyWithinTheCallersSubtree(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            for (int i = 0; i < 5; i++) {
                f.auth().login("reviewer.b", "wrong", null);
            }
            assertEquals(new Refused(Reason.LOCKED), f.auth().login("reviewer.b", PASSWORD, null));
            IdentityException foreign = assertThrows(IdentityException.class,
                    () -> f.admin().unlock(f.hospitalA(), f.reviewerB(), null));
            assertEquals(404, foreign.status(), "another hospital's account is as good as nonexistent");
            assertThrows(IdentityException.class, () -> f.admin().unlock(f.district(), "no-such-id", null));

            f.admin().unlock(f.district(), f.reviewerB(), "10.0.0.1");
            assertInstanceOf(SignedIn.class, f.auth().login("reviewer.b", PASSWORD, null));
            assertTrue(actions(f).contains("account.unlock"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void freezeEndsSessionsAndDeleteFreesTheUsername(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            SignedIn session = (SignedIn) f.auth().login("reviewer.a", PASSWORD, null);
            assertEquals(409, assertThrows(IdentityException.class,
                    () -> f.admin().freeze(f.hospitalA(), f.hospitalA().accountId(), null)).status(), "not oneself");
            f.admin().freeze(f.district(), f.reviewerA(), null);
            assertTrue(f.auth().resolve(session.token()).isEmpty());
            assertEquals(new Refused(Reason.FROZEN), f.auth().login("reviewer.a", PASSWORD, null));
            assertEquals(409, assertThrows(IdentityException.class,
                    () -> f.admin().freeze(f.district(), f.reviewerA(), null)).status(), "already frozen");
            f.admin().unfreeze(f.district(), f.reviewerA(), null);
            assertInstanceOf(SignedIn.class, f.auth().login("reviewer.a", PASSWORD, null));

            f.admin().delete(f.district(), f.reviewerA(), null);
            assertEquals(new Refused(Reason.BAD_CREDENTIALS), f.auth().login("reviewer.a", PASSWORD, null));
            assertEquals(404, assertThrows(IdentityException.class,
                    () -> f.admin().unlock(f.district(), f.reviewerA(), null)).status());
            // CQ-ORG-5: the person can register again, e.g. under the right unit.
            f.store().createAccount("Reviewer.A", "甲", f.district().organisationId(), HASHER.hash(PASSWORD), false,
                    List.of("unit-reviewer"));
            assertTrue(actions(f).containsAll(List.of("account.freeze", "account.unfreeze", "account.delete")));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void resetIssuesAOneTimePasswordThatMustBeChanged(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            String secret = f.admin().resetPassword(f.district(), f.reviewerA(), null);
            assertEquals(20, secret.length());
            assertEquals(new Refused(Reason.BAD_CREDENTIALS), f.auth().login("reviewer.a", PASSWORD, null));
            SignedIn in = (SignedIn) f.auth().login("reviewer.a", secret, null);
            Caller caller = in.session().caller();
            assertTrue(caller.mustChangePassword());
            assertFalse(f.admin().resetPassword(f.district(), f.reviewerA(), null).equals(secret), "a fresh one");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void changeChecksTheCurrentPasswordAndThePolicyThenEndsEverySession(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            SignedIn in = (SignedIn) f.auth().login("reviewer.a", PASSWORD, null);
            Caller me = in.session().caller();
            IdentityException wrong = assertThrows(IdentityException.class,
                    () -> f.admin().changePassword(me, "not-it", "N3w&Strong-Pass", null));
            assertEquals("wrong-current-password", wrong.code());
            IdentityException weak = assertThrows(IdentityException.class,
                    () -> f.admin().changePassword(me, PASSWORD, "abc", null));
            assertEquals("weak-password", weak.code());
            assertTrue(weak.problems().size() >= 2, "each failed rule is listed: " + weak.problems());
            assertEquals(400, assertThrows(IdentityException.class,
                    () -> f.admin().changePassword(me, PASSWORD, "reviewer.a-2026!X", null)).status(),
                    "the username may not be in the password");
            assertTrue(f.auth().resolve(in.token()).isPresent(), "a refused change changes nothing");

            f.admin().changePassword(me, PASSWORD, "N3w&Strong-Pass", null);
            assertTrue(f.auth().resolve(in.token()).isEmpty(), "every session ends");
            SignedIn again = (SignedIn) f.auth().login("reviewer.a", "N3w&Strong-Pass", null);
            assertFalse(again.session().caller().mustChangePassword());
            assertTrue(actions(f).contains("account.change-password"));
            assertTrue(f.audit().verify().intact());
        }
    }
}
