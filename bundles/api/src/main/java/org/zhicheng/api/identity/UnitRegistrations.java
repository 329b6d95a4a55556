package org.zhicheng.api.identity;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Units register themselves under an approved parent, which approves or rejects them with a reason (CQ-ORG-2).
 * Changes are audited (FJ-7).
 */
@ProviderType
public interface UnitRegistrations {

    /**
     * What a unit registers with (CQ-ORG-2): its details, the approved parent it belongs under, and its first
     * account (a unit reviewer).
     */
    record UnitApplication(String parentId, String type, String name, String creditCode, String regionCode,
            String username, String password, String contactName) {
    }

    /** A unit awaiting its parent's decision. */
    record PendingUnit(String id, String parentId, String type, String name, String creditCode, String regionCode,
            String username, String contactName) {
    }

    /**
     * Registers a unit under an active parent; it and its account wait for the parent's approval (CQ-ORG-2: a unit
     * can only pick an approved parent).
     *
     * @return the new organisation's id
     * @throws IdentityException 400 with every invalid field, 404 for a parent that is unknown or not active, 409
     *         for a duplicate name under the parent or a taken username
     */
    String registerUnit(UnitApplication application, String clientIp);

    /** Units awaiting approval directly under a parent in the caller's subtree. */
    List<PendingUnit> pendingUnits(Caller caller, String parentId);

    /** Approves a pending unit: it becomes active and its account can sign in. */
    void approveUnit(Caller caller, String organisationId, String clientIp);

    /** Rejects a pending unit with a reason (CQ-ORG-2); its account is removed and the name is free again. */
    void rejectUnit(Caller caller, String organisationId, String reason, String clientIp);

}
