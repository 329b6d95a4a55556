package org.zhicheng.workflow.internal;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.zhicheng.api.business.Business;
import org.zhicheng.api.identity.Authentication.SignedIn;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.identity.internal.audit.DatabaseAuditTrail;
import org.zhicheng.identity.internal.auth.DatabaseAuthentication;
import org.zhicheng.identity.internal.auth.IdentityStore;
import org.zhicheng.identity.internal.crypto.PasswordHasher;
import org.zhicheng.notification.internal.DatabaseOutbox;
import org.zhicheng.persistence.internal.TestClock;
import org.zhicheng.persistence.internal.TestDatabases;
import org.zhicheng.persistence.internal.TestDatabases.TestDatabase;
import org.zhicheng.registry.internal.TestRegistries;

/**
 * A district commission with two hospitals, an applicant and reviewers, the two-step-review business offered by the
 * real registry, and the services under test, on one test database.
 */
final class WorkflowFixture implements AutoCloseable {

    static final String PASSWORD = "Kx7#vPq2!mRt";
    /** Cheap hashing: these tests are about workflow, not passwords. */
    static final PasswordHasher HASHER = new PasswordHasher(new PasswordHasher.Settings(19456, 2, 1));
    static final String BUSINESS = "two-step-review";
    static final String GATED = "gated-review";
    static final String ACTIONS = "review-actions";
    static final String CHECKED = "checked-review";
    static final String PRINTED = "printed-forms";

    final TestDatabase db;
    final TestClock clock = new TestClock(Instant.parse("2026-11-22T08:00:00Z"));
    final DatabaseAuditTrail audit;
    final TestRegistries.OpenRegistry registry;
    final DatabaseApplications applications;
    final DatabaseReviews reviews;
    final DatabaseGates gates;
    final String district;
    final String hospitalA;
    final String hospitalB;
    final Caller applicant;
    final Caller secondApplicant;
    final Caller reviewerA;
    final Caller secondReviewerA;
    final Caller reviewerB;
    /** At the district, with {@code review.assign} (FJ-8 cross review). */
    final Caller examSite;
    final Caller districtReviewer;
    final Caller reformOffice;
    final String secondAccountId;

    WorkflowFixture(TestDatabases.Factory factory, boolean titleReformOffice) throws Exception {
        db = factory.create();
        TestDatabases.migrate(db.dataSource());
        audit = new DatabaseAuditTrail(db.dataSource(), clock);
        IdentityStore store = new IdentityStore(db.dataSource(), clock);
        var root = store.createOrganisation(null, "district-commission", "渝中区卫生健康委员会", "active");
        var a = store.createOrganisation(root.id(), "unit", "渝中区人民医院", "active");
        var b = store.createOrganisation(root.id(), "unit", "重庆医科大学附属第一医院", "active");
        district = root.id();
        hospitalA = a.id();
        hospitalB = b.id();
        if (titleReformOffice) {
            try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                    "INSERT INTO organisation_attribute (organisation_id, name, text_value) VALUES (?, ?, ?)")) {
                s.setString(1, district);
                s.setString(2, "hasTitleReformOffice");
                s.setString(3, "true");
                s.executeUpdate();
            }
        }
        String hash = HASHER.hash(PASSWORD);
        store.createAccount("applicant", "李娜", hospitalA, hash, false, List.of("applicant"));
        String second = store.createAccount("applicant2", "王强", hospitalA, hash, false, List.of("applicant"));
        store.createAccount("reviewer.a", "甲", hospitalA, hash, false, List.of("unit-reviewer"));
        store.createAccount("reviewer.a2", "甲二", hospitalA, hash, false, List.of("unit-reviewer"));
        store.createAccount("reviewer.b", "乙", hospitalB, hash, false, List.of("unit-reviewer"));
        store.createAccount("district", "区", district, hash, false, List.of("district-reviewer"));
        store.createAccount("reform", "职改办", district, hash, false, List.of("title-reform-office"));
        store.createAccount("site", "考点", district, hash, false, List.of("exam-site"));
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE account SET email = 'li.na@example.cn', email_key = 'li.na@example.cn' WHERE username = ?")) {
            s.setString(1, "applicant");
            s.executeUpdate();
        }
        DatabaseAuthentication auth = new DatabaseAuthentication(db.dataSource(), audit, HASHER, clock, 5,
                Duration.ofMinutes(30), Duration.ofHours(12));
        applicant = caller(auth, "applicant");
        secondApplicant = caller(auth, "applicant2");
        secondAccountId = second;
        reviewerA = caller(auth, "reviewer.a");
        secondReviewerA = caller(auth, "reviewer.a2");
        reviewerB = caller(auth, "reviewer.b");
        districtReviewer = caller(auth, "district");
        reformOffice = caller(auth, "reform");
        examSite = caller(auth, "site");
        registry = TestRegistries.open(db.dataSource());
        long serviceId = 1;
        for (String id : List.of(BUSINESS, GATED, ACTIONS, CHECKED, PRINTED)) {
            byte[] descriptor = Files.readAllBytes(Path.of("src", "test", "resources", "descriptors", id + ".json"));
            Business business = () -> new ByteArrayInputStream(descriptor);
            registry.offer(business, id, serviceId++);
        }
        gates = new DatabaseGates(db.dataSource(), registry.registry(), audit, clock);
        applications = new DatabaseApplications(db.dataSource(), registry.registry(), audit, clock,
                new DatabaseOutbox(clock));
        reviews = new DatabaseReviews(db.dataSource(), registry.registry(), audit, clock, new DatabaseOutbox(clock));
    }

    private static Caller caller(DatabaseAuthentication auth, String username) {
        return ((SignedIn) auth.login(username, PASSWORD, null)).session().caller();
    }

    @Override
    public void close() {
        registry.close();
        try {
            db.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot drop the test database", e);
        }
    }
}
