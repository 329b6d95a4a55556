package org.zhicheng.persistence.internal;

import java.net.URL;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhicheng.api.persistence.DatabaseSchema;

/**
 * Applies the platform's versioned migrations ({@code db/migration/V*.sql} in this bundle) to the configured
 * DataSource when it appears, then registers {@link DatabaseSchema} so that database users start on a migrated
 * schema. The same scripts run on H2 and PostgreSQL; the few type names that differ are Flyway placeholders, and
 * statements only one database has live in its own folder ({@code db/migration/postgresql}, {@code .../h2}).
 */
@Component(service = DatabaseSchema.class, immediate = true)
public final class SchemaMigration implements DatabaseSchema {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    private final String product;
    private final String productVersion;
    private final String schemaVersion;

    @Activate
    public SchemaMigration(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            BundleContext context) throws SQLException {
        this(dataSource, folder -> scriptsOf(context, folder));
    }

    /**
     * Migrates the given database with the scripts of {@code db/migration} plus those of the database's own
     * folder ({@code db/migration/postgresql} or {@code db/migration/h2}), for statements only one of them has
     * (e.g. PostgreSQL triggers). Public for tests and tools outside OSGi.
     */
    public SchemaMigration(DataSource dataSource, ScriptSource scripts) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            product = meta.getDatabaseProductName();
            productVersion = meta.getDatabaseProductVersion();
        }
        List<URL> all = new ArrayList<>(scripts.scripts(COMMON));
        all.addAll(scripts.scripts(COMMON + "/" + vendorFolder(product)));
        MigrateResult result = Flyway.configure(Flyway.class.getClassLoader())
                .dataSource(dataSource)
                .resourceProvider(new MigrationResources(all))
                .javaMigrationClassProvider(Collections::emptyList)
                .placeholders(placeholdersFor(product))
                .cleanDisabled(true)
                .load()
                .migrate();
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : String.valueOf(result.initialSchemaVersion);
        LOG.info("Database {} {}: schema at version {} ({} migration(s) applied now)", product, productVersion,
                schemaVersion, result.migrationsExecuted);
    }

    /** Where migration scripts come from: the bundle in OSGi, the class path in tests. */
    @FunctionalInterface
    public interface ScriptSource {
        /** The {@code V*.sql} scripts directly in {@code folder} (e.g. {@code db/migration}). */
        List<URL> scripts(String folder);
    }

    /** The folder of the scripts every database runs. */
    public static final String COMMON = "db/migration";

    static boolean isPostgres(String product) {
        return product.toLowerCase(Locale.ROOT).contains("postgres");
    }

    static String vendorFolder(String product) {
        return isPostgres(product) ? "postgresql" : "h2";
    }

    /** Column types that H2 and PostgreSQL spell differently. */
    static Map<String, String> placeholdersFor(String product) {
        boolean postgres = isPostgres(product);
        return Map.of(
                "binary", postgres ? "BYTEA" : "BINARY LARGE OBJECT",
                "text", postgres ? "TEXT" : "CHARACTER LARGE OBJECT");
    }

    private static List<URL> scriptsOf(BundleContext context, String folder) {
        var entries = context.getBundle().findEntries(folder, "V*.sql", false);
        return entries == null ? List.of() : Collections.list(entries);
    }

    @Override
    public String product() {
        return product;
    }

    @Override
    public String productVersion() {
        return productVersion;
    }

    @Override
    public String schemaVersion() {
        return schemaVersion;
    }
}
