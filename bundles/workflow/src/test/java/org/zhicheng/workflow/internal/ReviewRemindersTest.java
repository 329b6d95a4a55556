package org.zhicheng.workflow.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.business.descriptor.ReviewAction;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.notification.Inbox;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.notification.internal.DatabaseInbox;
import org.zhicheng.notification.internal.DatabaseOutbox;
import org.zhicheng.persistence.internal.TestDatabases;

/**
 * FJ-5 pop-up reminders: reviewers with steps waiting longer than the configured days get one in-app reminder a
 * day with the count, whichever and however many nodes run, from the reminder hour (Asia/Shanghai) on.
 */
class ReviewRemindersTest {

    static final java.util.Map<String, Object> ANSWERS = java.util.Map.of("name", "李娜", "specialty", "clinical",
            "years", 12);

    static Application submitted(WorkflowFixture f) {
        Application draft = f.applications.create(f.applicant, WorkflowFixture.BUSINESS, null);
        Application saved = f.applications.save(f.applicant, draft.id(), draft.version(), ANSWERS, null);
        return f.applications.submit(f.applicant, saved.id(), saved.version(), null);
    }

    /** The fixture submits at 2026-11-22T08:00Z, 16:00 in Shanghai. */
    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    static ReviewReminders reminders(WorkflowFixture f, Clock clock) {
        return new ReviewReminders(f.db.dataSource(), new DatabaseOutbox(clock), clock, 3, 9);
    }

    static List<String> bodies(WorkflowFixture f, Caller caller) {
        return new DatabaseInbox(f.db.dataSource(), f.clock).mine(caller, 0, 50).entries().stream()
                .map(Inbox.Entry::body).toList();
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void reviewersOfStepsWaitingLongerThanTheDaysAreRemindedOnceADay(TestDatabases.Factory factory)
            throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            Application first = submitted(f);
            Application draft = f.applications.create(f.secondApplicant, WorkflowFixture.BUSINESS, null);
            Application saved = f.applications.save(f.secondApplicant, draft.id(), draft.version(), ANSWERS, null);
            f.applications.submit(f.secondApplicant, saved.id(), saved.version(), null);

            // 2026-11-25 09:00 in Shanghai: waiting since before 11-22 09:00 is needed; they came at 16:00.
            assertEquals(0, reminders(f, at("2026-11-25T01:00:00Z")).remindDue(), "three days are not over yet");
            // 2026-11-26 08:59 in Shanghai: before the reminder hour.
            assertEquals(0, reminders(f, at("2026-11-26T00:59:00Z")).remindDue(), "not before 9 o'clock");

            Clock nineOClock = at("2026-11-26T01:00:00Z");
            assertEquals(2, reminders(f, nineOClock).remindDue(), "both unit reviewers of hospital A");
            assertEquals(List.of("您有 2 件申报等待审核已超过 3 天，请及时处理。\n\n2 application(s) have been waiting for"
                    + " your review for more than 3 days; please deal with them.\n"), bodies(f, f.reviewerA));
            assertEquals(1, bodies(f, f.secondReviewerA).size());
            assertEquals(List.of(), bodies(f, f.reviewerB), "nothing waits for hospital B");
            assertEquals(List.of(), bodies(f, f.districtReviewer), "the district step is not pending yet");

            assertEquals(0, reminders(f, nineOClock).remindDue(), "once a day");
            assertEquals(0, reminders(f, at("2026-11-26T15:59:00Z")).remindDue(), "23:59 the same day: still once");
            assertEquals(1, bodies(f, f.reviewerA).size());

            // The unit approves one of them on 11-26 10:00 Shanghai: it waits at the district from then on.
            f.clock.set(Instant.parse("2026-11-26T02:00:00Z"));
            f.reviews.act(f.reviewerA, first.chain().get(0).taskId(), ReviewAction.APPROVE, null, null, null);

            // The next day two nodes look at the same moment; each account is reminded once.
            Clock nextDay = at("2026-11-27T01:30:00Z");
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch start = new CountDownLatch(1);
                Callable<Integer> node = () -> {
                    ReviewReminders r = reminders(f, nextDay);
                    start.await();
                    return r.remindDue();
                };
                Future<Integer> a = nodes.submit(node);
                Future<Integer> b = nodes.submit(node);
                start.countDown();
                assertEquals(2, a.get() + b.get(), "two accounts, each by exactly one node");
            } finally {
                nodes.shutdownNow();
            }
            List<String> reviewerA = bodies(f, f.reviewerA);
            assertEquals(2, reviewerA.size());
            assertTrue(reviewerA.get(0).startsWith("您有 1 件申报"), "only the second waits at the unit now: "
                    + reviewerA.get(0));
            assertEquals(List.of(), bodies(f, f.districtReviewer), "at the district only since yesterday");

            // 11-29 09:00: the cut-off is 11-26 09:00, and the district step waits only since 11-26 10:00.
            assertEquals(2, reminders(f, at("2026-11-29T01:00:00Z")).remindDue());
            assertEquals(List.of(), bodies(f, f.districtReviewer));
            // 11-30 09:00: the cut-off is 11-27 09:00; now the district has waited long enough too.
            assertEquals(3, reminders(f, at("2026-11-30T01:00:00Z")).remindDue());
            assertEquals(List.of("您有 1 件申报等待审核已超过 3 天，请及时处理。\n\n1 application(s) have been waiting for"
                    + " your review for more than 3 days; please deal with them.\n"), bodies(f, f.districtReviewer));
            assertEquals(4, bodies(f, f.reviewerA).size(), "one a day: 11-26, 11-27, 11-29, 11-30");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void zeroDaysTurnsRemindersOff(TestDatabases.Factory factory) throws Exception {
        try (WorkflowFixture f = new WorkflowFixture(factory, false)) {
            submitted(f);
            Clock later = at("2027-01-10T02:00:00Z");
            assertEquals(0, new ReviewReminders(f.db.dataSource(), new DatabaseOutbox(later), later, 0, 9)
                    .remindDue());
            assertEquals(List.of(), bodies(f, f.reviewerA));
            assertEquals(2, reminders(f, later).remindDue(), "the same data with reminders on");
            assertThrows(IllegalArgumentException.class,
                    () -> new ReviewReminders(f.db.dataSource(), new DatabaseOutbox(later), later, 3, 24));
        }
    }
}
