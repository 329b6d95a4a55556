package org.zhicheng.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.business.descriptor.ReviewAction;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.api.workflow.Gates;
import org.zhicheng.api.workflow.Reviews;
import org.zhicheng.api.workflow.WorkflowException;
import org.zhicheng.persistence.internal.TestDatabases;

/** GD-PHOTO-5 and CQ-REV-3: a unit submits all only when every one of its applicants is decided. */
class GateTest {

    /** GD-PHOTO-1: only people on the season's list may apply. */
    static void roster(WorkflowFixture f, String accountId) throws Exception {
        try (Connection c = f.db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO business_roster (business_id, season_id, account_id, added_at) VALUES (?, '2026', ?, ?)")) {
            s.setString(1, WorkflowFixture.GATED);
            s.setString(2, accountId);
            s.setObject(3, OffsetDateTime.now());
            s.executeUpdate();
        }
    }

    static Application submitted(WorkflowFixture f, Caller applicant) {
        Application draft = f.applications.create(applicant, WorkflowFixture.GATED, null);
        Application saved = f.applications.save(applicant, draft.id(), draft.version(), Map.of("name", "申报人"), null);
        return f.applications.submit(applicant, saved.id(), saved.version(), null);
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void theUnitSubmitsAllOnceEveryApplicantIsDecided(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            assertEquals(409, assertThrows(WorkflowException.class, () -> submitted(f, f.applicant)).status(),
                    "not on the roster yet");
            roster(f, f.applicant.accountId());
            roster(f, f.secondAccountId);
            Application first = submitted(f, f.applicant);
            Application second = submitted(f, f.secondApplicant);
            assertEquals(List.of("unit-review", "unit-submit-all", "district-review"),
                    first.chain().stream().map(Application.Step::stepId).toList(), "the gate sits before its step");

            f.reviews.act(f.reviewerA, first.chain().get(0).taskId(), ReviewAction.APPROVE, null, null, null);
            assertEquals(409, assertThrows(WorkflowException.class, () -> f.reviews.act(f.reviewerA,
                    first.chain().get(1).taskId(), ReviewAction.APPROVE, null, null, null)).status(),
                    "a held application is not approved one by one");
            Gates.State waiting = f.gates.state(f.reviewerA, WorkflowFixture.GATED, "unit-submit-all");
            assertEquals(1, waiting.waiting());
            assertEquals(List.of("王强"), waiting.blockers().stream().map(Gates.Blocker::applicantName).toList());
            WorkflowException blocked = assertThrows(WorkflowException.class,
                    () -> f.gates.submitAll(f.reviewerA, WorkflowFixture.GATED, "unit-submit-all", null));
            assertEquals("gate-blocked", blocked.code());
            assertEquals(1, blocked.problems().size(), "the blocker is named");

            f.reviews.act(f.reviewerA, second.chain().get(0).taskId(), ReviewAction.REJECT, "不符合条件", null, null);
            Gates.State after = f.gates.submitAll(f.reviewerA, WorkflowFixture.GATED, "unit-submit-all", "10.0.0.3");
            assertEquals(0, after.waiting());
            assertEquals(List.of(), after.blockers(), "allDecided: the rejected one does not block");
            Application moved = f.applications.get(f.applicant, first.id());
            assertEquals("district-review", moved.currentStep().orElseThrow().stepId());
            assertEquals(1, f.reviews.queue(f.districtReviewer, Reviews.Queue.PENDING, Reviews.Filter.all(), 0, 10).tasks().size());
            assertEquals(0, f.reviews.queue(f.reviewerA, Reviews.Queue.PENDING, Reviews.Filter.all(), 0, 10).tasks().size(),
                    "gates are not in the reviewers' queues");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void peopleOnTheRosterWithoutAnApplicationBlockTheGate(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            roster(f, f.applicant.accountId());
            Application first = submitted(f, f.applicant);
            f.reviews.act(f.reviewerA, first.chain().get(0).taskId(), ReviewAction.APPROVE, null, null, null);
            roster(f, f.secondAccountId);
            Gates.State state = f.gates.state(f.reviewerA, WorkflowFixture.GATED, "unit-submit-all");
            assertEquals(List.of("not-started"), state.blockers().stream().map(Gates.Blocker::status).toList(),
                    "GD-PHOTO-5 with the pass list of GD-PHOTO-1");
            assertEquals(404, assertThrows(WorkflowException.class, () -> f.gates.state(f.districtReviewer,
                    WorkflowFixture.GATED, "unit-submit-all")).status(), "the gate is the unit's, not the district's");

            try (Connection c = f.db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                    "UPDATE account SET status = 'deleted' WHERE id = ?")) {
                s.setString(1, f.secondAccountId);
                s.executeUpdate();
            }
            assertEquals(List.of(), f.gates.state(f.reviewerA, WorkflowFixture.GATED, "unit-submit-all").blockers(),
                    "a deleted account can never apply, so it no longer holds the gate");
        }
    }
}
