package org.zhicheng.api.persistence;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered once the platform's schema migrations have been applied to the configured database. Components
 * that touch the database reference this service so that they start only on a migrated schema.
 */
@ProviderType
public interface DatabaseSchema {

    /** The database product, e.g. {@code H2} or {@code PostgreSQL}. */
    String product();

    /** The version of the database product. */
    String productVersion();

    /** The version of the latest applied migration, e.g. {@code 1}. */
    String schemaVersion();
}
