package org.zhicheng.identity.internal.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.identity.Authentication.Reason;
import org.zhicheng.api.identity.Authentication.Refused;
import org.zhicheng.api.identity.Authentication.SignedIn;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.IdentityException;
import org.zhicheng.api.identity.Registrations.Application;
import org.zhicheng.identity.internal.audit.DatabaseAuditTrail;
import org.zhicheng.identity.internal.auth.DatabaseAuthentication;
import org.zhicheng.identity.internal.auth.IdentityStore;
import org.zhicheng.identity.internal.crypto.PasswordHasher;
import org.zhicheng.identity.internal.crypto.PiiCipher;
import org.zhicheng.identity.internal.validation.PasswordPolicy;
import org.zhicheng.persistence.internal.TestDatabases;
import org.zhicheng.persistence.internal.TestDatabases.TestDatabase;

/** Applicant registration (CQ-APP-1), approval by the unit (CQ-ORG-4), one ID number once (CQ-ORG-5). */
class DatabaseRegistrationsTest {

    static final String PASSWORD = "Kx7#vPq2!mRt";
    /** A fictional but valid resident ID number: 1985-11-20, male. */
    static final String ID = "500103198511200418";
    static final PasswordHasher HASHER = new PasswordHasher(PasswordHasher.Settings.DEFAULTS);
    static final PiiCipher CIPHER = new PiiCipher("t1", HexFormat.of().parseHex("0123456789abcdeffedcba9876543210"),
            "a lookup key of thirty-two bytes".getBytes(StandardCharsets.US_ASCII));

    record Fixture(TestDatabase db, DatabaseRegistrations registrations, DatabaseAuthentication auth,
            String hospitalA, String hospitalB, Caller reviewerA, Caller reviewerB) implements AutoCloseable {
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
        var district = store.createOrganisation(null, "district-commission", "渝中区卫生健康委员会", "active");
        var a = store.createOrganisation(district.id(), "unit", "渝中区人民医院", "active");
        var b = store.createOrganisation(district.id(), "unit", "重庆医科大学附属第一医院", "active");
        store.createAccount("rev.a", "甲", a.id(), HASHER.hash(PASSWORD), false, List.of("unit-reviewer"));
        store.createAccount("rev.b", "乙", b.id(), HASHER.hash(PASSWORD), false, List.of("unit-reviewer"));
        DatabaseAuthentication auth = new DatabaseAuthentication(db.dataSource(), audit, HASHER, clock, 5,
                Duration.ofMinutes(30), Duration.ofHours(12));
        return new Fixture(db, new DatabaseRegistrations(db.dataSource(), audit, HASHER, PasswordPolicy.defaults(),
                CIPHER, clock), auth, a.id(), b.id(),
                ((SignedIn) auth.login("rev.a", PASSWORD, null)).session().caller(),
                ((SignedIn) auth.login("rev.b", PASSWORD, null)).session().caller());
    }

