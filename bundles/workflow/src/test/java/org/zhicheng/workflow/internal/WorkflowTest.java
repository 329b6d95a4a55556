package org.zhicheng.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.audit.AuditQuery;
import org.zhicheng.api.business.descriptor.ReviewAction;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.api.workflow.ApplicationEvent;
import org.zhicheng.api.workflow.ApplicationStatus;
import org.zhicheng.api.workflow.Reviews;
import org.zhicheng.api.workflow.WorkflowException;
import org.zhicheng.persistence.internal.TestDatabases;

/** Applications along a two-step chain: GD-TITLE-6, CQ-ORG-4, CQ-REV-2, CQ-APP-6, FJ-5, FJ-6, GD-PHOTO-3. */
class WorkflowTest {

    static final Map<String, Object> ANSWERS = Map.of("name", "李娜", "specialty", "clinical", "years", 12);

    static Application submitted(WorkflowFixture f) {
        Application draft = f.applications.create(f.applicant, WorkflowFixture.BUSINESS, "10.0.0.1");
        Application saved = f.applications.save(f.applicant, draft.id(), draft.version(), ANSWERS, null);
        return f.applications.submit(f.applicant, saved.id(), saved.version(), null);
    }

    static List<String> steps(Application a) {
        return a.chain().stream().map(s -> s.stepId() + ":" + s.status()).toList();
    }

