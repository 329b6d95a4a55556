package org.zhicheng.api.identity;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Change of personnel-management unit (GD-TITLE-7): an applicant picks the new unit, and only the new unit approves
 * or rejects; a change is possible only while the applicant has no open application (one neither approved nor
 * rejected), so no review is left with the wrong unit.
 */
@ProviderType
public interface UnitChanges {

    /** A request as the new unit sees it. */
    record Request(String id, String accountId, String applicantName, String fromUnitId, String toUnitId,
            Instant requestedAt) {
    }

    /**
     * Asks to move the caller's account to another active unit.
     *
     * @return the request id
     * @throws IdentityException 404 for an unknown or inactive unit; 409 for an open application, a request already
     *         pending, or the unit one already belongs to
     */
    String request(Caller applicant, String toUnitId, String clientIp);

    /** Requests waiting for a unit of the caller's subtree. */
    List<Request> pending(Caller reviewer, String unitId);

    /**
     * Approves a request for the caller's own unit: the account moves. Refused (409) when an application was opened
     * meanwhile.
     */
    void approve(Caller reviewer, String requestId, String clientIp);

    /** Rejects a request for the caller's own unit, with a reason the applicant sees. */
    void reject(Caller reviewer, String requestId, String reason, String clientIp);
}
