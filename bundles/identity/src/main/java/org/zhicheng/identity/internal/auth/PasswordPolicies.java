package org.zhicheng.identity.internal.auth;

import org.zhicheng.identity.internal.validation.PasswordPolicy;

/** The password policy of a deployment, from {@code etc/org.zhicheng.identity.cfg} (CQ-ORG-3 by default). */
public final class PasswordPolicies {

    /** Passwords are never truncated; this only bounds the work of hashing one. */
    private static final int MAX_LENGTH = 128;

    private PasswordPolicies() {
    }

    public static PasswordPolicy of(IdentitySettings settings) {
        return new PasswordPolicy(settings.password_minLength(), MAX_LENGTH, settings.password_minClasses(),
                settings.password_rejectCommon(), settings.password_rejectPersonal());
    }
}
