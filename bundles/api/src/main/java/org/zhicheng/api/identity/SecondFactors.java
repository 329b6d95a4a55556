package org.zhicheng.api.identity;

import org.osgi.annotation.versioning.ProviderType;

/**
 * TOTP two-factor sign-in (RFC 6238), required for platform administrators by default (MLPS 2.0 level 3) and
 * available to every account. The secret is stored encrypted with the deployment's personal-data key.
 */
@ProviderType
public interface SecondFactors {

    /**
     * A secret to put into an authenticator app, as text and as an {@code otpauth://} URI (for a QR code).
     */
    record Enrollment(String secret, String otpauthUri) {
    }

    /**
     * Starts (or restarts) setting up TOTP for the caller's own account; it takes effect once confirmed.
     *
     * @throws IdentityException 409 when TOTP is already on
     */
    Enrollment begin(Caller caller, String clientIp);

    /**
     * Confirms the setup with a code from the app; from then on every sign-in asks for a code.
     *
     * @throws IdentityException 400 when the code is wrong or no setup was started
     */
    void confirm(Caller caller, String code, String clientIp);
}
