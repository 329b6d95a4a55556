/**
 * Applications and their review (P3): drafts pinned to a descriptor version, validation, submission along the
 * chain computed at submission, reviewer actions and queues, and each application's history (GD-TITLE-6).
 */
@Export
@Version("1.2.0")
package org.zhicheng.api.workflow;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
