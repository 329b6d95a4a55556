/**
 * The business registry: the platform's view of the businesses that province bundles offer, with every
 * descriptor version ever registered kept by content hash so that applications stay pinned to theirs.
 */
@Export
@Version("1.0.0")
package org.zhicheng.api.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
