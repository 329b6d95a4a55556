package org.zhicheng.api.identity;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Captchas for sign-in (CQ-ORG-3). After failed attempts on a username, or from one client address, sign-in asks
 * for one ({@link Authentication.Reason#CAPTCHA_REQUIRED}); each is answered once and lives a few minutes.
 */
@ProviderType
public interface Captchas {

    /** A new captcha: its id goes back with the answer; the image is a PNG. */
    record Captcha(String id, byte[] png, Instant expiresAt) {
    }

    /** Issues a new captcha. */
    Captcha issue();
}
