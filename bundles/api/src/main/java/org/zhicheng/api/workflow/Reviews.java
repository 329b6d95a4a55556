package org.zhicheng.api.workflow;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.zhicheng.api.business.descriptor.ReviewAction;
import org.zhicheng.api.identity.Caller;

/**
 * The reviewers' side: queues of their organisation and actions on its tasks (GD-PHOTO-4, CQ-REV-2, FJ-5, FJ-6).
 * Two reviewers acting on one task at once: exactly one succeeds, the other is told what happened.
 */
@ProviderType
public interface Reviews {

    /** Which tasks a queue holds. */
    enum Queue {
        /** Waiting for the caller's organisation. */
        PENDING,
        /** Approved by the caller's organisation. */
        APPROVED,
        /** Rejected by the caller's organisation. */
        REJECTED,
        /** Returned by the caller's organisation. */
        RETURNED
    }

    /**
     * A task in a queue.
     *
     * @param taskId what actions name
     * @param applicationId the application
     * @param businessId its business
     * @param stepId the step
     * @param applicantName the applicant's name
     * @param applicantOrganisationId the applicant's unit
     * @param applicationStatus the application's status now
     * @param submittedAt when the application was submitted
     * @param actedAt when the caller's organisation acted, for the queues of decided tasks
     */
    record Task(String taskId, String applicationId, String businessId, String stepId, String applicantName,
            String applicantOrganisationId, String applicationStatus, Instant submittedAt, Instant actedAt) {
    }

    /**
     * A page of a queue, oldest submission first.
     *
     * @param businessId only this business, or null for all
     * @param offset tasks skipped
     * @param limit at most this many, 1 to 500
     */
    List<Task> queue(Caller reviewer, Queue queue, String businessId, int offset, int limit);

    /** How many tasks each queue holds for the caller's organisation. */
    java.util.Map<Queue, Integer> counts(Caller reviewer, String businessId);

    /**
     * Acts on a task: approve (with an opinion, or the step's default), return (comment required), reject
     * (comment required; final), or revoke this step's own last action until the next step has acted (FJ-6).
     * Repeating the same action by the same reviewer answers the same result (safe under retry).
     *
     * @throws WorkflowException 400 for a missing comment or an action the step does not allow; 404 for a task
     *         outside the caller's organisation or role; 409 when another reviewer acted first or the next step
     *         already acted (saying what happened); 423 outside the step's window
     */
    Application act(Caller reviewer, String taskId, ReviewAction action, String comment, String reasonCode,
            String clientIp);
}
