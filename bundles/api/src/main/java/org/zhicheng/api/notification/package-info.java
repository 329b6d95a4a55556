/**
 * Messages to people: written to a transactional outbox together with the change that causes them, and delivered,
 * retried and accounted for by the notification bundle through pluggable {@link org.zhicheng.api.notification.Sender}s
 * (e-mail by SMTP, SMS by whatever gateway a deployment registers); in-app messages go to each account's
 * {@link org.zhicheng.api.notification.Inbox} (FJ-5, GD-PHOTO-7).
 */
@Export
@Version("1.1.0")
package org.zhicheng.api.notification;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
