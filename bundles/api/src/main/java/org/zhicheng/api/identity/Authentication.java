package org.zhicheng.api.identity;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Signs accounts in and out, and finds the session behind a request. Sessions live in the database so that every
 * node of a deployment shares them; session tokens are random and stored only as their SHA-256.
 */
@ProviderType
public interface Authentication {

    /**
     * Checks a username and password. Unknown usernames and wrong passwords get the same answer, in about the
     * same time. Consecutive failures lock the account (FJ-7: 5 by default) until an administrator unlocks it;
     * attempts on one account are serialised, so parallel guesses cannot exceed the limit.
     *
     * @param username as typed; case and full-width variants name the same account
     * @param password as typed
     * @param clientIp the client address, for the audit log
     * @return a session, or why not
     */
    default LoginResult login(String username, String password, String clientIp) {
        return login(username, password, null, null, clientIp);
    }

    /**
     * As {@link #login(String, String, String)}, with a captcha: after failed attempts on the username or from the
     * client address, sign-in is refused with {@link Reason#CAPTCHA_REQUIRED} unless a captcha issued by
     * {@link Captchas} is answered (CQ-ORG-3). A captcha is used up by the attempt that names it, right or wrong.
     *
     * @param captchaId the id {@link Captchas#issue()} gave, or null
     * @param captchaAnswer the digits as read, or null
     */
    LoginResult login(String username, String password, String captchaId, String captchaAnswer, String clientIp);

    /**
     * Whether the next sign-in for this username from this address must carry a captcha; the same for an unknown
     * username as for an existing one.
     */
    boolean captchaRequired(String username, String clientIp);

    /**
     * The live session behind a token: unknown, expired (idle or absolute timeout) and revoked sessions, and
     * sessions of accounts since locked, frozen or deleted, give empty.
     *
     * @param token the session cookie's value
     * @return the session, its idle timeout renewed
     */
    Optional<Session> resolve(String token);

    /**
     * Completes a sign-in that {@link #login} answered with {@link SecondFactorRequired}: checks the TOTP code of
     * the account (each code is accepted once). Wrong codes count towards the lockout like wrong passwords.
     *
     * @param challenge the challenge {@link #login} returned (valid for 5 minutes, 5 attempts)
     * @param code the 6-digit code from the authenticator app
     */
    LoginResult completeSecondFactor(String challenge, String code, String clientIp);

    /** Ends the session behind a token, server-side; unknown tokens are ignored. */
    void logout(String token, String clientIp);

    /** A live session. */
    record Session(Caller caller, String csrfToken, java.time.Instant expiresAt) {
    }

    /** The outcome of {@link #login}. */
    sealed interface LoginResult {
    }

    /** Signed in: the token goes into an HttpOnly cookie, the CSRF token to the page. */
    record SignedIn(Session session, String token) implements LoginResult {
    }

    /** The password was right; the account's TOTP code must follow ({@link #completeSecondFactor}). */
    record SecondFactorRequired(String challenge) implements LoginResult {
    }

    /** Not signed in. */
    record Refused(Reason reason) implements LoginResult {
    }

    /** Why a login was refused. */
    enum Reason {
        /** Unknown username or wrong password; the two are indistinguishable on purpose. */
        BAD_CREDENTIALS,
        /** A captcha was needed and missing, wrong, used or expired; the password was not checked (CQ-ORG-3). */
        CAPTCHA_REQUIRED,
        /** Too many consecutive failures; an administrator must unlock the account (FJ-7). */
        LOCKED,
        /** Frozen by its unit or an administrator (CQ-ORG-4). */
        FROZEN,
        /** Its organisation, or one above it, is disabled (FJ-9). */
        ORGANISATION_DISABLED,
        /** A registration its unit has not approved yet (CQ-APP-1). */
        PENDING_APPROVAL,
        /** The TOTP code is wrong, already used, or the challenge expired. */
        BAD_SECOND_FACTOR,
        /** The account uses TOTP but the deployment's personal-data keys, which protect the secret, are missing. */
        SECOND_FACTOR_UNAVAILABLE
    }
}
