package org.zhicheng.workflow.internal;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.zhicheng.api.business.Business;
import org.zhicheng.api.business.descriptor.ReviewAction;
import org.zhicheng.api.identity.Authentication.SignedIn;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.identity.internal.auth.DatabaseAuthentication;
import org.zhicheng.identity.internal.auth.IdentityStore;
import org.zhicheng.persistence.internal.TestDatabases;

/**
 * The {@link WorkflowFixture} district with more people for oversight (GD-PHOTO-6): a department under hospital A,
 * applicants whose names carry LIKE wildcards, a view-only authority, and observers of the observed-review business
 * that hold no permission at all. Unit names are prefixed A-, B-, C- so that sorting by unit does not depend on the
 * database's collation of Chinese.
 */
final class OversightWorld implements AutoCloseable {

    static final String OBSERVED = "observed-review";

    final WorkflowFixture f;
    final DatabaseOversight oversight;
    /** A department under hospital A. */
    final String department;
    final Caller departmentReviewer;
    /** Applicants: Chen_Yi and Ai Wu in the department, Bai%Er and Du Liu at hospital B. */
    final Caller chen;
    final Caller ai;
    final Caller bai;
    final Caller du;
    /** view-only-authority (application.read, no review.act) at the district and at hospital B. */
    final Caller viewOnly;
    final Caller viewOnlyB;
    /** Observers of observed-review, without any permission: at the district, at hospital A, and misplaced. */
    final Caller districtViewer;
    final Caller unitWatcher;
    final Caller misplacedViewer;
    /** An applicant at hospital A whose account was deleted. */
    final String deletedAccount;

    private final DatabaseAuthentication auth;
    private final IdentityStore store;

    OversightWorld(TestDatabases.Factory factory) throws Exception {
        f = new WorkflowFixture(factory, false);
        store = new IdentityStore(f.db.dataSource(), f.clock);
        department = store.createOrganisation(f.hospitalA, "unit", "B-内科", "active").id();
        rename(f.hospitalA, "A-渝中区人民医院");
        rename(f.hospitalB, "C-重庆医科大学附属第一医院");
        auth = new DatabaseAuthentication(f.db.dataSource(), f.audit, WorkflowFixture.HASHER, f.clock, 5,
                Duration.ofMinutes(30), Duration.ofHours(12));
        departmentReviewer = account("reviewer.dept", "内科审核员", department, "unit-reviewer");
        chen = account("chen", "Chen_Yi", department, "applicant");
        ai = account("ai", "Ai Wu", department, "applicant");
        bai = account("bai", "Bai%Er", f.hospitalB, "applicant");
        du = account("du", "Du Liu", f.hospitalB, "applicant");
        viewOnly = account("viewer", "区卫健委查看", f.district, "view-only-authority");
        viewOnlyB = account("viewer.b", "乙院查看", f.hospitalB, "view-only-authority");
        districtViewer = account("observer", "区主管部门", f.district, "authority-viewer");
        unitWatcher = account("watcher", "甲院查看员", f.hospitalA, "unit-watcher");
        misplacedViewer = account("observer.a", "甲院主管部门", f.hospitalA, "authority-viewer");
        deletedAccount = store.createAccount("gone", "Gone", f.hospitalA, WorkflowFixture.HASHER.hash(
                WorkflowFixture.PASSWORD), false, List.of("applicant"));
        store.setStatus(deletedAccount, "deleted");
        byte[] descriptor = Files.readAllBytes(Path.of("src", "test", "resources", "descriptors", OBSERVED + ".json"));
        Business business = () -> new ByteArrayInputStream(descriptor);
        f.registry.offer(business, OBSERVED, 3);
        oversight = new DatabaseOversight(f.db.dataSource(), f.registry.registry(), f.clock);
    }

    private Caller account(String username, String name, String organisationId, String role) throws Exception {
        store.createAccount(username, name, organisationId, WorkflowFixture.HASHER.hash(WorkflowFixture.PASSWORD),
                false, List.of(role));
        return ((SignedIn) auth.login(username, WorkflowFixture.PASSWORD, null)).session().caller();
    }

    private void rename(String organisationId, String name) throws Exception {
        try (Connection c = f.db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE organisation SET name = ? WHERE id = ?")) {
            s.setString(1, name);
            s.setString(2, organisationId);
            s.executeUpdate();
        }
    }

    /** Puts an account on a business's roster for season 2026 (GD-PHOTO-1). */
    void roster(String businessId, String accountId) throws Exception {
        try (Connection c = f.db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO business_roster (business_id, season_id, account_id, added_at) VALUES (?, '2026', ?, ?)")) {
            s.setString(1, businessId);
            s.setString(2, accountId);
            s.setObject(3, OffsetDateTime.now());
            s.executeUpdate();
        }
    }

    /** A draft of the business, its answers saved, an hour after the last thing done. */
    Application draft(String businessId, Caller applicant) {
        f.clock.advance(Duration.ofHours(1));
        Application draft = f.applications.create(applicant, businessId, null);
        Map<String, Object> answers = WorkflowFixture.BUSINESS.equals(businessId)
                ? Map.of("name", applicant.displayName(), "specialty", "clinical")
                : Map.of("name", applicant.displayName());
        return f.applications.save(applicant, draft.id(), draft.version(), answers, null);
    }

    /** A submitted application, an hour after the last thing done. */
    Application submitted(String businessId, Caller applicant) {
        Application draft = draft(businessId, applicant);
        f.clock.advance(Duration.ofHours(1));
        return f.applications.submit(applicant, draft.id(), draft.version(), null);
    }

    /** The reviewer acts on the application's pending step, an hour after the last thing done. */
    Application act(Caller reviewer, Application a, ReviewAction action) {
        f.clock.advance(Duration.ofHours(1));
        Application now = f.applications.get(reviewer, a.id());
        String comment = action == ReviewAction.APPROVE ? null : "请补充材料";
        return f.reviews.act(reviewer, now.currentStep().orElseThrow().taskId(), action, comment, null, null);
    }

    @Override
    public void close() {
        f.close();
    }
}
