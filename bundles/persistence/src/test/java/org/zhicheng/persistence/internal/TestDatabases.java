package org.zhicheng.persistence.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Real databases for tests: an H2 file database in the build directory (as the embedded default uses), and a
 * fresh PostgreSQL database on 127.0.0.1:5432 that the test creates and drops. Without a reachable PostgreSQL
 * the PostgreSQL tests are skipped with a message, except under CI=true where they fail.
 */
public final class TestDatabases {

    static final String PG_HOST = System.getProperty("zhicheng.test.pg.host", "127.0.0.1");
    static final String PG_PORT = System.getProperty("zhicheng.test.pg.port", "5432");
    static final String PG_USER = System.getProperty("zhicheng.test.pg.user", "postgres");

    private TestDatabases() {
    }

    /** Makes a fresh test database. */
    @FunctionalInterface
    public interface Factory {
        TestDatabase create() throws Exception;
    }

    /**
     * Both supported databases, for parameterised tests:
     * {@code @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")}.
     */
    public static java.util.stream.Stream<Factory> both() {
        return java.util.stream.Stream.of(TestDatabases::h2, TestDatabases::postgres);
    }

    /** A database, and how to get rid of it. */
    public record TestDatabase(String name, DataSource dataSource, AutoCloseable drop) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            drop.close();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static TestDatabase h2() {
        Path file = Path.of("target", "h2-" + UUID.randomUUID(), "zhicheng").toAbsolutePath();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        ds.setUser("zhicheng");
        ds.setPassword("");
        // One connection stays open for the database's life, as the pool keeps one in the distribution: H2 closes
        // a file database with its last connection, and a commit made just before such a close was seen missing
        // by the next connection.
        Connection keeper;
        try {
            keeper = ds.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the H2 test database " + file, e);
        }
        return new TestDatabase("H2", ds, keeper::close);
    }

    public static TestDatabase postgres() throws SQLException {
        String admin = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, PG_USER, "")) {
            c.isValid(2);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL is required under CI=true but " + admin
                        + " is unreachable: " + e.getMessage(), e);
            }
            System.err.println("SKIPPED: PostgreSQL tests need a server at " + admin + " (user " + PG_USER
                    + ", trust auth): " + e.getMessage());
            assumeTrue(false, "PostgreSQL unreachable at " + admin);
        }
        String name = "zhicheng_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(admin, PG_USER, ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {PG_HOST});
        ds.setPortNumbers(new int[] {Integer.parseInt(PG_PORT)});
        ds.setDatabaseName(name);
        ds.setUser(PG_USER);
        return new TestDatabase("PostgreSQL", ds, () -> {
            try (Connection c = DriverManager.getConnection(admin, PG_USER, "");
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        });
    }

    /** Applies the platform's migrations, as the persistence bundle does at start. */
    public static SchemaMigration migrate(DataSource dataSource) throws SQLException {
        return new SchemaMigration(dataSource, TestDatabases::migrationScripts);
    }

    /** The migration scripts of one folder as the build placed them (a directory here, the jar elsewhere). */
    static List<URL> migrationScripts(String folder) {
        URL location = SchemaMigration.class.getProtectionDomain().getCodeSource().getLocation();
        List<URL> urls = new ArrayList<>();
        try {
            Path path = Path.of(location.toURI());
            if (Files.isDirectory(path)) {
                Path dir = path.resolve(folder);
                if (Files.isDirectory(dir)) {
                    try (var files = Files.list(dir)) {
                        for (Path f : files.filter(f -> f.getFileName().toString().matches("V.*\\.sql")).toList()) {
                            urls.add(f.toUri().toURL());
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(path.toFile())) {
                    for (JarEntry e : java.util.Collections.list(jar.entries())) {
                        if (e.getName().matches(java.util.regex.Pattern.quote(folder) + "/V[^/]*\\.sql")) {
                            urls.add(new URL("jar:" + location + "!/" + e.getName()));
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list migrations at " + location, e);
        }
        urls.sort((a, b) -> a.getPath().compareTo(b.getPath()));
        return urls;
    }

}
