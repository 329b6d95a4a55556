package org.zhicheng.identity.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.audit.AuditEntry;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditEvent.Actor;
import org.zhicheng.api.audit.AuditQuery;
import org.zhicheng.api.audit.ChainVerification;
import org.zhicheng.persistence.internal.TestDatabases;
import org.zhicheng.persistence.internal.TestDatabases.TestDatabase;

/** FJ-7: the audit log on both databases: consecutive, chained, searchable, and tampering is detected. */
class DatabaseAuditTrailTest {


    static AuditEvent login(String account, String org) {
        return new AuditEvent("login.success", new Actor(account, org, "unit-reviewer", "127.0.0.1"), "account",
                account, null, null, null);
    }

    static DatabaseAuditTrail trail(TestDatabase db) throws SQLException {
        TestDatabases.migrate(db.dataSource());
        return new DatabaseAuditTrail(db.dataSource(), java.time.Clock.systemUTC());
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void concurrentAppendsFormOneUnbrokenChain(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            DatabaseAuditTrail trail = trail(db);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<AuditEntry>> futures = new ArrayList<>();
                for (int i = 0; i < 120; i++) {
                    String account = "a" + (i % 6);
                    futures.add(pool.submit(() -> trail.record(login(account, "org-" + account))));
                }
                for (Future<AuditEntry> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            ChainVerification verification = trail.verify();
            assertTrue(verification.intact(), verification.toString());
            assertEquals(120, verification.entriesChecked());
            List<AuditEntry> all = trail.find(AuditQuery.all(0, 1000));
            assertEquals(LongStream.rangeClosed(1, 120).boxed().toList(),
                    all.stream().map(AuditEntry::seq).toList(), "numbers are consecutive");
            assertEquals(AuditHash.GENESIS, all.get(0).previousHash());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void findsByActorOrganisationActionAndObjectInPages(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            DatabaseAuditTrail trail = trail(db);
            trail.record(login("alice", "unit-1"));
            trail.record(new AuditEvent("login.failure", Actor.anonymous("10.0.0.9"), "account", null, null, null,
                    "unknown user"));
            trail.record(new AuditEvent("account.lock", Actor.SYSTEM, "account", "bob", "{\"locked\":false}",
                    "{\"locked\":true}", "5 consecutive failures"));
            trail.record(login("bob", "unit-2"));
            trail.record(new AuditEvent("review.return", new Actor("alice", "unit-1", "unit-reviewer", null),
                    "application", "app-7", null, null, "请补充学历证明 / please add the diploma"));

            assertEquals(List.of(1L, 5L), seqs(trail.find(new AuditQuery("alice", null, null, null, null, null, null,
                    0, 100))));
            assertEquals(List.of(4L), seqs(trail.find(new AuditQuery(null, "unit-2", null, null, null, null, null, 0,
                    100))));
            assertEquals(List.of(1L, 2L, 4L), seqs(trail.find(new AuditQuery(null, null, "login.", null, null, null,
                    null, 0, 100))));
            assertThrows(IllegalArgumentException.class,
                    () -> new AuditQuery(null, null, "%", null, null, null, null, 0, 100),
                    "a prefix cannot carry LIKE wildcards");
            assertEquals(List.of(3L, 4L), seqs(trail.find(new AuditQuery(null, null, null, "account", "bob", null,
                    null, 0, 100))), "the lock and bob's own login are both about account bob");
            assertEquals(List.of(3L, 4L), seqs(trail.find(AuditQuery.all(2, 2))), "pages by cursor");
            AuditEntry returned = trail.find(AuditQuery.all(4, 1)).get(0);
            assertEquals("请补充学历证明 / please add the diploma", returned.event().detail());
            assertEquals("{\"locked\":true}", trail.find(AuditQuery.all(2, 1)).get(0).event().after());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void detectsAChangedEntry(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            DatabaseAuditTrail trail = trail(db);
            for (int i = 0; i < 10; i++) {
                trail.record(login("u" + i, "unit-1"));
            }
            tamper(db, "UPDATE audit_event SET actor_account = 'someone-else' WHERE seq = 6");
            ChainVerification verification = trail.verify();
            assertFalse(verification.intact());
            assertEquals(6, verification.firstBrokenSeq());
            assertTrue(verification.problem().contains("changed"), verification.problem());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void detectsRemovedEntriesInTheMiddleAndAtTheEnd(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            DatabaseAuditTrail trail = trail(db);
            for (int i = 0; i < 10; i++) {
                trail.record(login("u" + i, "unit-1"));
            }
            tamper(db, "DELETE FROM audit_event WHERE seq = 10");
            ChainVerification tail = trail.verify();
            assertFalse(tail.intact());
            assertEquals(10, tail.firstBrokenSeq());

            tamper(db, "DELETE FROM audit_event WHERE seq = 4");
            ChainVerification middle = trail.verify();
            assertFalse(middle.intact());
            assertEquals(4, middle.firstBrokenSeq());
            assertTrue(middle.problem().contains("missing"), middle.problem());
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void postgresRefusesChangesInTheDatabaseItself(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            DatabaseAuditTrail trail = trail(db);
            trail.record(login("alice", "unit-1"));
            if (!db.name().equals("PostgreSQL")) {
                return; // H2 has no triggers without Java code: the chain is its only guard (see V2_1 for H2)
            }
            for (String sql : List.of("UPDATE audit_event SET detail = 'x' WHERE seq = 1",
                    "DELETE FROM audit_event WHERE seq = 1", "TRUNCATE audit_event",
                    "UPDATE audit_head SET last_seq = 5 WHERE id = 1", "DELETE FROM audit_head")) {
                SQLException refused = assertThrows(SQLException.class, () -> execute(db, sql), sql);
                assertTrue(refused.getMessage().contains("audit"), refused.getMessage());
            }
            assertTrue(trail.verify().intact());
        }
    }

    /** Changes rows behind the application's back; on PostgreSQL only a superuser that disables the guard can. */
    private static void tamper(TestDatabase db, String sql) throws SQLException {
        if (db.name().equals("PostgreSQL")) {
            execute(db, "ALTER TABLE audit_event DISABLE TRIGGER USER");
            execute(db, sql);
            execute(db, "ALTER TABLE audit_event ENABLE TRIGGER USER");
        } else {
            execute(db, sql);
        }
    }

    private static void execute(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<Long> seqs(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::seq).toList();
    }
}
