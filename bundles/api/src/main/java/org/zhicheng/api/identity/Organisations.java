package org.zhicheng.api.identity;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The organisation tree, always seen from a caller: every method works only inside the caller's own subtree, and
 * an organisation outside it is reported as not found (404). Changes are audited (FJ-7).
 */
@ProviderType
public interface Organisations {

    /** What a new organisation, or an edit, says. {@code creditCode} and {@code regionCode} may be null. */
    record Details(String type, String name, String creditCode, String regionCode) {
    }

    /** The caller's own organisation, the top of what it sees. */
    Organisation own(Caller caller);

    /** One organisation in the caller's subtree. */
    Organisation get(Caller caller, String id);

    /**
     * The attributes routing reads from an organisation of the caller's subtree, e.g. {@code hasTitleReformOffice}
     * (CQ-ORG-4) or {@code registrationPoint} (FJ-4).
     */
    java.util.Map<String, String> attributes(Caller caller, String id);

    /**
     * Replaces the attributes of an organisation of the caller's subtree. Names are 1 to 64 letters, digits, - or _
     * starting with a letter; values at most 200 characters; at most 50 attributes. Applications already submitted
     * keep the chain they were given.
     *
     * @throws IdentityException 400 for a bad name or value, 404 outside the scope
     */
    void setAttributes(Caller caller, String id, java.util.Map<String, String> attributes);

    /** The direct children of an organisation in the caller's subtree, ordered by name. */
    List<Organisation> children(Caller caller, String parentId);

    /**
     * Adds an active organisation under {@code parentId} (FJ-9 "add"). The parent must be active; the name must be
     * unique among its siblings; a credit code, when given, must pass the GB 32100 check.
     *
     * @throws IdentityException 400 with the failed checks, 404 when the parent is not in scope, 409 for a
     *         duplicate name or a parent that is not active
     */
    Organisation create(Caller caller, String parentId, Details details);

    /**
     * Edits name, type, credit code and region code.
     *
     * @param expectedVersion the version the edit was based on
     * @throws IdentityException 409 when someone else changed it since
     */
    Organisation update(Caller caller, String id, Details details, int expectedVersion);

    /** Disables an organisation (FJ-9): its accounts can no longer sign in. Not the caller's own. */
    Organisation disable(Caller caller, String id);

    /** Enables a disabled organisation again. */
    Organisation enable(Caller caller, String id);

    /**
     * Moves an organisation, with its whole subtree, under another parent in the caller's scope; never under
     * itself or its own descendants, never the caller's own organisation.
     */
    Organisation move(Caller caller, String id, String newParentId);
}
