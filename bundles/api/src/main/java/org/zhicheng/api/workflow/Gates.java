package org.zhicheng.api.workflow;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.zhicheng.api.identity.Caller;

/**
 * Submit-all gates (GD-PHOTO-5, CQ-REV-3): applications that passed every step before a gate wait there until
 * the gate's organisation submits them all, which it may only when every application in its scope is decided as
 * the gate requires. The blockers are listed, so the organisation knows whom to chase.
 */
@ProviderType
public interface Gates {

    /** Something that keeps the gate shut: an application not yet at the gate, or a listed person not started. */
    record Blocker(String applicationId, String accountId, String applicantName, String status, String stepId) {
    }

    /**
     * A gate as its organisation sees it.
     *
     * @param waiting applications held at the gate
     * @param blockers what keeps it shut; empty when it may be submitted
     */
    record State(String businessId, String gateId, String organisationId, int waiting, List<Blocker> blockers) {
    }

    /** The gate of the business for the caller's organisation. */
    State state(Caller submitter, String businessId, String gateId);

    /**
     * Submits every application held at the gate for the caller's organisation, in one transaction.
     *
     * @return the state afterwards
     * @throws WorkflowException 404 for an unknown gate or one the caller does not submit for; 409 with the
     *         blockers when not every application is decided; 423 outside the gate's window
     */
    State submitAll(Caller submitter, String businessId, String gateId, String clientIp);
}
