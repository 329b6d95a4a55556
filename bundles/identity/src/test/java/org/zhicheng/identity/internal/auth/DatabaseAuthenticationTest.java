package org.zhicheng.identity.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.audit.AuditEntry;
import org.zhicheng.api.audit.AuditQuery;
import org.zhicheng.api.identity.Authentication.LoginResult;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.Authentication.Reason;
import org.zhicheng.api.identity.Authentication.Refused;
import org.zhicheng.api.identity.Authentication.Session;
import org.zhicheng.api.identity.Authentication.SignedIn;
import org.zhicheng.identity.internal.audit.DatabaseAuditTrail;
import org.zhicheng.identity.internal.crypto.PasswordHasher;
import org.zhicheng.persistence.internal.TestClock;
import org.zhicheng.persistence.internal.TestDatabases;
import org.zhicheng.persistence.internal.TestDatabases.TestDatabase;

/** Sign-in, lockout (FJ-7), frozen accounts (CQ-ORG-4), sessions and the first administrator (FJ-9). */
class DatabaseAuthenticationTest {

    static final String PASSWORD = "Kx7#vPq2!mRt";


    /** One database with a unit, an account "Zhang.Wei" (unit reviewer) and the services under test. */
    record Fixture(TestDatabase db, DatabaseAuthentication auth, DatabaseAuditTrail audit, IdentityStore store,
            TestClock clock, String accountId) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            db.close();
        }
    }

    static final PasswordHasher HASHER = new PasswordHasher(PasswordHasher.Settings.DEFAULTS);

    static Fixture fixture(TestDatabases.Factory factory) throws Exception {
        TestDatabase db = factory.create();
        TestDatabases.migrate(db.dataSource());
        TestClock clock = new TestClock();
        DatabaseAuditTrail audit = new DatabaseAuditTrail(db.dataSource(), clock);
        IdentityStore store = new IdentityStore(db.dataSource(), clock);
        var root = store.createOrganisation(null, "province", "省卫生健康委", "active");
        var unit = store.createOrganisation(root.id(), "unit", "市第一人民医院", "active");
        String account = store.createAccount("Zhang.Wei", "张伟", unit.id(), HASHER.hash(PASSWORD), false,
                List.of("unit-reviewer"));
        DatabaseAuthentication auth = new DatabaseAuthentication(db.dataSource(), audit, HASHER, clock, 5,
                Duration.ofMinutes(30), Duration.ofHours(12));
        return new Fixture(db, auth, audit, store, clock, account);
    }

    static int failedLogins(Fixture f) throws SQLException {
        try (Connection c = f.db().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT failed_logins FROM account WHERE id = ?")) {
            s.setString(1, f.accountId());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static List<String> actions(Fixture f) {
        return f.audit().find(AuditQuery.all(0, 1000)).stream().map(e -> e.event().action()).toList();
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void anySignInRemovesEveryonesEndedSessions(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            SignedIn first = assertInstanceOf(SignedIn.class, f.auth().login("zhang.wei", PASSWORD, null));
            String unit = first.session().caller().organisationId();
            f.store().createAccount("li.na", "李娜", unit, HASHER.hash(PASSWORD), false, List.of("unit-reviewer"));
            f.clock().advance(Duration.ofHours(13));
            assertInstanceOf(SignedIn.class, f.auth().login("li.na", PASSWORD, null));
            try (Connection c = f.db().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM web_session WHERE account_id = ?")) {
                s.setString(1, f.accountId());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "the other account's session past its absolute end is gone");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void signsInWithTheCallersScopeAndPermissions(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            SignedIn in = assertInstanceOf(SignedIn.class, f.auth().login("zhang.wei", PASSWORD, "10.1.1.1"));
            assertTrue(in.token().length() >= 43);
            var caller = in.session().caller();
            assertEquals(f.accountId(), caller.accountId());
            assertEquals("Zhang.Wei", caller.username());
            assertTrue(caller.roles().contains("unit-reviewer"));
            assertTrue(caller.has("organisation.read") && !caller.has("account.manage"), caller.permissions().toString());
            assertTrue(caller.organisationPath().endsWith(caller.organisationId() + "/"));

            Session resolved = f.auth().resolve(in.token()).orElseThrow();
            assertEquals(in.session().csrfToken(), resolved.csrfToken());
            assertTrue(f.auth().resolve(in.token() + "x").isEmpty());
            assertTrue(f.auth().resolve(null).isEmpty());
            try (Connection c = f.db().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM web_session WHERE token_hash = ?")) {
                s.setString(1, in.token());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "the token itself is never stored");
                }
            }
            assertEquals(List.of("login.success"), actions(f));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void unknownUserAndWrongPasswordGetTheSameAnswer(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            assertEquals(new Refused(Reason.BAD_CREDENTIALS), f.auth().login("nobody", PASSWORD, "10.1.1.1"));
            assertEquals(new Refused(Reason.BAD_CREDENTIALS), f.auth().login("zhang.wei", "wrong", "10.1.1.1"));
            List<AuditEntry> entries = f.audit().find(AuditQuery.all(0, 100));
            assertEquals(List.of("login.failure", "login.failure"), actions(f));
            assertTrue(entries.stream().noneMatch(e -> String.valueOf(e.event().detail()).contains("wrong")),
                    "no password in the audit log");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void fiveFailuresLockUntilAnAdministratorUnlocks(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            // Case and full-width variants are the same account and share one counter.
            for (String name : List.of("zhang.wei", "ZHANG.WEI", "Ｚｈａｎｇ.Ｗｅｉ", " zhang.wei ")) {
                assertEquals(new Refused(Reason.BAD_CREDENTIALS), f.auth().login(name, "wrong", null));
            }
            assertEquals(4, failedLogins(f));
            assertEquals(new Refused(Reason.LOCKED), f.auth().login("zhang.wei", "wrong", null));
            assertEquals(new Refused(Reason.LOCKED), f.auth().login("zhang.wei", PASSWORD, null),
                    "the right password does not open a locked account");
            assertTrue(actions(f).contains("account.lock"));

            f.store().unlock(f.accountId());
            assertInstanceOf(SignedIn.class, f.auth().login("zhang.wei", PASSWORD, null));
            assertEquals(0, failedLogins(f), "a success resets the count");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void parallelGuessesCannotExceedTheLimit(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<LoginResult>> results = new ArrayList<>();
            try {
                for (int i = 0; i < 24; i++) {
                    results.add(pool.submit(() -> f.auth().login("zhang.wei", "guess", null)));
                }
                Map<LoginResult, Long> counts = new java.util.HashMap<>();
                for (Future<LoginResult> r : results) {
                    counts.merge(r.get(), 1L, Long::sum);
                }
                assertEquals(4L, counts.get(new Refused(Reason.BAD_CREDENTIALS)),
                        "exactly four failures before the lock: " + counts);
                assertEquals(20L, counts.get(new Refused(Reason.LOCKED)));
            } finally {
                pool.shutdownNow();
            }
            assertEquals(5, failedLogins(f));
            assertEquals(5, actions(f).stream().filter("login.failure"::equals).count());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void frozenAccountIsRevealedOnlyToTheRightPassword(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            f.store().setStatus(f.accountId(), "frozen");
            assertEquals(new Refused(Reason.BAD_CREDENTIALS), f.auth().login("zhang.wei", "wrong", null));
            assertEquals(new Refused(Reason.FROZEN), f.auth().login("zhang.wei", PASSWORD, null));
            f.store().setStatus(f.accountId(), "deleted");
            assertEquals(new Refused(Reason.BAD_CREDENTIALS), f.auth().login("zhang.wei", PASSWORD, null),
                    "a deleted account is as unknown as one never made");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void sessionsEndWhenIdleWhenOldAndOnLogout(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            SignedIn idle = (SignedIn) f.auth().login("zhang.wei", PASSWORD, null);
            f.clock().advance(Duration.ofMinutes(29));
            assertTrue(f.auth().resolve(idle.token()).isPresent(), "active within the idle timeout");
            f.clock().advance(Duration.ofMinutes(29));
            assertTrue(f.auth().resolve(idle.token()).isPresent(), "the last request renewed it");
            f.clock().advance(Duration.ofMinutes(31));
            assertTrue(f.auth().resolve(idle.token()).isEmpty(), "idle too long");

            SignedIn busy = (SignedIn) f.auth().login("zhang.wei", PASSWORD, null);
            for (int i = 0; i < 12 * 3 - 1; i++) {
                f.clock().advance(Duration.ofMinutes(20));
                assertTrue(f.auth().resolve(busy.token()).isPresent(), "busy session alive at step " + i);
            }
            f.clock().advance(Duration.ofMinutes(20));
            assertTrue(f.auth().resolve(busy.token()).isEmpty(), "12 hours is the absolute limit");

            SignedIn out = (SignedIn) f.auth().login("zhang.wei", PASSWORD, null);
            f.auth().logout(out.token(), "10.1.1.1");
            assertTrue(f.auth().resolve(out.token()).isEmpty());
            assertTrue(actions(f).contains("logout"));

            SignedIn frozen = (SignedIn) f.auth().login("zhang.wei", PASSWORD, null);
            f.store().setStatus(f.accountId(), "frozen");
            assertTrue(f.auth().resolve(frozen.token()).isEmpty(), "freezing ends the account's sessions");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void firstStartCreatesOneAdministratorWithAOneTimePassword(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            TestDatabases.migrate(db.dataSource());
            TestClock clock = new TestClock();
            DatabaseAuditTrail audit = new DatabaseAuditTrail(db.dataSource(), clock);
            IdentityStore store = new IdentityStore(db.dataSource(), clock);
            Path file = Path.of("target", "first-start-" + java.util.UUID.randomUUID(), "credentials.txt");

            assertTrue(FirstStart.bootstrap(store, audit, "admin", "平台", file));
            assertFalse(FirstStart.bootstrap(store, audit, "admin", "平台", file), "only on a new deployment");
            Map<String, String> credentials = Files.readAllLines(file).stream().filter(l -> l.contains("="))
                    .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
            assertEquals("admin", credentials.get("username"));
            String password = credentials.get("password");
            assertEquals(20, password.length());
            assertFalse(password.equals("123456") || password.equals("admin"));
            if (!System.getProperty("os.name").startsWith("Windows")) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(file)));
            }
            DatabaseAuthentication auth = new DatabaseAuthentication(db.dataSource(), audit, HASHER, clock, 5,
                    Duration.ofMinutes(30), Duration.ofHours(12));
            SignedIn in = assertInstanceOf(SignedIn.class, auth.login("admin", password, null));
            assertTrue(in.session().caller().mustChangePassword(), "the one-time password must be changed");
            assertTrue(in.session().caller().has("audit.verify"));
            assertTrue(audit.verify().intact());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void demoTreeGivesEveryProvinceItsAccounts(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            TestDatabases.migrate(db.dataSource());
            TestClock clock = new TestClock();
            DatabaseAuditTrail audit = new DatabaseAuditTrail(db.dataSource(), clock);
            IdentityStore store = new IdentityStore(db.dataSource(), clock);
            Path dir = Path.of("target", "demo-" + java.util.UUID.randomUUID());
            FirstStart.bootstrap(store, audit, "admin", "平台", dir.resolve("admin.txt"));
            FirstStart.demo(store, audit, dir.resolve("demo.txt"));

            Map<String, String> passwords = Files.readAllLines(dir.resolve("demo.txt")).stream()
                    .filter(l -> !l.startsWith("#")).map(l -> l.split("\t"))
                    .collect(Collectors.toMap(p -> p[0], p -> p[3]));
            assertEquals(15, passwords.size(), passwords.keySet().toString());
            DatabaseAuthentication auth = new DatabaseAuthentication(db.dataSource(), audit, HASHER, clock, 5,
                    Duration.ofMinutes(30), Duration.ofHours(12));
            Caller unit = ((SignedIn) auth.login("u0032@gdwsrc.net", passwords.get("u0032@gdwsrc.net"), null))
                    .session().caller();
            Caller city = ((SignedIn) auth.login("kd4425@gdwsrc.net", passwords.get("kd4425@gdwsrc.net"), null))
                    .session().caller();
            assertTrue(unit.mustChangePassword());
            assertTrue(city.canSee(unit.organisationPath()), "GD-PHOTO-6: the city sees its units");
            assertFalse(unit.canSee(city.organisationPath()));
            Caller office = ((SignedIn) auth.login("cq.yuzhong.zgb", passwords.get("cq.yuzhong.zgb"), null))
                    .session().caller();
            assertEquals(Set.of("title-reform-office"), office.roles());
        }
    }
}
