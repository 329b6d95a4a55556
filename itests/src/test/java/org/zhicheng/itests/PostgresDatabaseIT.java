package org.zhicheng.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The distribution switched to PostgreSQL by configuration only (etc/org.ops4j.datasource-zhicheng.cfg), on a
 * database this test creates and drops. Without a reachable server the class is skipped with a message, except
 * under CI=true where it fails.
 */
class PostgresDatabaseIT extends DistributionContract {

    static final String HOST = System.getProperty("zhicheng.test.pg.host", "127.0.0.1");
    static final String PORT = System.getProperty("zhicheng.test.pg.port", "5432");
    static final String USER = System.getProperty("zhicheng.test.pg.user", "postgres");
    static final String ADMIN_URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";

    private String database;

    @BeforeAll
    void boot() throws Exception {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "")) {
            c.isValid(2);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL is required under CI=true but " + ADMIN_URL
                        + " is unreachable: " + e.getMessage(), e);
            }
            System.err.println("SKIPPED: PostgreSQL integration tests need " + ADMIN_URL + " (user " + USER
                    + ", trust auth): " + e.getMessage());
            assumeTrue(false, "PostgreSQL unreachable");
        }
        database = "zhicheng_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        karaf = KarafDistribution.unpack("postgres");
        karaf.usePostgres("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database, USER);
        karaf.start(BOOT_TIMEOUT);
    }

    @AfterAll
    void dropDatabase() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
        if (database != null) {
            try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Override
    String expectedDatabaseProduct() {
        return "PostgreSQL";
    }

    @Test
    @Order(10)
    void everyRegisteredVersionIsStoredInPostgresByContentHash() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/" + database,
                USER, ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, length(content_hash) FROM business_descriptor"
                        + " WHERE business_id = 'example-profession' ORDER BY version")) {
            assertEquals(true, rs.next());
            assertEquals("1.0.0", rs.getString(1));
            assertEquals(64, rs.getInt(2));
            assertEquals(true, rs.next());
            assertEquals("2.0.0", rs.getString(1));
            assertEquals(false, rs.next());
        }
    }
}
