package org.zhicheng.notification.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.notification.Inbox;
import org.zhicheng.api.notification.NotificationException;
import org.zhicheng.api.notification.Outbox;
import org.zhicheng.persistence.internal.TestClock;
import org.zhicheng.persistence.internal.TestDatabases;
import org.zhicheng.persistence.internal.TestDatabases.TestDatabase;

/** FJ-5 pop-up reminders: in-app messages land in the account's inbox with the transaction; each sees only its own. */
class InboxTest {

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void eachAccountSeesAndMarksOnlyItsOwnMessagesNewestFirst(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            TestDatabases.migrate(db.dataSource());
            TestClock clock = new TestClock();
            String org = NotificationWorld.organisation(db.dataSource(), "区卫健委");
            Caller reviewer = NotificationWorld.account(db.dataSource(), org, "reviewer");
            Caller other = NotificationWorld.account(db.dataSource(), org, "other");
            DatabaseOutbox outbox = new DatabaseOutbox(clock);
            DatabaseInbox inbox = new DatabaseInbox(db.dataSource(), clock);

            for (int i = 1; i <= 3; i++) {
                int n = i;
                NotificationWorld.inTransaction(db.dataSource(), c -> outbox.enqueue(c, new Outbox.InApp(
                        reviewer.accountId(), "待审提醒 " + n, "您有 " + n + " 件申报待审核。", "workflow.review-reminder")));
                clock.advance(Duration.ofMinutes(1));
            }
            String foreign = NotificationWorld.inTransaction(db.dataSource(), c -> outbox.enqueue(c,
                    new Outbox.InApp(other.accountId(), "别人的", "secret", "test")));
            // Written in a transaction that rolls back, it never appears.
            assertThrows(IllegalStateException.class, () -> NotificationWorld.inTransaction(db.dataSource(), c -> {
                outbox.enqueue(c, new Outbox.InApp(reviewer.accountId(), "回滚", "x", "test"));
                throw new IllegalStateException("the action failed");
            }));

            Inbox.Page page = inbox.mine(reviewer, 0, 2);
            assertEquals(3, page.total());
            assertEquals(3, page.unread());
            assertEquals(List.of("待审提醒 3", "待审提醒 2"), page.entries().stream().map(Inbox.Entry::subject).toList());
            assertEquals(List.of("待审提醒 1"), inbox.mine(reviewer, 2, 2).entries().stream().map(Inbox.Entry::subject)
                    .toList());
            assertEquals(List.of("别人的"), inbox.mine(other, 0, 10).entries().stream().map(Inbox.Entry::subject)
                    .toList());

            NotificationException notMine = assertThrows(NotificationException.class,
                    () -> inbox.markRead(reviewer, foreign));
            assertEquals(404, notMine.status(), "another account's message does not exist for the caller");
            assertNull(inbox.mine(other, 0, 10).entries().get(0).readAt(), "and stays unread");
            assertEquals(404, assertThrows(NotificationException.class, () -> inbox.markRead(reviewer, "nope"))
                    .status());

            Inbox.Entry newest = page.entries().get(0);
            inbox.markRead(reviewer, newest.id());
            clock.advance(Duration.ofHours(1));
            inbox.markRead(reviewer, newest.id());
            Inbox.Page after = inbox.mine(reviewer, 0, 10);
            assertEquals(2, after.unread());
            assertEquals(3, after.total());
            assertNotNull(after.entries().get(0).readAt());
            assertEquals(clock.instant().minus(Duration.ofHours(1)), after.entries().get(0).readAt(),
                    "marking again keeps the first reading");

            assertEquals(400, assertThrows(NotificationException.class, () -> inbox.mine(reviewer, 0, 0)).status());
            assertEquals(400, assertThrows(NotificationException.class,
                    () -> inbox.mine(reviewer, -1, 10)).status());
            assertEquals(400, assertThrows(NotificationException.class,
                    () -> inbox.mine(reviewer, 0, Inbox.MAX_LIMIT + 1)).status());
        }
    }
}
