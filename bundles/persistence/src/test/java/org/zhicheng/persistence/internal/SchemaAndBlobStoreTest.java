package org.zhicheng.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.api.persistence.BlobRef;
import org.zhicheng.api.persistence.BlobTooLargeException;
import org.zhicheng.persistence.internal.TestDatabases.TestDatabase;

/** The migrations and the blob store on both supported databases. */
class SchemaAndBlobStoreTest {

    /** The newest schema version, and how many scripts each database runs to reach it. */
    static final String LATEST = "18";
    static final int MIGRATIONS = 19;


    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void migratesOnceAndIsIdempotent(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            SchemaMigration first = TestDatabases.migrate(db.dataSource());
            assertEquals(LATEST, first.schemaVersion());
            SchemaMigration again = TestDatabases.migrate(db.dataSource());
            assertEquals(LATEST, again.schemaVersion());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
                rs.next();
                assertEquals(MIGRATIONS, rs.getInt(1), "each migration applied exactly once");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void storesContentAddressedAndDeduplicates(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            SchemaMigration schema = TestDatabases.migrate(db.dataSource());
            DatabaseBlobStore store = new DatabaseBlobStore(db.dataSource(), schema);
            byte[] content = new byte[3 * 1024 * 1024 + 17];
            new Random(42).nextBytes(content);
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));

            BlobRef ref = store.put(new ByteArrayInputStream(content), 10 * 1024 * 1024);
            assertEquals(expected, ref.sha256());
            assertEquals(content.length, ref.size());
            assertEquals(ref, store.put(new ByteArrayInputStream(content), 10 * 1024 * 1024), "same bytes, same blob");
            try (InputStream in = store.open(ref.sha256()).orElseThrow()) {
                assertArrayEquals(content, in.readAllBytes());
            }
            assertEquals(ref, store.stat(ref.sha256()).orElseThrow());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM blob")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
            assertTrue(store.delete(ref.sha256()));
            assertTrue(store.open(ref.sha256()).isEmpty());
            assertFalse(store.delete(ref.sha256()));
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void storesAndDeletesWithinTheCallersTransaction(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            SchemaMigration schema = TestDatabases.migrate(db.dataSource());
            DatabaseBlobStore store = new DatabaseBlobStore(db.dataSource(), schema);
            byte[] content = "evidence".getBytes(java.nio.charset.StandardCharsets.UTF_8);

            BlobRef rolledBack;
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                rolledBack = store.put(c, new ByteArrayInputStream(content), 1024);
                assertEquals(rolledBack, store.put(c, new ByteArrayInputStream(content), 1024), "same bytes again");
                c.rollback();
            }
            assertTrue(store.stat(rolledBack.sha256()).isEmpty(), "the blob went with the rolled-back transaction");

            BlobRef kept;
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                kept = store.put(c, new ByteArrayInputStream(content), 1024);
                c.commit();
            }
            assertEquals(kept, store.stat(kept.sha256()).orElseThrow());

            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                assertFalse(store.deleteIfUnreferenced(c, kept.sha256(), (conn, sha) -> false), "still referenced");
                assertTrue(store.deleteIfUnreferenced(c, kept.sha256(), (conn, sha) -> true));
                c.rollback();
            }
            assertTrue(store.stat(kept.sha256()).isPresent(), "a rolled-back delete keeps the blob");
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                assertTrue(store.deleteIfUnreferenced(c, kept.sha256(), (conn, sha) -> true));
                c.commit();
            }
            assertTrue(store.stat(kept.sha256()).isEmpty());
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                assertThrows(BlobTooLargeException.class, () -> store.put(c, new ByteArrayInputStream(content), 3));
                c.rollback();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void refusesOversizedContentAndStoresNothing(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            SchemaMigration schema = TestDatabases.migrate(db.dataSource());
            DatabaseBlobStore store = new DatabaseBlobStore(db.dataSource(), schema);
            BlobTooLargeException e = assertThrows(BlobTooLargeException.class,
                    () -> store.put(new ByteArrayInputStream(new byte[1001]), 1000));
            assertEquals(1000, e.maxBytes());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM blob")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void rejectsAddressesThatAreNotHashes(TestDatabases.Factory factory) throws Exception {
        try (TestDatabase db = factory.create()) {
            SchemaMigration schema = TestDatabases.migrate(db.dataSource());
            DatabaseBlobStore store = new DatabaseBlobStore(db.dataSource(), schema);
            assertTrue(store.open("../../etc/passwd").isEmpty());
            assertTrue(store.stat("' OR 1=1 --").isEmpty());
            assertFalse(store.delete("ABC"));
        }
    }
}
