/**
 * The audit log (FJ-7, FJ-10): every login, account, role, organisation and permission change and every review
 * action, append-only and tamper-evident.
 */
@Export
@Version("1.0.0")
package org.zhicheng.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
