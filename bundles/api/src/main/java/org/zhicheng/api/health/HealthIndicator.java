package org.zhicheng.api.health;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One part of the platform's health, reported under its {@link #name()} by {@code GET /api/health}.
 * Implementations must answer quickly (well under a second) and never throw.
 */
@ConsumerType
public interface HealthIndicator {

    /** The key under which this part is reported, e.g. {@code database} or {@code businesses}. */
    String name();

    /** The current state of this part. */
    Health check();
}