    static int status(Runnable action) {
        try {
            action.run();
            return 200;
        } catch (WorkflowException e) {
            return e.status();
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void anApplicationPassesTheChainAndItsHistorySaysHow(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            Application a = submitted(f);
            assertEquals(ApplicationStatus.IN_REVIEW, a.status());
            assertEquals(List.of("unit-review:pending", "district-review:waiting"), steps(a),
                    "no title-reform office without the district attribute (CQ-ORG-4)");
            assertEquals(1, f.reviews.queue(f.reviewerA, Reviews.Queue.PENDING, Reviews.Filter.all(), 0, 50).tasks().size());
            assertEquals(0, f.reviews.queue(f.districtReviewer, Reviews.Queue.PENDING, Reviews.Filter.all(), 0, 50).tasks().size());

            Application afterUnit = f.reviews.act(f.reviewerA, a.chain().get(0).taskId(), ReviewAction.APPROVE, null,
                    null, "10.0.0.2");
            assertEquals("同意", afterUnit.chain().get(0).opinion(), "FJ-5: the default opinion");
            assertEquals(List.of("unit-review:approved", "district-review:pending"), steps(afterUnit));
            Application done = f.reviews.act(f.districtReviewer, a.chain().get(1).taskId(), ReviewAction.APPROVE,
                    "材料齐全", null, null);
            assertEquals(ApplicationStatus.APPROVED, done.status());
            assertEquals(1, f.reviews.counts(f.districtReviewer, Reviews.Filter.all()).get(Reviews.Queue.APPROVED));

            List<String> history = f.applications.history(f.applicant, a.id()).stream()
                    .map(e -> e.action() + ">" + e.toStatus()).toList();
            assertEquals(List.of("create>draft", "save>draft", "submit>in-review", "approve>in-review",
                    "approve>approved"), history);
            List<String> audited = f.audit.find(AuditQuery.all(0, 1000)).stream().map(e -> e.event().action())
                    .filter(x -> x.startsWith("application.") || x.startsWith("review.")).toList();
            assertEquals(List.of("application.create", "application.submit", "review.approve", "review.approve"),
                    audited);
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void aDistrictWithATitleReformOfficeAddsItsStepForItsRoleOnly(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, true)) {
            Application a = submitted(f);
            assertEquals(List.of("unit-review:pending", "reform-office:waiting", "district-review:waiting"), steps(a));
            f.reviews.act(f.reviewerA, a.chain().get(0).taskId(), ReviewAction.APPROVE, null, null, null);
            String reformTask = a.chain().get(1).taskId();
            assertEquals(404, status(() -> f.reviews.act(f.districtReviewer, reformTask, ReviewAction.APPROVE, null,
                    null, null)), "the same organisation, but not the office's role");
            Application next = f.reviews.act(f.reformOffice, reformTask, ReviewAction.APPROVE, "同意", null, null);
            assertEquals("district-review", next.currentStep().orElseThrow().stepId());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void answersAreCheckedForFormatOnSaveAndCompletelyOnSubmit(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            Application draft = f.applications.create(f.applicant, WorkflowFixture.BUSINESS, null);
            WorkflowException format = assertThrows(WorkflowException.class, () -> f.applications.save(f.applicant,
                    draft.id(), draft.version(), Map.of("years", 99, "specialty", "astrology"), null));
            assertEquals(400, format.status());
            List<String> fields = format.problems().stream().map(p -> p.path()).sorted().toList();
            assertEquals(List.of("specialty", "years"), fields);

            Application half = f.applications.save(f.applicant, draft.id(), draft.version(), Map.of("years", 3), null);
            WorkflowException incomplete = assertThrows(WorkflowException.class,
                    () -> f.applications.submit(f.applicant, half.id(), half.version(), null));
            assertEquals(List.of("name", "specialty"), incomplete.problems().stream().map(p -> p.path()).sorted()
                    .toList());
            assertEquals(ApplicationStatus.DRAFT, f.applications.get(f.applicant, half.id()).status(),
                    "nothing changed");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void staleVersionsAreRefusedAndADoubleSubmitMakesOneSubmission(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            Application draft = f.applications.create(f.applicant, WorkflowFixture.BUSINESS, null);
            Application saved = f.applications.save(f.applicant, draft.id(), draft.version(), ANSWERS, null);
            assertEquals(412, status(() -> f.applications.save(f.applicant, draft.id(), draft.version(), ANSWERS,
                    null)));
            Application once = f.applications.submit(f.applicant, saved.id(), saved.version(), null);
            Application twice = f.applications.submit(f.applicant, saved.id(), saved.version(), null);
            assertEquals(1, twice.submission());
            assertEquals(once.version(), twice.version());
            assertEquals(409, status(() -> f.applications.save(f.applicant, once.id(), once.version(), ANSWERS, null)),
                    "submitted data is read-only");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void aReturnCarriesItsCommentAndTheResubmissionWalksTheWholeChainAgain(TestDatabases.Factory factory)
            throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            Application a = submitted(f);
            String unitTask = a.chain().get(0).taskId();
            assertEquals(400, status(() -> f.reviews.act(f.reviewerA, unitTask, ReviewAction.RETURN, " ", null, null)),
                    "a return needs a comment");
            assertEquals("unknown-reason-code", assertThrows(WorkflowException.class, () -> f.reviews.act(f.reviewerA,
                    unitTask, ReviewAction.RETURN, "请补充从业年限证明", "evidence-missing", null)).code(),
                    "this business lists no reason codes (MatchCheckTest returns with one)");
            Application returned = f.reviews.act(f.reviewerA, unitTask, ReviewAction.RETURN, "请补充从业年限证明",
                    null, null);
            assertEquals(ApplicationStatus.RETURNED, returned.status());
            ApplicationEvent event = f.applications.history(f.applicant, a.id()).get(3);
            assertEquals("请补充从业年限证明", event.comment());
            assertEquals(null, event.reasonCode());
            try (var c = f.db.dataSource().getConnection(); var s = c.prepareStatement(
                    "SELECT recipient, body FROM notification_outbox WHERE purpose = 'workflow.returned'");
                    var rs = s.executeQuery()) {
                assertTrue(rs.next(), "FJ-5: the applicant is told of the return");
                assertEquals("li.na@example.cn", rs.getString(1));
                assertTrue(rs.getString(2).contains("请补充从业年限证明"), "with the comment");
                assertTrue(!rs.next());
            }

            Application edited = f.applications.save(f.applicant, a.id(), returned.version(),
                    Map.of("name", "李娜", "specialty", "clinical", "years", 13), null);
            Application again = f.applications.submit(f.applicant, a.id(), edited.version(), null);
            assertEquals(2, again.submission());
            assertEquals(List.of("unit-review:pending", "district-review:waiting"), steps(again));
            assertEquals(1, f.reviews.counts(f.reviewerA, Reviews.Filter.all()).get(Reviews.Queue.RETURNED));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void aStepRevokesItsApprovalOnlyUntilTheNextStepActs(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            Application a = submitted(f);
            String unitTask = a.chain().get(0).taskId();
            f.reviews.act(f.reviewerA, unitTask, ReviewAction.APPROVE, null, null, null);
            Application revoked = f.reviews.act(f.reviewerA, unitTask, ReviewAction.REVOKE, null, null, null);
            assertEquals(List.of("unit-review:pending", "district-review:waiting"), steps(revoked), "FJ-6");
            f.reviews.act(f.reviewerA, unitTask, ReviewAction.APPROVE, null, null, null);
            f.reviews.act(f.districtReviewer, a.chain().get(1).taskId(), ReviewAction.APPROVE, null, null, null);
            WorkflowException late = assertThrows(WorkflowException.class,
                    () -> f.reviews.act(f.reviewerA, unitTask, ReviewAction.REVOKE, null, null, null));
            assertEquals("next-step-acted", late.code());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void twoReviewersAtOnceExactlyOneWins(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            Application a = submitted(f);
            String task = a.chain().get(0).taskId();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Integer>> outcomes = new ArrayList<>();
                for (var reviewer : List.of(f.reviewerA, f.secondReviewerA)) {
                    Callable<Integer> act = () -> {
                        start.await();
                        return status(() -> f.reviews.act(reviewer, task, reviewer == f.reviewerA
                                ? ReviewAction.APPROVE : ReviewAction.RETURN, "意见", null, null));
                    };
                    outcomes.add(pool.submit(act));
                }
                start.countDown();
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> o : outcomes) {
                    codes.add(o.get());
                }
                assertEquals(List.of(200, 409), codes.stream().sorted().toList(), codes.toString());
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, f.applications.history(f.applicant, a.id()).stream()
                    .filter(e -> e.stepId() != null && !e.action().equals("submit")).count());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void othersSeeNothingOutsideTheirScope(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            Application a = submitted(f);
            assertEquals(404, status(() -> f.applications.get(f.reviewerB, a.id())), "another hospital");
            assertEquals(404, status(() -> f.reviews.act(f.reviewerB, a.chain().get(0).taskId(), ReviewAction.APPROVE,
                    null, null, null)));
            assertEquals(a.id(), f.applications.get(f.districtReviewer, a.id()).id(), "the district above it");
            assertEquals(a.id(), f.applications.get(f.reviewerA, a.id()).id());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void withdrawAndDeleteOnlyUntilTheFirstStepActs(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            Application a = submitted(f);
            Application back = f.applications.withdraw(f.applicant, a.id(), null);
            assertEquals(ApplicationStatus.DRAFT, back.status());
            Application b = f.applications.submit(f.applicant, a.id(), back.version(), null);
            f.reviews.act(f.reviewerA, b.chain().get(0).taskId(), ReviewAction.APPROVE, null, null, null);
            assertEquals(409, status(() -> f.applications.withdraw(f.applicant, a.id(), null)));
            assertEquals(409, status(() -> f.applications.delete(f.applicant, a.id(), null)), "CQ-APP-6");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void aDraftIsDeletedWithEverythingAndTheSeasonLimitCountsApplications(TestDatabases.Factory factory)
            throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            Application draft = f.applications.create(f.applicant, WorkflowFixture.BUSINESS, null);
            WorkflowException limit = assertThrows(WorkflowException.class,
                    () -> f.applications.create(f.applicant, WorkflowFixture.BUSINESS, null));
            assertEquals("season-limit", limit.code());
            f.applications.delete(f.applicant, draft.id(), null);
            assertEquals(404, status(() -> f.applications.get(f.applicant, draft.id())));
            f.applications.create(f.applicant, WorkflowFixture.BUSINESS, null);
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void afterTheDeadlineTheApplicantIsToldWhenItClosed(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            f.clock.set(Instant.parse("2026-12-31T09:30:00Z"));
            WorkflowException closed = assertThrows(WorkflowException.class,
                    () -> f.applications.create(f.applicant, WorkflowFixture.BUSINESS, null));
            assertEquals(423, closed.status());
            assertTrue(closed.zh().contains("2026-12-31 17:30"), closed.zh());
        }
    }
}
