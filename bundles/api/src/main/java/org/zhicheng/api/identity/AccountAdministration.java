package org.zhicheng.api.identity;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What administrators and the account holders themselves do to accounts. Every method checks that the account
 * lies in the caller's organisation subtree (an account outside it is reported as not found), changes nothing
 * when it refuses, and writes the audit log (FJ-7) when it acts.
 */
@ProviderType
public interface AccountAdministration {

    /** What a new account is: its username, name, organisation and roles. */
    record NewAccount(String username, String displayName, String organisationId, java.util.Set<String> roles) {
    }

    /** A new account and its one-time password, to hand over once (FJ-7: accounts are issued). */
    record CreatedAccount(String id, String oneTimePassword) {
    }

    /**
     * An account as administrators see it.
     *
     * @param status {@code active} or {@code frozen}
     * @param locked whether repeated failed sign-ins locked it
     */
    record AccountSummary(String id, String username, String displayName, String organisationId,
            java.util.Set<String> roles, String status, boolean locked, boolean mustChangePassword, String email) {
    }

    /** What a person completes at first sign-in (FJ-7): the name shown and the e-mail for recovery. */
    record Profile(String displayName, String email) {
    }

    /**
     * Issues an account in an active organisation of the caller's subtree with a one-time password it must change
     * at first sign-in (FJ-7). The roles must exist and may grant no permission the caller does not hold itself,
     * so nobody can create an account more powerful than their own.
     *
     * @throws IdentityException 400 for an invalid username or name, 403 for a role the caller may not grant,
     *         404 for an organisation outside the scope, 409 for a username already taken
     */
    CreatedAccount create(Caller caller, NewAccount account, String clientIp);

    /** The accounts of one organisation in the caller's subtree (deleted ones left out), by username. */
    java.util.List<AccountSummary> list(Caller caller, String organisationId);

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

    /**
     * Completes or updates the caller's own profile (FJ-7: required at first sign-in). The e-mail is where
     * password recovery links go (GD-PHOTO-7).
     *
     * @throws IdentityException 400 for a blank or too long name or an invalid e-mail address
     */
    void completeProfile(Caller caller, Profile profile, String clientIp);

    /**
     * Changes the registered e-mail of an account in the caller's subtree (GD-PHOTO-7: a city changes a unit's).
     *
     * @throws IdentityException 400 for an invalid address, 404 outside the scope
     */
    void changeEmail(Caller caller, String accountId, String email, String clientIp);
}
