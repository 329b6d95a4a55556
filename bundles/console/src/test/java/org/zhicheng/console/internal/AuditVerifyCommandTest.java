package org.zhicheng.console.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditEvent.Actor;
import org.zhicheng.identity.internal.audit.DatabaseAuditTrail;
import org.zhicheng.persistence.internal.TestDatabases;

/** FJ-7: the console verifies the audit chain and fails on tampering (the embedded database has no triggers). */
class AuditVerifyCommandTest {

    @Test
    void reportsAnIntactChainAndFailsOnATamperedOne() throws Exception {
        try (var db = TestDatabases.h2()) {
            TestDatabases.migrate(db.dataSource());
            DatabaseAuditTrail trail = new DatabaseAuditTrail(db.dataSource(), Clock.systemUTC());
            for (int i = 0; i < 3; i++) {
                trail.record(new AuditEvent("login.success", Actor.anonymous("10.0.0." + i), "account", "a" + i, null,
                        null, null));
            }
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            AuditVerifyCommand command = new AuditVerifyCommand();
            command.audit = trail;
            command.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
            command.execute();
            assertTrue(printed.toString(StandardCharsets.UTF_8).contains("intact / 审计日志完整: 3 entries"),
                    printed.toString(StandardCharsets.UTF_8));

            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE audit_event SET actor_ip = '6.6.6.6' WHERE seq = 2");
            }
            printed.reset();
            assertThrows(IllegalStateException.class, command::execute);
            assertTrue(printed.toString(StandardCharsets.UTF_8).contains("first broken entry 2"),
                    printed.toString(StandardCharsets.UTF_8));
        }
    }
}
