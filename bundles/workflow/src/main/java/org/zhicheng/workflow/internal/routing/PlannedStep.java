package org.zhicheng.workflow.internal.routing;

import java.util.Objects;

/**
 * One step of an applicant's review chain as planned at submission (CQ-REV-1, FJ-4): which step, which
 * organisation reviews, and the role its users need.
 *
 * @param stepId the review step id of the descriptor
 * @param organisationId the organisation that reviews at this step
 * @param role the role its users need, e.g. {@code reviewer} or {@code title-reform-office} (CQ-ORG-4)
 */
public record PlannedStep(String stepId, String organisationId, String role) {

    /** Requires every component. */
    public PlannedStep {
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(role, "role");
    }
}
