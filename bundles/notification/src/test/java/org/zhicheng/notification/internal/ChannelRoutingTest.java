package org.zhicheng.notification.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhicheng.notification.internal.NotificationWorld.column;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.business.descriptor.Channel;
import org.zhicheng.api.health.Health;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.notification.Message;
import org.zhicheng.api.notification.Outbox;
import org.zhicheng.api.notification.SendException;
import org.zhicheng.notification.internal.NotificationWorld.Directory;
import org.zhicheng.notification.internal.NotificationWorld.RecordingSender;
import org.zhicheng.persistence.internal.TestClock;
import org.zhicheng.persistence.internal.TestDatabases;
import org.zhicheng.persistence.internal.TestDatabases.TestDatabase;

/**
 * FJ-5: messages leave through the sender of their channel; SMS are queued by account and addressed only at send
 * time; a channel without a sender waits (health says so) and nothing is dropped; permanent failures give up at
 * once, temporary ones are retried.
 */
class ChannelRoutingTest {

    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    static final String NUMBER = "13912345678";

    /** The migrated database, one applicant account, an outbox and a dispatcher without SMTP. */
    record World(TestDatabase db, TestClock clock, Caller applicant, DatabaseOutbox outbox,
            OutboxDispatcher dispatcher, Directory directory) implements AutoCloseable {

        static World create(TestDatabases.Factory factory, int maxAttempts) throws Exception {
            TestDatabase db = factory.create();
            TestDatabases.migrate(db.dataSource());
            TestClock clock = new TestClock(T0);
            String org = NotificationWorld.organisation(db.dataSource(), "福建省考区");
            Caller applicant = NotificationWorld.account(db.dataSource(), org, "candidate");
            OutboxDispatcher dispatcher = new OutboxDispatcher(db.dataSource(), clock,
                    OutboxDispatcherTest.settings("", 25, maxAttempts));
            return new World(db, clock, applicant, new DatabaseOutbox(clock), dispatcher, new Directory());
        }

        String sms(String text) {
            return NotificationWorld.inTransaction(db.dataSource(), c -> outbox.enqueue(c,
                    new Outbox.Sms(applicant.accountId(), text, "workflow.returned")));
        }

        String email(String address) {
            return NotificationWorld.inTransaction(db.dataSource(), c -> outbox.enqueue(c,
                    new Outbox.Email(address, "退回通知", "正文 https://example.test/t=secret", "workflow.returned")));
        }

        String one(String sql, String id) throws Exception {
            return column(db.dataSource(), sql, id).get(0);
        }

        @Override
        public void close() throws Exception {
            db.close();
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void eachMessageLeavesThroughTheSenderOfItsChannelAndNoPlainNumberIsStored(TestDatabases.Factory factory)
            throws Exception {
        try (World w = World.create(factory, 3)) {
            String sms = w.sms("【职称】您的申报已被退回，请登录系统查看。");
            String mail = w.email("li.na@example.cn");
            assertTrue(NotificationWorld.everythingStored(w.db().dataSource(), "notification_outbox")
                    .contains("recipient_account_id=" + w.applicant().accountId()), "queued by account");

            RecordingSender email = new RecordingSender(Channel.EMAIL);
            RecordingSender gateway = new RecordingSender(Channel.SMS);
            w.dispatcher().addSender(email, Map.of("service.id", 7L));
            w.dispatcher().addSender(gateway, Map.of("service.id", 8L));
            w.dispatcher().setContacts(w.directory());
            w.directory().numbers.put(w.applicant().accountId(), NUMBER);

            assertEquals(2, w.dispatcher().deliverDue());
            assertEquals(List.of(mail), email.sent.stream().map(Message::id).toList());
            assertEquals("li.na@example.cn", email.sent.get(0).recipient());
            assertEquals(List.of(sms), gateway.sent.stream().map(Message::id).toList());
            Message text = gateway.sent.get(0);
            assertEquals(NUMBER, text.recipient(), "the gateway gets the number, resolved at send time");
            assertEquals(Channel.SMS, text.channel());
            assertEquals("【职称】您的申报已被退回，请登录系统查看。", text.body());
            assertFalse(text.toString().contains(NUMBER), "a message logged by mistake shows no number");

            assertEquals("138****5678".replace("138", "139"), w.one("SELECT recipient FROM notification_outbox"
                    + " WHERE id = ?", sms), "only the masked number is kept");
            String stored = NotificationWorld.everythingStored(w.db().dataSource(), "notification_outbox");
            assertFalse(stored.contains(NUMBER), stored);
            assertFalse(stored.contains("secret"), "delivered bodies are forgotten");
            assertEquals(Health.Status.UP, w.dispatcher().check().status());
            assertEquals("gateway", w.dispatcher().check().details().get("sms"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void withoutASenderOrDirectoryAnSmsWaitsAndHealthSaysSoUntilOneAppears(TestDatabases.Factory factory)
            throws Exception {
        try (World w = World.create(factory, 3)) {
            w.directory().numbers.put(w.applicant().accountId(), NUMBER);
            assertEquals(Health.Status.UP, w.dispatcher().check().status(), "nothing waits yet");
            String sms = w.sms("退回通知");

            assertEquals(0, w.dispatcher().deliverDue());
            Health waiting = w.dispatcher().check();
            assertEquals(Health.Status.DEGRADED, waiting.status());
            assertEquals("no sender", waiting.details().get("sms"));
            assertEquals(Map.of("sms", 1), waiting.details().get("waitingForSender"));

            RecordingSender gateway = new RecordingSender(Channel.SMS);
            w.dispatcher().addSender(gateway, Map.of("service.id", 9L));
            w.clock().advance(Duration.ofDays(3));
            assertEquals(0, w.dispatcher().deliverDue(), "not without the directory to find the number");
            assertEquals("no contact directory", w.dispatcher().check().details().get("sms"));
            assertEquals(List.of("queued"), column(w.db().dataSource(), "SELECT status FROM notification_outbox"));
            assertEquals(List.of("0"), column(w.db().dataSource(), "SELECT attempts FROM notification_outbox"),
                    "waiting is not failing: no attempt is used up");

            w.dispatcher().setContacts(w.directory());
            assertEquals(1, w.dispatcher().deliverDue(), "days later it still leaves, never dropped");
            assertEquals(sms, gateway.sent.get(0).id());
            assertEquals(Health.Status.UP, w.dispatcher().check().status());

            w.dispatcher().removeSender(gateway);
            w.sms("second");
            assertEquals(0, w.dispatcher().deliverDue());
            assertEquals(Health.Status.DEGRADED, w.dispatcher().check().status(), "the sender left: waits again");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void aGatewayWithAHigherRankingReplacesTheLoggingSender(TestDatabases.Factory factory) throws Exception {
        try (World w = World.create(factory, 3)) {
            w.dispatcher().setContacts(w.directory());
            w.directory().numbers.put(w.applicant().accountId(), NUMBER);
            List<String> lines = new ArrayList<>();
            LoggingSmsSender logging = new LoggingSmsSender(lines::add);
            w.dispatcher().addSender(logging, Map.of("service.ranking", LoggingSmsSender.RANKING, "service.id", 3L));
            assertEquals("logged only (no gateway)", w.dispatcher().check().details().get("sms"));
            w.sms("first");
            assertEquals(1, w.dispatcher().deliverDue());
            assertEquals(1, lines.size());

            RecordingSender gateway = new RecordingSender(Channel.SMS);
            // Registered later (a higher service id) without a ranking: 0 still outranks the logging sender.
            w.dispatcher().addSender(gateway, Map.of("service.id", 40L));
            w.sms("second");
            assertEquals(1, w.dispatcher().deliverDue());
            assertEquals(1, gateway.sent.size());
            assertEquals(1, lines.size(), "the logging sender is no longer used");
            assertEquals("gateway", w.dispatcher().check().details().get("sms"));

            RecordingSender preferred = new RecordingSender(Channel.SMS);
            w.dispatcher().addSender(preferred, Map.of("service.ranking", 10, "service.id", 41L));
            w.sms("third");
            w.dispatcher().deliverDue();
            assertEquals(1, preferred.sent.size());
            assertEquals(1, gateway.sent.size());
        }
    }

    @Test
    void theLoggingSmsSenderLogsTheMaskedNumberAndPurposeNeverTheText() {
        List<String> lines = new ArrayList<>();
        new LoggingSmsSender(lines::add).send(new Message("m-1", Channel.SMS, NUMBER, "", "验证码 493817，请勿泄露",
                "workflow.returned"));
        assertEquals(1, lines.size());
        String line = lines.get(0);
        assertTrue(line.contains("139****5678"), line);
        assertTrue(line.contains("workflow.returned"), line);
        assertTrue(line.contains("m-1"), line);
        assertFalse(line.contains(NUMBER), line);
        assertFalse(line.contains("493817") || line.contains("验证码"), "never the text: " + line);
        assertEquals(Channel.SMS, new LoggingSmsSender(l -> { }).channel());
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void aPermanentFailureGivesUpAtOnceATemporaryOneIsRetried(TestDatabases.Factory factory) throws Exception {
        try (World w = World.create(factory, 3)) {
            RecordingSender email = new RecordingSender(Channel.EMAIL);
            w.dispatcher().addSender(email, Map.of("service.id", 7L));

            email.failure = SendException.permanent("550 <nobody@example.cn>: no such mailbox");
            String refused = w.email("nobody@example.cn");
            assertEquals(0, w.dispatcher().deliverDue());
            assertEquals("failed", w.one("SELECT status FROM notification_outbox WHERE id = ?", refused));
            assertEquals("1", w.one("SELECT attempts FROM notification_outbox WHERE id = ?", refused),
                    "one attempt of three: permanent means no retry");
            String error = w.one("SELECT last_error FROM notification_outbox WHERE id = ?", refused);
            assertTrue(error.contains("no such mailbox"), error);
            assertFalse(error.contains("nobody@example.cn"), "the address in the error is masked: " + error);
            assertTrue(error.contains("n***@example.cn"), error);
            assertEquals(1, w.dispatcher().check().details().get("failedInLastDay"));

            email.failure = SendException.temporary("421 try later", null);
            String later = w.email("li.na@example.cn");
            assertEquals(0, w.dispatcher().deliverDue());
            assertEquals("queued", w.one("SELECT status FROM notification_outbox WHERE id = ?", later));
            assertEquals(0, w.dispatcher().deliverDue(), "not before its pause is over");
            w.clock().advance(Duration.ofMinutes(1));
            email.failure = null;
            email.crash = new IllegalStateException("gateway timed out");
            assertEquals(0, w.dispatcher().deliverDue());
            assertEquals("queued", w.one("SELECT status FROM notification_outbox WHERE id = ?", later),
                    "an unexpected exception counts as temporary");
            assertEquals("2", w.one("SELECT attempts FROM notification_outbox WHERE id = ?", later));
            w.clock().advance(Duration.ofMinutes(2));
            email.crash = null;
            assertEquals(1, w.dispatcher().deliverDue());
            assertEquals("sent", w.one("SELECT status FROM notification_outbox WHERE id = ?", later));
            assertEquals(List.of(later), email.sent.stream().map(Message::id).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void anSmsToAnAccountWithoutANumberFailsPermanentlyAndSaysWhy(TestDatabases.Factory factory) throws Exception {
        try (World w = World.create(factory, 5)) {
            RecordingSender gateway = new RecordingSender(Channel.SMS);
            w.dispatcher().addSender(gateway, Map.of("service.id", 8L));
            w.dispatcher().setContacts(w.directory());
            String sms = w.sms("退回通知");
            assertEquals(0, w.dispatcher().deliverDue());
            assertEquals("failed", w.one("SELECT status FROM notification_outbox WHERE id = ?", sms));
            assertEquals("1", w.one("SELECT attempts FROM notification_outbox WHERE id = ?", sms));
            String error = w.one("SELECT last_error FROM notification_outbox WHERE id = ?", sms);
            assertTrue(error.contains("no mobile number") && error.contains(w.applicant().accountId()), error);
            assertEquals(List.of(), gateway.sent);

            // The directory failing (a database hiccup) is not the same: it is tried again.
            w.directory().failure = new IllegalStateException("person table unavailable");
            String again = w.sms("second");
            assertEquals(0, w.dispatcher().deliverDue());
            assertEquals("queued", w.one("SELECT status FROM notification_outbox WHERE id = ?", again));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void anSmsGatewayEchoingTheNumberInItsErrorDoesNotLeakIt(TestDatabases.Factory factory) throws Exception {
        try (World w = World.create(factory, 1)) {
            RecordingSender gateway = new RecordingSender(Channel.SMS);
            gateway.failure = SendException.temporary("rate limit for " + NUMBER, null);
            w.dispatcher().addSender(gateway, Map.of("service.id", 8L));
            w.dispatcher().setContacts(w.directory());
            w.directory().numbers.put(w.applicant().accountId(), NUMBER);
            w.sms("退回通知");
            assertEquals(0, w.dispatcher().deliverDue());
            String stored = NotificationWorld.everythingStored(w.db().dataSource(), "notification_outbox");
            assertTrue(stored.contains("status=failed"), "one attempt allowed: " + stored);
            assertTrue(stored.contains("rate limit for 139****5678"), stored);
            assertFalse(stored.contains(NUMBER), stored);
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void enqueueingRefusesWhatCouldNeverBeSent(TestDatabases.Factory factory) throws Exception {
        try (World w = World.create(factory, 3)) {
            try (Connection c = w.db().dataSource().getConnection()) {
                assertThrows(IllegalArgumentException.class, () -> w.outbox().enqueue(c,
                        new Outbox.Sms(w.applicant().accountId(), " ", "workflow.returned")));
                assertThrows(IllegalArgumentException.class, () -> w.outbox().enqueue(c,
                        new Outbox.Sms(w.applicant().accountId(), "x".repeat(Outbox.MAX_SMS_TEXT + 1), "p")));
                assertThrows(IllegalArgumentException.class, () -> w.outbox().enqueue(c,
                        new Outbox.InApp(w.applicant().accountId(), "", "body", "p")));
                assertThrows(java.sql.SQLException.class, () -> w.outbox().enqueue(c,
                        new Outbox.InApp("no-such-account", "s", "body", "p")), "the inbox belongs to an account");
            }
        }
    }
}
