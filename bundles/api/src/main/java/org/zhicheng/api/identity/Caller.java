package org.zhicheng.api.identity;

import java.util.Objects;
import java.util.Set;

/**
 * A signed-in account as every platform service sees it: its organisation (by id and tree path, the basis of
 * data scope) and the permissions its roles grant (FJ-8: permissions are data).
 *
 * @param accountId the account id
 * @param username the username as registered
 * @param displayName the name shown to people
 * @param organisationId the account's organisation
 * @param organisationPath the organisation's tree path ({@code /rootId/.../orgId/}); the caller's scope is this
 *        subtree
 * @param roles the account's roles, e.g. {@code unit-reviewer}
 * @param permissions what the roles grant, e.g. {@code account.manage}
 * @param mustChangePassword whether the account must change its password before doing anything else (FJ-7,
 *        FJ-9)
 * @param mustEnrollSecondFactor whether the account must set up TOTP two-factor sign-in before doing anything
 *        else (administrators by default, MLPS 2.0 level 3)
 * @param mustCompleteProfile whether the account must complete its profile (name, e-mail) before doing anything
 *        else (FJ-7)
 */
public record Caller(String accountId, String username, String displayName, String organisationId,
        String organisationPath, Set<String> roles, Set<String> permissions, boolean mustChangePassword,
        boolean mustEnrollSecondFactor, boolean mustCompleteProfile) {

    public Caller {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(organisationPath, "organisationPath");
        roles = Set.copyOf(roles);
        permissions = Set.copyOf(permissions);
    }

    /** The caller as the audit log records an actor: account, organisation, roles (sorted) and address. */
    public org.zhicheng.api.audit.AuditEvent.Actor actor(String clientIp) {
        return new org.zhicheng.api.audit.AuditEvent.Actor(accountId, organisationId,
                String.join(",", new java.util.TreeSet<>(roles)), clientIp);
    }

    /** Whether the caller's roles grant {@code permission}. */
    public boolean has(String permission) {
        return permissions.contains(permission);
    }

    /** Whether an organisation with this tree path lies within the caller's scope (its own subtree). */
    public boolean canSee(String path) {
        return path != null && path.startsWith(organisationPath);
    }
}
