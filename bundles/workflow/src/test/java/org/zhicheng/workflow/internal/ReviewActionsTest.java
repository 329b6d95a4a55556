package org.zhicheng.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.zhicheng.api.audit.AuditEntry;
import org.zhicheng.api.business.descriptor.ReviewAction;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.api.workflow.ApplicationEvent;
import org.zhicheng.api.workflow.ApplicationStatus;
import org.zhicheng.api.workflow.Reviews;
import org.zhicheng.api.workflow.Reviews.Correction;
import org.zhicheng.api.workflow.Reviews.Filter;
import org.zhicheng.api.workflow.Reviews.Outcome;
import org.zhicheng.api.workflow.Reviews.PublicNotice;
import org.zhicheng.api.workflow.Reviews.Queue;
import org.zhicheng.api.workflow.Reviews.Selection;
import org.zhicheng.api.workflow.Reviews.Sort;
import org.zhicheng.api.workflow.WorkflowException;
import org.zhicheng.persistence.internal.TestDatabases;

/**
 * The reviewer actions besides deciding: corrections (CQ-REV-2, GD-TITLE-8), rows marked deleted (CQ-APP-5),
 * recommendation opinions and public notice (CQ-REV-2), batches and cross review (FJ-8), and queue filters
 * (GD-PHOTO-4, CQ-REV-1).
 */
class ReviewActionsTest {

