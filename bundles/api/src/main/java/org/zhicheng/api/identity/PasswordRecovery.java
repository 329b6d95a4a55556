package org.zhicheng.api.identity;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Recovery of a forgotten username or password by a one-time e-mail link (GD-PHOTO-7). The mail goes through the
 * notification outbox; the link's token is stored only as its hash, lives a short time and works once.
 */
@ProviderType
public interface PasswordRecovery {

    /**
     * Sends the usernames registered with this address, each with a one-time link to set a new password. The
     * answer is the same whether or not any account uses the address, and requests beyond a few per hour and
     * account are dropped silently, so that nobody learns who is registered or fills a mailbox.
     *
     * @throws IdentityException 400 for a malformed address; 503 when recovery is not configured
     */
    void request(String email, String clientIp);

    /**
     * Sets a new password with a link's token. The password must pass the policy; every session of the account
     * ends, and every other link of the account dies. A lock left by failed sign-ins stays (FJ-7: only an
     * administrator unlocks).
     *
     * @throws IdentityException 400 for an unknown, used or expired token or a weak password; 423 for a locked
     *         account
     */
    void complete(String token, String newPassword, String clientIp);
}
