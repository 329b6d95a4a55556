/**
 * Health reporting: platform parts register {@link org.zhicheng.api.health.HealthIndicator} services and
 * {@code GET /api/health} reports them all.
 */
@Export
@Version("1.0.0")
package org.zhicheng.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
