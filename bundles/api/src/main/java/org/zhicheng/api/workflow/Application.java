package org.zhicheng.api.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An application as its applicant or a reviewer with scope over it sees it.
 *
 * @param id the application id
 * @param businessId the business
 * @param businessVersion the descriptor version it is pinned to
 * @param contentHash the SHA-256 of that descriptor, by which it is validated and routed for its whole life
 * @param seasonId the season it belongs to
 * @param applicantAccountId the applicant's account
 * @param organisationId the applicant's unit when the application began
 * @param status where it stands
 * @param answers the form answers
 * @param version the optimistic-locking version; an ETag of {@code "<version>"}
 * @param submission how many times it was submitted (0 for a draft never submitted)
 * @param chain the steps of the current submission, in order; empty before the first submission
 * @param createdAt when it began
 * @param updatedAt when it last changed
 */
public record Application(String id, String businessId, String businessVersion, String contentHash, String seasonId,
        String applicantAccountId, String organisationId, ApplicationStatus status, Map<String, Object> answers,
        int version, int submission, List<Step> chain, Instant createdAt, Instant updatedAt) {

    /**
     * One step of the chain.
     *
     * @param taskId the task id reviewers act on
     * @param stepId the descriptor's step id
     * @param organisationId the organisation that reviews
     * @param role the role its reviewers need
     * @param status {@code waiting} (not reached), {@code pending} (its reviewers' turn), {@code approved},
     *        {@code returned}, {@code rejected} or {@code cancelled}
     * @param opinion the opinion or comment recorded with the action
     * @param actedAt when it acted
     * @param recommendation this level's recommendation opinion, or null (CQ-REV-2)
     * @param publicNotice the public notice entered at this step, or null (CQ-REV-2)
     * @param routedOrganisationId the organisation the route chose, when the task was assigned to another for
     *        cross review (FJ-8); null otherwise
     */
    public record Step(String taskId, String stepId, String organisationId, String role, String status,
            String opinion, Instant actedAt, Reviews.Recommendation recommendation, Reviews.PublicNotice publicNotice,
            String routedOrganisationId) {
    }

    /** The step whose reviewers' turn it is, if any. */
    public java.util.Optional<Step> currentStep() {
        return chain.stream().filter(s -> "pending".equals(s.status())).findFirst();
    }
}
