package org.zhicheng.api.notification;

import java.util.List;

import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.business.RefusedException;

/**
 * A request about notifications was refused (an inbox message that is not the caller's, an outbox message that
 * cannot be retried); nothing was changed.
 *
 * @since 1.1
 */
public class NotificationException extends RefusedException {

    private static final long serialVersionUID = 1L;

    /**
     * @param status 400 (bad page), 403 (no permission), 404 (not the caller's, or unknown), 409 (not failed)
     * @param code a stable machine-readable code, e.g. {@code message-not-found}
     * @param zh the message in Simplified Chinese
     * @param en the message in English
     */
    public NotificationException(int status, String code, String zh, String en) {
        super(status, code, zh, en, List.<FieldProblem>of());
    }
}
