package org.zhicheng.notification.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.business.descriptor.Channel;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.notification.NotificationException;
import org.zhicheng.api.notification.Outbox;
import org.zhicheng.api.notification.OutboxAdministration;
import org.zhicheng.api.notification.OutboxAdministration.Status;
import org.zhicheng.api.notification.SendException;
import org.zhicheng.notification.internal.NotificationWorld.Directory;
import org.zhicheng.notification.internal.NotificationWorld.RecordedAudit;
import org.zhicheng.notification.internal.NotificationWorld.RecordingSender;
import org.zhicheng.persistence.internal.TestClock;
import org.zhicheng.persistence.internal.TestDatabases;
import org.zhicheng.persistence.internal.TestDatabases.TestDatabase;

/**
 * Operators see what waits, failed and was sent, with masked recipients and never a body, and queue a failed
 * message again; the retry is audited (FJ-7) and needs {@code notification.admin}.
 */
class OutboxAdministrationTest {

    static final String BODY = "一次性链接 https://example.test/recover#token=very-secret";

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void failuresAreListedWithoutBodiesAndARetrySendsAgain(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            TestDatabases.migrate(db.dataSource());
            TestClock clock = new TestClock();
            String org = NotificationWorld.organisation(db.dataSource(), "平台");
            Caller admin = NotificationWorld.account(db.dataSource(), org, "admin", OutboxAdministration.PERMISSION);
            Caller reviewer = NotificationWorld.account(db.dataSource(), org, "reviewer", "review.act");
            DatabaseOutbox outbox = new DatabaseOutbox(clock);
            OutboxDispatcher dispatcher = new OutboxDispatcher(db.dataSource(), clock,
                    OutboxDispatcherTest.settings("", 25, 2));
            RecordingSender email = new RecordingSender(Channel.EMAIL);
            RecordingSender sms = new RecordingSender(Channel.SMS);
            Directory directory = new Directory();
            directory.numbers.put(reviewer.accountId(), "13700001111");
            dispatcher.addSender(email, Map.of("service.id", 1L));
            dispatcher.addSender(sms, Map.of("service.id", 2L));
            dispatcher.setContacts(directory);
            RecordedAudit audit = new RecordedAudit();
            DatabaseOutboxAdministration operators = new DatabaseOutboxAdministration(db.dataSource(), audit, clock);

            String delivered = NotificationWorld.inTransaction(db.dataSource(), c -> outbox.enqueue(c,
                    new Outbox.Email("ok@example.cn", "s", BODY, "password-recovery")));
            dispatcher.deliverDue();
            email.failure = SendException.permanent("550 mailbox unavailable");
            String refusedMail = NotificationWorld.inTransaction(db.dataSource(), c -> outbox.enqueue(c,
                    new Outbox.Email("li.na@example.cn", "s", BODY, "password-recovery")));
            sms.failure = SendException.permanent("number does not exist");
            String refusedSms = NotificationWorld.inTransaction(db.dataSource(), c -> outbox.enqueue(c,
                    new Outbox.Sms(reviewer.accountId(), BODY, "workflow.returned")));
            dispatcher.deliverDue();
            clock.advance(Duration.ofMinutes(5));
            String waiting = NotificationWorld.inTransaction(db.dataSource(), c -> outbox.enqueue(c,
                    new Outbox.Sms(admin.accountId(), BODY, "workflow.returned")));

            OutboxAdministration.Page failed = operators.list(admin, Status.FAILED, 0, 50);
            assertEquals(1, failed.waiting());
            assertEquals(2, failed.failed());
            assertEquals(1, failed.sent());
            assertEquals(List.of(refusedMail, refusedSms).stream().sorted().toList(),
                    failed.entries().stream().map(OutboxAdministration.Entry::id).sorted().toList());
            String shown = failed.entries().toString();
            assertFalse(shown.contains("very-secret") || shown.contains("一次性链接"), "never a body: " + shown);
            assertFalse(shown.contains("li.na@example.cn") || shown.contains("13700001111"), shown);
            OutboxAdministration.Entry mail = failed.entries().stream().filter(e -> e.id().equals(refusedMail))
                    .findFirst().orElseThrow();
            assertEquals("email", mail.channel());
            assertEquals("l***@example.cn", mail.recipient());
            assertEquals("password-recovery", mail.purpose());
            assertEquals(1, mail.attempts());
            assertEquals("550 mailbox unavailable", mail.lastError());
            assertEquals(clock.instant().minus(Duration.ofMinutes(5)), mail.failedAt());
            assertNull(mail.nextAttemptAt());
            OutboxAdministration.Entry text = failed.entries().stream().filter(e -> e.id().equals(refusedSms))
                    .findFirst().orElseThrow();
            assertEquals("sms", text.channel());
            assertEquals("137****1111", text.recipient());

            OutboxAdministration.Page queued = operators.list(admin, Status.WAITING, 0, 50);
            assertEquals("account:" + admin.accountId(), queued.entries().get(0).recipient(),
                    "before its number is looked up an SMS shows whose it is");
            assertEquals(List.of(delivered), operators.list(admin, Status.SENT, 0, 50).entries().stream()
                    .map(OutboxAdministration.Entry::id).toList());
            assertEquals(1, operators.list(admin, Status.FAILED, 1, 1).entries().size(), "paged");

            assertEquals(403, assertThrows(NotificationException.class,
                    () -> operators.list(reviewer, Status.FAILED, 0, 50)).status());
            assertEquals(403, assertThrows(NotificationException.class,
                    () -> operators.retry(reviewer, refusedMail, "10.0.0.9")).status());
            assertEquals(404, assertThrows(NotificationException.class,
                    () -> operators.retry(admin, "no-such-message", "10.0.0.9")).status());
            assertEquals(409, assertThrows(NotificationException.class,
                    () -> operators.retry(admin, waiting, "10.0.0.9")).status(), "only failed ones");
            assertEquals(409, assertThrows(NotificationException.class,
                    () -> operators.retry(admin, delivered, "10.0.0.9")).status());
            assertEquals(List.of(), audit.events, "refusals change and record nothing");

            email.failure = null;
            operators.retry(admin, refusedMail, "10.0.0.9");
            AuditEvent event = audit.events.get(0);
            assertEquals("notification.retry", event.action());
            assertEquals(admin.accountId(), event.actor().accountId());
            assertEquals("10.0.0.9", event.actor().ip());
            assertEquals(refusedMail, event.objectId());
            assertTrue(event.before().contains("\"attempts\":1"), event.before());
            OutboxAdministration.Entry requeued = operators.list(admin, Status.WAITING, 0, 50).entries().stream()
                    .filter(e -> e.id().equals(refusedMail)).findFirst().orElseThrow();
            assertEquals(0, requeued.attempts(), "attempts start again");
            assertEquals(clock.instant(), requeued.nextAttemptAt(), "due now");

            assertEquals(1, dispatcher.deliverDue(), "the retried mail leaves; the SMS to an account without a number"
                    + " fails");
            assertEquals(List.of(delivered, refusedMail), email.sent.stream().map(m -> m.id()).toList());
            assertEquals(BODY, email.sent.get(1).body(), "a failed message kept its body for the retry");
            OutboxAdministration.Page end = operators.list(admin, Status.SENT, 0, 50);
            assertEquals(2, end.sent());
            assertEquals(2, end.failed());
            assertEquals(0, end.waiting());
            assertEquals(400, assertThrows(NotificationException.class,
                    () -> operators.list(admin, Status.FAILED, 0, OutboxAdministration.MAX_LIMIT + 1)).status());
        }
    }
}