    static Application application(String username, String id, String unit) {
        return new Application(username, "Reg#2026-Strong!", "李娜", id, "male", LocalDate.of(1985, 11, 20),
                "13800138000", unit, "institutional");
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void registeredApplicantsSignInOnceTheirUnitApproves(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            String account = f.registrations().register(application("lina", ID, f.hospitalA()), "10.0.0.8");
            assertEquals(new Refused(Reason.PENDING_APPROVAL), f.auth().login("lina", "Reg#2026-Strong!", null));
            assertEquals(new Refused(Reason.BAD_CREDENTIALS), f.auth().login("lina", "wrong", null),
                    "a wrong password learns nothing about the registration");

            var pending = f.registrations().pending(f.reviewerA(), f.hospitalA());
            assertEquals(1, pending.size());
            assertEquals("500***********0418", pending.get(0).idNumberMasked());
            assertEquals("138****8000", pending.get(0).mobileMasked());
            assertEquals(404, assertThrows(IdentityException.class,
                    () -> f.registrations().pending(f.reviewerB(), f.hospitalA())).status());
            assertEquals(404, assertThrows(IdentityException.class,
                    () -> f.registrations().approve(f.reviewerB(), account, null)).status(), "another unit cannot");

            f.registrations().approve(f.reviewerA(), account, null);
            Caller applicant = assertInstanceOf(SignedIn.class, f.auth().login("LINA", "Reg#2026-Strong!", null))
                    .session().caller();
            assertEquals(List.of("applicant"), List.copyOf(applicant.roles()));
            assertTrue(f.registrations().pending(f.reviewerA(), f.hospitalA()).isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void storesTheIdNumberOnlyEncrypted(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            f.registrations().register(application("lina", ID, f.hospitalA()), null);
            try (Connection c = f.db().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                    "SELECT id_number_enc, id_number_hash, id_number_masked, mobile_enc FROM person");
                    ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertFalse(rs.getString(1).contains(ID));
                assertEquals(ID, CIPHER.decrypt(rs.getString(1), PersonRows.ID_PURPOSE));
                assertEquals(CIPHER.lookupHash(ID, PersonRows.ID_PURPOSE), rs.getString(2));
                assertEquals("500***********0418", rs.getString(3));
                assertEquals("13800138000", CIPHER.decrypt(rs.getString(4), PersonRows.MOBILE_PURPOSE));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void anIdNumberRegistersOnceAndTheErrorNamesTheUnit(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            String first = f.registrations().register(application("lina", ID, f.hospitalA()), null);
            // Lower-case x, full-width digits and spaces are the same number (normalised before the lookup).
            String sameNumber = "５００１０３ 198511200418";
            IdentityException duplicate = assertThrows(IdentityException.class,
                    () -> f.registrations().register(application("lina2", sameNumber, f.hospitalB()), null));
            assertEquals(409, duplicate.status());
            assertEquals("id-number-registered", duplicate.code());
            assertTrue(duplicate.zh().contains("渝中区人民医院") && duplicate.en().contains("渝中区人民医院"),
                    "the person learns whom to ask: " + duplicate.zh());

            // CQ-ORG-5: the unit rejects the wrong registration, and the person registers under the right unit.
            assertEquals("reason-required", assertThrows(IdentityException.class,
                    () -> f.registrations().reject(f.reviewerA(), first, " ", null)).code());
            f.registrations().reject(f.reviewerA(), first, "非本单位职工 / not our staff", null);
            f.registrations().register(application("lina", sameNumber, f.hospitalB()), null);
            assertEquals(1, f.registrations().pending(f.reviewerB(), f.hospitalB()).size());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void reportsEveryInvalidFieldAndChangesNothing(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = fixture(factory)) {
            Application bad = new Application("l", "123456", "", "500103198511200417", "female",
                    LocalDate.of(1985, 11, 21), "2380013800", f.hospitalA(), "volunteer");
            IdentityException e = assertThrows(IdentityException.class, () -> f.registrations().register(bad, null));
            assertEquals(400, e.status());
            List<String> fields = e.problems().stream().map(p -> p.path()).distinct().toList();
            assertEquals(List.of("username", "name", "idNumber", "mobile", "staffType", "password"), fields);
            assertTrue(e.problems().stream().anyMatch(p -> p.code().equals("id-number.check-digit")));

            Application consistent = new Application("lina", "Reg#2026-Strong!", "李娜", ID, "female",
                    LocalDate.of(1985, 11, 21), null, f.hospitalA(), "other");
            List<String> codes = assertThrows(IdentityException.class,
                    () -> f.registrations().register(consistent, null)).problems().stream().map(p -> p.code()).toList();
            assertTrue(codes.contains("id-number.birth-date-mismatch") && codes.contains("id-number.sex-mismatch"),
                    codes.toString());
            assertEquals(404, assertThrows(IdentityException.class, () -> f.registrations().register(
                    application("lina", ID, "no-such-unit"), null)).status());
            assertTrue(f.registrations().pending(f.reviewerA(), f.hospitalA()).isEmpty(), "nothing was stored");
        }
    }
}