    static Application submitted(WorkflowFixture f, Caller applicant, String name) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("name", name);
        answers.put("workplace", "渝中医院");
        answers.put("years", 12);
        answers.put("education", List.of(Map.of("school", "重庆医大", "degree", "本科"), Map.of("school", "重医附一院进修")));
        Application draft = f.applications.create(applicant, WorkflowFixture.ACTIONS, null);
        Application saved = f.applications.save(applicant, draft.id(), draft.version(), answers, null);
        return f.applications.submit(applicant, saved.id(), saved.version(), null);
    }

    static String unitTask(Application a) {
        return a.chain().get(0).taskId();
    }

    static int status(Runnable action) {
        try {
            action.run();
            return 200;
        } catch (WorkflowException e) {
            return e.status();
        }
    }

    static String code(Runnable action) {
        WorkflowException e = assertThrows(WorkflowException.class, action::run);
        return e.code();
    }

    private static List<AuditEntry> audited(WorkflowFixture f, String action) {
        return f.audit.find(AuditQuery.all(0, 1000)).stream().filter(r -> r.event().action().equals(action)).toList();
    }

    private static List<String> actions(WorkflowFixture f, Application a) {
        return f.applications.history(f.applicant, a.id()).stream().map(ApplicationEvent::action).toList();
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void correctionsChangeSmallErrorsAndKeepBeforeAndAfter(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            Application a = submitted(f, f.applicant, "李娜");
            String task = unitTask(a);

            Application fixed = f.reviews.correct(f.reviewerA, task, a.version(), List.of(
                    new Correction("workplace", null, "渝中区人民医院"), new Correction("degree", 2, "进修")), "笔误",
                    "10.0.0.9");
            assertEquals("渝中区人民医院", fixed.answers().get("workplace"));
            assertEquals("进修", ((Map<?, ?>) ((List<?>) fixed.answers().get("education")).get(1)).get("degree"));
            assertEquals(a.version() + 1, fixed.version());
            assertEquals(ApplicationStatus.IN_REVIEW, fixed.status(), "a correction decides nothing");

            ApplicationEvent event = f.applications.history(f.applicant, a.id()).stream()
                    .filter(e -> e.action().equals("correct")).findFirst().orElseThrow();
            assertTrue(event.comment().contains("workplace: 渝中医院 → 渝中区人民医院"), event.comment());
            assertTrue(event.comment().contains("education[2].degree: null → 进修"), event.comment());
            AuditEntry record = audited(f, "review.correct").get(0);
            assertTrue(record.event().before().contains("渝中医院") && record.event().after().contains("渝中区人民医院"),
                    "the audit keeps before and after");

            // The same correction again changes nothing: no new version, no new history.
            Application again = f.reviews.correct(f.reviewerA, task, fixed.version(), List.of(
                    new Correction("workplace", null, "渝中区人民医院")), null, null);
            assertEquals(fixed.version(), again.version());
            assertEquals(1, audited(f, "review.correct").size());

            assertEquals(412, status(() -> f.reviews.correct(f.reviewerA, task, a.version(), List.of(
                    new Correction("years", null, 13)), null, null)), "a stale version is refused");
            WorkflowException core = assertThrows(WorkflowException.class, () -> f.reviews.correct(f.reviewerA, task,
                    fixed.version(), List.of(new Correction("name", null, "李那"), new Correction("nope", null, "x"),
                            new Correction("school", 9, "x")), null, null));
            assertEquals(List.of("name:not-correctable", "nope:unknown-field", "education[9].school:unknown-row"),
                    core.problems().stream().map(p -> p.path() + ":" + p.code()).toList(),
                    "GD-TITLE-8: core data is never corrected");
            WorkflowException invalid = assertThrows(WorkflowException.class, () -> f.reviews.correct(f.reviewerA,
                    task, fixed.version(), List.of(new Correction("years", null, 99)), null, null));
            assertEquals("invalid-answers", invalid.code());
            assertEquals(12, ((Number) f.applications.get(f.reviewerA, a.id()).answers().get("years")).intValue(),
                    "a refused correction changes nothing");
            assertEquals(404, status(() -> f.reviews.correct(f.reviewerB, task, fixed.version(), List.of(
                    new Correction("years", null, 13)), null, null)), "another unit's reviewer");
            assertEquals(400, status(() -> f.reviews.correct(f.districtReviewer, a.chain().get(1).taskId(),
                    fixed.version(), List.of(new Correction("years", null, 13)), null, null)),
                    "the district step does not allow corrections");

        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void rowsMarkedDeletedStayButNeverLeaveTheApplicationIncomplete(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            Application a = submitted(f, f.applicant, "李娜");
            String task = unitTask(a);
            Application marked = f.reviews.markRows(f.reviewerA, task, a.version(), "education", List.of(2), true,
                    "非学历教育", null);
            List<?> rows = (List<?>) marked.answers().get("education");
            assertEquals(2, rows.size(), "CQ-APP-5: the row stays");
            assertEquals(Boolean.TRUE, ((Map<?, ?>) rows.get(1)).get("_deleted"));
            assertNull(((Map<?, ?>) rows.get(0)).get("_deleted"));

            WorkflowException incomplete = assertThrows(WorkflowException.class, () -> f.reviews.markRows(
                    f.reviewerA, task, marked.version(), "education", List.of(1), true, null, null));
            assertEquals("incomplete-after-marking", incomplete.code(), "minRows 1 would fail: return instead");
            assertEquals("unknown-section", code(() -> f.reviews.markRows(f.reviewerA, task, marked.version(),
                    "basic", List.of(1), true, null, null)));
            assertEquals("unknown-row", code(() -> f.reviews.markRows(f.reviewerA, task, marked.version(),
                    "education", List.of(3), true, null, null)));

            Application restored = f.reviews.markRows(f.reviewerA, task, marked.version(), "education", List.of(2),
                    false, null, null);
            assertNull(((Map<?, ?>) ((List<?>) restored.answers().get("education")).get(1)).get("_deleted"));
            assertEquals(List.of("markRowDeleted", "markRowDeleted"), actions(f, a).stream()
                    .filter(x -> x.equals("markRowDeleted")).toList());
            AuditEntry last = audited(f, "review.mark-rows").get(1);
            assertEquals("{\"education[2]\":true}", last.event().before());
            assertEquals("{\"education[2]\":false}", last.event().after());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void aLevelRecommendsBeforeItApproves(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            Application a = submitted(f, f.applicant, "李娜");
            String task = unitTask(a);
            assertEquals("recommendation-missing", code(() -> f.reviews.act(f.reviewerA, task, ReviewAction.APPROVE,
                    null, null, null)));
            LocalDate today = LocalDate.of(2026, 11, 22);
            assertEquals("signer-required", code(() -> f.reviews.recommend(f.reviewerA, task, "同意推荐", null, today,
                    null)));
            assertEquals("date-required", code(() -> f.reviews.recommend(f.reviewerA, task, "同意推荐", "张主任", null,
                    null)));
            assertEquals("date-in-future", code(() -> f.reviews.recommend(f.reviewerA, task, "同意推荐", "张主任",
                    today.plusDays(1), null)));

            Application recommended = f.reviews.recommend(f.reviewerA, task, " ", "张主任", today, null);
            Reviews.Recommendation r = recommended.chain().get(0).recommendation();
            assertEquals("同意推荐。", r.opinion(), "the step's default text when none is typed");
            assertEquals("张主任", r.signer());
            assertEquals(today, r.signedOn());
            f.reviews.recommend(f.reviewerA, task, "同意推荐。", "张主任", today, null);
            assertEquals(1, audited(f, "review.recommend").size(), "the same opinion again changes nothing");

            Application approved = f.reviews.act(f.reviewerA, task, ReviewAction.APPROVE, null, null, null);
            assertEquals("pending", approved.chain().get(1).status());
            assertEquals("task-not-pending", code(() -> f.reviews.recommend(f.reviewerA, task, "改", "张主任", today,
                    null)));
            assertEquals("action-not-allowed", code(() -> f.reviews.recommend(f.districtReviewer,
                    approved.chain().get(1).taskId(), "同意", "区", today, null)));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void publicNoticeAndBatchesReportEachTask(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            Application first = submitted(f, f.applicant, "李娜");
            Application second = submitted(f, f.secondApplicant, "王强");
            PublicNotice notice = new PublicNotice(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29), null);
            List<Outcome> noticed = f.reviews.publicNotice(f.reviewerA, new Selection(List.of(), f.hospitalA, null),
                    notice, null);
            assertEquals(List.of(200, 200), noticed.stream().map(Outcome::status).toList(),
                    "CQ-REV-2: the whole unit at once");
            assertEquals(notice, f.applications.get(f.reviewerA, first.id()).chain().get(0).publicNotice());
            PublicNotice result = new PublicNotice(notice.startsOn(), notice.endsOn(), "公示无异议");
            List<Outcome> withResult = f.reviews.publicNotice(f.reviewerA, new Selection(List.of(unitTask(second),
                    "no-such-task"), null, null), result, null);
            assertEquals(List.of("ok", "task-not-found"), withResult.stream().map(Outcome::code).toList());
            assertEquals(result, f.applications.get(f.reviewerA, second.id()).chain().get(0).publicNotice());
            assertEquals("invalid-notice-period", code(() -> f.reviews.publicNotice(f.reviewerA, new Selection(
                    List.of(unitTask(first)), null, null), new PublicNotice(notice.endsOn(), notice.startsOn(), null),
                    null)));
            assertEquals("invalid-selection", code(() -> f.reviews.publicNotice(f.reviewerA, new Selection(List.of(),
                    null, null), notice, null)));

            f.reviews.recommend(f.reviewerA, unitTask(first), null, "张主任", LocalDate.of(2026, 11, 22), null);
            List<Outcome> batch = f.reviews.batch(f.reviewerA, new Selection(List.of(unitTask(first),
                    unitTask(second)), null, null), ReviewAction.APPROVE, null, null, null);
            assertEquals(List.of("ok", "recommendation-missing"), batch.stream().map(Outcome::code).toList(),
                    "FJ-8: one refusal does not undo the others");
            assertEquals(first.id(), batch.get(0).applicationId());
            assertEquals(ApplicationStatus.IN_REVIEW, f.applications.get(f.reviewerA, second.id()).status());
            assertEquals("pending", f.applications.get(f.reviewerA, second.id()).chain().get(0).status());
            assertEquals("action-not-batchable", code(() -> f.reviews.batch(f.reviewerA, new Selection(List.of(
                    unitTask(second)), null, null), ReviewAction.REVOKE, null, null, null)));
            List<Outcome> returned = f.reviews.batch(f.reviewerA, new Selection(List.of(unitTask(second)), null,
                    null), ReviewAction.RETURN, null, null, null);
            assertEquals("comment-required", returned.get(0).code());
            assertEquals(400, returned.get(0).status());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void anExamSiteAssignsCrossReview(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            Application a = submitted(f, f.applicant, "李娜");
            String task = unitTask(a);
            assertEquals("organisation-not-eligible", code(() -> f.reviews.assign(f.examSite, a.chain().get(1).taskId(),
                    f.hospitalA, "交叉", null)), "not to the applicant's own unit");
            assertEquals("task-not-pending", code(() -> f.reviews.assign(f.examSite, a.chain().get(1).taskId(),
                    f.hospitalB, "交叉", null)), "only the step whose turn it is");
            assertEquals(a.version(), f.reviews.assign(f.examSite, task, f.hospitalA, "交叉", null).version(),
                    "already there: nothing changes");
            assertEquals("reason-required", code(() -> f.reviews.assign(f.examSite, task, f.hospitalB, " ", null)));
            assertEquals(404, status(() -> f.reviews.assign(f.reviewerA, task, f.hospitalB, "交叉", null)),
                    "without review.assign");

            Application assigned = f.reviews.assign(f.examSite, task, f.hospitalB, "回避本单位", "10.0.0.3");
            assertEquals(f.hospitalB, assigned.chain().get(0).organisationId());
            assertEquals(f.hospitalA, assigned.chain().get(0).routedOrganisationId(), "the route's choice is kept");
            assertEquals(1, f.reviews.queue(f.reviewerB, Queue.PENDING, Filter.all(), 0, 10).total());
            assertEquals(0, f.reviews.queue(f.reviewerA, Queue.PENDING, Filter.all(), 0, 10).total());
            assertEquals(404, status(() -> f.reviews.act(f.reviewerA, task, ReviewAction.RETURN, "x", null, null)));
            assertTrue(actions(f, a).contains("assign"));
            AuditEntry record = audited(f, "review.assign").get(0);
            assertEquals(f.hospitalA, record.event().before());
            assertEquals(f.hospitalB, record.event().after());

            Application back = f.reviews.assign(f.examSite, task, f.hospitalA, "撤回分配", null);
            assertEquals(f.hospitalA, back.chain().get(0).organisationId(), "back to the route's choice");
            f.reviews.assign(f.examSite, task, f.hospitalB, "回避本单位", null);
            f.reviews.recommend(f.reviewerB, task, null, "乙", LocalDate.of(2026, 11, 22), null);
            Application approved = f.reviews.act(f.reviewerB, task, ReviewAction.APPROVE, null, null, null);
            assertEquals("approved", approved.chain().get(0).status());
            assertEquals("task-not-pending", code(() -> f.reviews.assign(f.examSite, task, f.hospitalA, "再分",
                    null)));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void queuesFilterSortAndPage(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            submitted(f, f.applicant, "李娜");
            f.clock.advance(java.time.Duration.ofMinutes(5));
            submitted(f, f.secondApplicant, "王强");
            Reviews r = f.reviews;
            Reviews.Page all = r.queue(f.reviewerA, Queue.PENDING, Filter.all(), 0, 10);
            assertEquals(2, all.total());
            assertEquals(List.of("李娜", "王强"), names(all), "oldest submission first");
            assertEquals(List.of("王强", "李娜"), names(r.queue(f.reviewerA, Queue.PENDING, new Filter(null, null, null,
                    null, null, null, Sort.SUBMITTED_AT, true), 0, 10)));
            Reviews.Page page = r.queue(f.reviewerA, Queue.PENDING, new Filter(null, null, null, null, null, null,
                    Sort.SUBMITTED_AT, true), 1, 1);
            assertEquals(2, page.total());
            assertEquals(List.of("李娜"), names(page));
            assertEquals(List.of("王强"), names(r.queue(f.reviewerA, Queue.PENDING, new Filter(null, null, null, "王",
                    null, null, null, false), 0, 10)));
            assertEquals(0, r.queue(f.reviewerA, Queue.PENDING, new Filter(null, null, null, "%", null, null, null,
                    false), 0, 10).total(), "LIKE wildcards are text");
            assertEquals(2, r.queue(f.reviewerA, Queue.PENDING, new Filter(WorkflowFixture.ACTIONS, "unit-review",
                    f.hospitalA, null, null, null, Sort.APPLICANT_NAME, false), 0, 10).total());
            assertEquals(0, r.queue(f.reviewerA, Queue.PENDING, new Filter(null, null, f.hospitalB, null, null, null,
                    null, false), 0, 10).total());
            assertEquals(1, r.queue(f.reviewerA, Queue.PENDING, new Filter(null, null, null, null,
                    f.clock.instant().minusSeconds(60), null, null, false), 0, 10).total());
            assertEquals(0, r.queue(f.reviewerA, Queue.PENDING, Filter.business(WorkflowFixture.BUSINESS), 0, 10)
                    .total());
            assertEquals(2, r.counts(f.reviewerA, Filter.all()).get(Queue.PENDING));
            assertEquals(1, r.counts(f.reviewerA, new Filter(null, null, null, "李", null, null, null, false))
                    .get(Queue.PENDING));
            assertEquals("unknown-organisation", code(() -> r.queue(f.reviewerA, Queue.PENDING, new Filter(null, null,
                    "no-such-unit", null, null, null, null, false), 0, 10)));
            assertEquals("invalid-name-filter", code(() -> r.queue(f.reviewerA, Queue.PENDING, new Filter(null, null,
                    null, "王".repeat(51), null, null, null, false), 0, 10)));
            assertEquals(0, r.queue(f.reviewerB, Queue.PENDING, Filter.all(), 0, 10).total(), "another unit");
            assertEquals(0, r.queue(f.districtReviewer, Queue.PENDING, Filter.all(), 0, 10).total(), "not yet");
        }
    }

    private static List<String> names(Reviews.Page page) {
        return page.tasks().stream().map(Reviews.Task::applicantName).toList();
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void twoReviewersCorrectingAtOnceCannotBothWin(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            Application a = submitted(f, f.applicant, "李娜");
            String task = unitTask(a);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (Caller reviewer : List.of(f.reviewerA, f.secondReviewerA)) {
                    Callable<Integer> correction = () -> {
                        start.await();
                        return status(() -> f.reviews.correct(reviewer, task, a.version(), List.of(new Correction(
                                "years", null, reviewer == f.reviewerA ? 13 : 14)), null, null));
                    };
                    results.add(pool.submit(correction));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> result : results) {
                    statuses.add(result.get());
                }
                statuses.sort(null);
                assertEquals(200, statuses.get(0));
                assertTrue(statuses.get(1) == 409 || statuses.get(1) == 412, "the other is told: " + statuses);
            } finally {
                pool.shutdownNow();
            }
            Application after = f.applications.get(f.reviewerA, a.id());
            assertEquals(a.version() + 1, after.version(), "exactly one correction landed");
            assertFalse(after.answers().get("years").equals(12));
        }
    }
}
