package org.zhicheng.notification.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.health.Health;
import org.zhicheng.api.notification.Outbox.Email;
import org.zhicheng.persistence.internal.TestClock;
import org.zhicheng.persistence.internal.TestDatabases;
import org.zhicheng.persistence.internal.TestDatabases.TestDatabase;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/** The outbox delivers over real SMTP (GreenMail), retries with pauses, gives up, and reports it in health. */
class OutboxDispatcherTest {

    static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    /** Settings as Config Admin would give them. */
    static EmailSettings settings(String host, int port, int maxAttempts) {
        return new EmailSettings() {
            @Override public Class<? extends Annotation> annotationType() { return EmailSettings.class; }
            @Override public String smtp_host() { return host; }
            @Override public int smtp_port() { return port; }
            @Override public String smtp_security() { return "none"; }
            @Override public String smtp_username() { return ""; }
            @Override public String smtp_password() { return ""; }
            @Override public String from() { return "职称申报系统 <noreply@zhicheng.test>"; }
            @Override public int pollSeconds() { return 10; }
            @Override public int maxAttempts() { return maxAttempts; }
            @Override public int timeoutSeconds() { return 5; }
        };
    }

    static void enqueue(TestDatabase db, Clock clock, Email email) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            new DatabaseOutbox(clock).enqueue(c, email);
        }
    }

    static List<String> column(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            List<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void deliversUtf8MailOnceAndForgetsTheBody(TestDatabases.Factory factory) throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (TestDatabase db = factory.create()) {
            TestDatabases.migrate(db.dataSource());
            Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
            enqueue(db, clock, new Email("u0032@gdwsrc.net", "找回密码 / Password recovery",
                    "链接 https://example.test/recover?token=secret", "password-recovery"));
            OutboxDispatcher dispatcher = new OutboxDispatcher(db.dataSource(), clock,
                    settings("127.0.0.1", smtp.getSmtp().getPort(), 3));
            assertEquals(1, dispatcher.deliverDue());
            assertEquals(0, dispatcher.deliverDue(), "sent once");
            MimeMessage[] received = smtp.getReceivedMessages();
            assertEquals(1, received.length);
            assertEquals("找回密码 / Password recovery", received[0].getSubject());
            assertTrue(GreenMailUtil.getBody(received[0]).length() > 0);
            assertEquals(List.of("sent"), column(db, "SELECT status FROM notification_outbox"));
            assertEquals(List.of(""), column(db, "SELECT body FROM notification_outbox"), "the link is not kept");
            assertEquals(Health.Status.UP, dispatcher.check().status());
        } finally {
            smtp.stop();
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void retriesWithPausesThenGivesUpAndHealthSaysSo(TestDatabases.Factory factory) throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (TestDatabase db = factory.create()) {
            TestDatabases.migrate(db.dataSource());
            TestClock clock = new TestClock(T0);
            enqueue(db, clock, new Email("a@b.test", "s", "b", "test"));
            OutboxDispatcher dispatcher = new OutboxDispatcher(db.dataSource(), clock,
                    settings("127.0.0.1", closedPort, 2));
            assertEquals(0, dispatcher.deliverDue());
            assertEquals(List.of("queued"), column(db, "SELECT status FROM notification_outbox"));
            assertEquals(0, dispatcher.deliverDue(), "not again before its pause is over");
            assertEquals(List.of("1"), column(db, "SELECT attempts FROM notification_outbox"));
            clock.set(T0.plus(Duration.ofMinutes(2)));
            assertEquals(0, dispatcher.deliverDue());
            assertEquals(List.of("failed"), column(db, "SELECT status FROM notification_outbox"));
            Health health = dispatcher.check();
            assertEquals(Health.Status.DEGRADED, health.status());
            assertEquals(1, health.details().get("failedInLastDay"));
            clock.set(T0.plus(Duration.ofDays(2)));
            assertEquals(Health.Status.UP, dispatcher.check().status(), "a day later it is history");
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void withoutSmtpMailWaitsAndHealthSaysSoOnceOneWaits(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            TestDatabases.migrate(db.dataSource());
            Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
            OutboxDispatcher dispatcher = new OutboxDispatcher(db.dataSource(), clock, settings("", 25, 3));
            assertEquals(Health.Status.UP, dispatcher.check().status());
            enqueue(db, clock, new Email("a@b.test", "s", "b", "test"));
            assertEquals(0, dispatcher.deliverDue());
            assertEquals(Health.Status.DEGRADED, dispatcher.check().status());
            assertEquals("not configured", dispatcher.check().details().get("email"));
            assertThrows(IllegalArgumentException.class,
                    () -> enqueue(db, clock, new Email("not an address", "s", "b", "test")));
        }
    }
}
