package org.zhicheng.identity.internal.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.identity.Authentication.SignedIn;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.identity.IdentityException;
import org.zhicheng.identity.internal.audit.DatabaseAuditTrail;
import org.zhicheng.identity.internal.auth.IdentityStore;
import org.zhicheng.identity.internal.people.DatabaseRegistrationsTest.Fixture;
import org.zhicheng.persistence.internal.TestDatabases;

/** GD-TITLE-7: the applicant picks the new unit, only the new unit decides, and only with no open application. */
class UnitChangeTest {

    static Caller applicant(Fixture f) {
        new IdentityStore(f.db().dataSource(), Clock.systemUTC()).createAccount("mover", "王强", f.hospitalA(),
                DatabaseRegistrationsTest.HASHER.hash(DatabaseRegistrationsTest.PASSWORD), false, List.of("applicant"));
        return ((SignedIn) f.auth().login("mover", DatabaseRegistrationsTest.PASSWORD, null)).session().caller();
    }

    static DatabaseUnitChanges changes(Fixture f) {
        return new DatabaseUnitChanges(f.db().dataSource(), new DatabaseAuditTrail(f.db().dataSource(),
                Clock.systemUTC()), Clock.systemUTC());
    }

    static String unitOf(Fixture f, String accountId) throws Exception {
        try (Connection c = f.db().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT organisation_id FROM account WHERE id = ?")) {
            s.setString(1, accountId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static void openApplication(Fixture f, Caller applicant, String status) throws Exception {
        try (Connection c = f.db().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO application (id, business_id, business_version, content_hash, season_id,"
                        + " applicant_account_id, organisation_id, organisation_path, status, answers, submission,"
                        + " created_at, updated_at, row_version) VALUES (?, 'gd-title-review', '1.0.0', ?, '2026', ?,"
                        + " ?, ?, ?, '{}', 0, ?, ?, 1)")) {
            s.setString(1, java.util.UUID.randomUUID().toString());
            s.setString(2, "0".repeat(64));
            s.setString(3, applicant.accountId());
            s.setString(4, applicant.organisationId());
            s.setString(5, applicant.organisationPath());
            s.setString(6, status);
            s.setObject(7, OffsetDateTime.now());
            s.setObject(8, OffsetDateTime.now());
            s.executeUpdate();
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void onlyTheNewUnitApprovesAndTheAccountMoves(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = DatabaseRegistrationsTest.fixture(factory)) {
            Caller mover = applicant(f);
            String id = changes(f).request(mover, f.hospitalB(), "10.0.0.1");
            assertEquals(409, assertThrows(IdentityException.class, () -> changes(f).request(mover, f.hospitalB(),
                    null)).status(), "one pending request at a time");
            assertEquals(1, changes(f).pending(f.reviewerB(), f.hospitalB()).size());
            assertEquals(404, assertThrows(IdentityException.class, () -> changes(f).approve(f.reviewerA(), id, null))
                    .status(), "the old unit does not decide");
            changes(f).approve(f.reviewerB(), id, null);
            assertEquals(f.hospitalB(), unitOf(f, mover.accountId()));
            assertEquals(0, changes(f).pending(f.reviewerB(), f.hospitalB()).size());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void anOpenApplicationBlocksTheChange(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = DatabaseRegistrationsTest.fixture(factory)) {
            Caller mover = applicant(f);
            String id = changes(f).request(mover, f.hospitalB(), null);
            openApplication(f, mover, "IN_REVIEW");
            IdentityException open = assertThrows(IdentityException.class, () -> changes(f).approve(f.reviewerB(), id,
                    null));
            assertEquals("open-application", open.code(), "an application opened meanwhile is seen at approval");
            assertEquals(f.hospitalA(), unitOf(f, mover.accountId()));
            changes(f).reject(f.reviewerB(), id, "请先办结在办业务", null);
            assertEquals(409, assertThrows(IdentityException.class, () -> changes(f).request(mover, f.hospitalB(),
                    null)).status());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void finishedApplicationsDoNotBlockAndARejectionNeedsAReason(TestDatabases.Factory factory) throws Exception {
        try (Fixture f = DatabaseRegistrationsTest.fixture(factory)) {
            Caller mover = applicant(f);
            openApplication(f, mover, "APPROVED");
            String id = changes(f).request(mover, f.hospitalB(), null);
            assertEquals(400, assertThrows(IdentityException.class, () -> changes(f).reject(f.reviewerB(), id, " ",
                    null)).status());
            assertEquals(404, assertThrows(IdentityException.class, () -> changes(f).request(mover, "no-such-unit",
                    null)).status());
        }
    }
}
