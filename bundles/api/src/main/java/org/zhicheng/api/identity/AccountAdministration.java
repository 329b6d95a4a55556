package org.zhicheng.api.identity;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What administrators and the account holders themselves do to accounts. Every method checks that the account
 * lies in the caller's organisation subtree (an account outside it is reported as not found), changes nothing
 * when it refuses, and writes the audit log (FJ-7) when it acts.
 */
@ProviderType
public interface AccountAdministration {

    /**
     * Clears a lock left by repeated failed sign-ins (FJ-7).
     *
     * @throws IdentityException 404 when the account is unknown or outside the caller's scope
     */
    void unlock(Caller caller, String accountId, String clientIp);

    /**
     * Freezes an account (CQ-ORG-4): it can no longer sign in, and its sessions end.
     *
     * @throws IdentityException 404 as for {@link #unlock}; 409 for the caller's own account
     */
    void freeze(Caller caller, String accountId, String clientIp);

    /** Lifts a freeze. */
    void unfreeze(Caller caller, String accountId, String clientIp);

    /**
     * Deletes an account (CQ-ORG-4, CQ-ORG-5): it can no longer sign in and its username becomes free again; the
     * audit log keeps its history.
     */
    void delete(Caller caller, String accountId, String clientIp);

    /**
     * Issues a one-time password for an account (FJ-9: never a fixed default such as 123456). The account must
     * change it at its next sign-in; any lock is cleared and its sessions end.
     *
     * @return the one-time password, to hand over once; it is not stored anywhere in clear
     */
    String resetPassword(Caller caller, String accountId, String clientIp);

    /**
     * Changes the caller's own password. The new password must pass the password policy (CQ-ORG-3 by default);
     * every rule it fails is reported. Every session of the account ends, this one included: the person signs in
     * again with the new password (the session id rotates).
     *
     * @throws IdentityException 400 with one problem per failed rule, or when the current password is wrong
     */
    void changePassword(Caller caller, String currentPassword, String newPassword, String clientIp);
}
