/**
 * Messages to people (e-mail first): written to a transactional outbox together with the change that causes
 * them, and delivered, retried and accounted for by the notification bundle.
 */
@Export
@Version("1.0.0")
package org.zhicheng.api.notification;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
