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

    /** How a queue is ordered. */
    enum Sort {
        /** By submission time. */
        SUBMITTED_AT,
        /** By the time the caller's organisation acted (decided queues). */
        ACTED_AT,
        /** By the applicant's name, in Unicode order. */
        APPLICANT_NAME,
        /** By the applicant's unit. */
        APPLICANT_ORGANISATION
    }

    /**
     * Which tasks of a queue to show (GD-PHOTO-4, CQ-REV-4, FJ-8).
     *
     * @param businessId only this business, or null for all
     * @param stepId only this step, or null
     * @param applicantOrganisationId only applicants of this unit and its sub-units, or null
     * @param applicantName only applicants whose name contains this text, or null
     * @param submittedFrom only applications submitted at or after this instant, or null
     * @param submittedTo only applications submitted before this instant, or null
     * @param sort the order; {@link Sort#SUBMITTED_AT} when null
     * @param descending whether the order is reversed
     */
    record Filter(String businessId, String stepId, String applicantOrganisationId, String applicantName,
            Instant submittedFrom, Instant submittedTo, Sort sort, boolean descending) {

        /** Every task of the queue, oldest submission first. */
        public static Filter all() {
            return new Filter(null, null, null, null, null, null, null, false);
        }

        /** Only one business, oldest submission first. */
        public static Filter business(String businessId) {
            return new Filter(businessId, null, null, null, null, null, null, false);
        }
    }

    /**
     * A page of a queue.
     *
     * @param total how many tasks the queue holds under the filter
     * @param tasks the tasks of this page
     */
    record Page(int total, List<Task> tasks) {
    }

    /**
     * A page of a queue, ordered as the filter says (ties by task id, so pages never overlap).
     *
     * @param offset tasks skipped
     * @param limit at most this many, 1 to 500
     * @throws WorkflowException 400 for an invalid page, a name filter over 50 characters, or an unknown unit (a
     *         unit filter only narrows the caller's own queue, so it may name any unit)
     */
    Page queue(Caller reviewer, Queue queue, Filter filter, int offset, int limit);

    /** How many tasks each queue holds for the caller's organisation under the filter (its sort is ignored). */
    java.util.Map<Queue, Integer> counts(Caller reviewer, Filter filter);

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

    /**
     * A change of one answer by a reviewer (CQ-REV-2 correct small errors).
     *
     * @param field the field id
     * @param row for a field of a repeatable section, the row's position counted from 1; null otherwise
     * @param value the new answer, as the form's JSON holds it; null clears it
     */
    record Correction(String field, Integer row, Object value) {
    }

    /**
     * Corrects small errors in a pending application at the caller's step, where the step allows {@code correct}:
     * never core data, computed, file or read-only-after-submit fields (GD-TITLE-8). The corrected answers must
     * still pass every check of the form. History and audit keep each value before and after. Corrections that
     * change nothing answer the application unchanged.
     *
     * @param expectedVersion the application version the reviewer read (If-Match)
     * @param comment why, optional, at most 2000 characters
     * @throws WorkflowException 400 with a problem per correction or per field; 404 for a task not the caller's;
     *         409 when the task is not pending; 412 when the application changed since it was read; 423 outside
     *         the step's window
     */
    Application correct(Caller reviewer, String taskId, int expectedVersion, List<Correction> corrections,
            String comment, String clientIp);

    /**
     * Marks rows of a repeatable section deleted, or restores them (CQ-APP-5): kept and shown grey, left out of
     * counts, checks, prints and the expert view. Refused when the application would no longer be complete (then
     * return it instead).
     *
     * @param rows the rows' positions, counted from 1
     * @param deleted true to mark, false to restore
     * @throws WorkflowException as {@link #correct}
     */
    Application markRows(Caller reviewer, String taskId, int expectedVersion, String sectionId, List<Integer> rows,
            boolean deleted, String comment, String clientIp);

    /**
     * A level's recommendation opinion (CQ-REV-2).
     *
     * @param opinion the text, e.g. 同意推荐。
     * @param signer who signed, or null where the step does not ask for it
     * @param signedOn the date signed, or null where the step does not ask for it
     * @param enteredAt when it was entered
     */
    record Recommendation(String opinion, String signer,
            java.time.LocalDate signedOn, Instant enteredAt) {
    }

    /**
     * Enters (or replaces, while the task is pending) this level's recommendation opinion, where the step declares
     * one; such a step is approved only after its recommendation is entered.
     *
     * @throws WorkflowException 400 for a missing text, signer or date the step asks for, a text over 500
     *         characters, a date in the future; 404, 409, 423 as for {@link #act}
     */
    Application recommend(Caller reviewer, String taskId, String opinion, String signer, java.time.LocalDate signedOn,
            String clientIp);

    /**
     * One piece of evidence a step's reviewers check against the original (FJ-5): the files of one upload slot (of
     * one row, for a row slot) and the answers they evidence, shown side by side.
     *
     * @param slotId the upload slot
     * @param rowId the row of a row slot, or null
     * @param fileIds the files, in upload order
     * @param fields the answers the files evidence, by field id
     * @param evidenceHash the SHA-256 over the files and the answers: a verdict holds only for this hash
     * @param matches this step's verdict on this evidence, or null when it is still to be checked
     * @param note the reviewer's note with the verdict
     * @param checkedBy the account that gave the verdict
     * @param checkedAt when
     * @param checkedBefore whether this step gave a verdict on an earlier version of this evidence (changed since)
     */
    record Evidence(String slotId, String rowId, List<String> fileIds, java.util.Map<String, Object> fields,
            String evidenceHash, Boolean matches, String note, String checkedBy, Instant checkedAt,
            boolean checkedBefore) {
    }

    /**
     * A verdict on one piece of evidence.
     *
     * @param slotId the upload slot
     * @param rowId the row of a row slot, or null
     * @param matches whether the files match the original and the answers
     * @param note what does not match (required when it does not), at most 500 characters
     */
    record MatchCheck(String slotId, String rowId, boolean matches, String note) {
    }

    /**
     * The evidence the caller's step checks (FJ-5), with this step's verdicts on it as it is now.
     *
     * @throws WorkflowException 404 as for {@link #act}
     */
    List<Evidence> evidence(Caller reviewer, String taskId);

    /**
     * Records verdicts on evidence at a pending step that declares match checks. A step with match checks is
     * approved only when every piece of its evidence has a verdict for its current content and all match; a piece
     * that does not match must be returned to the applicant. Recording the same verdict again changes nothing.
     *
     * @throws WorkflowException 400 for evidence the step does not check, or a "does not match" without a note;
     *         404, 409, 423 as for {@link #act}
     */
    List<Evidence> check(Caller reviewer, String taskId, List<MatchCheck> checks, String clientIp);

    /**
     * Which tasks a batch acts on: the listed ones, or every pending task of the caller whose applicant belongs
     * to a unit (and its sub-units) (CQ-REV-2 "the whole unit", FJ-8 batch submission).
     *
     * @param taskIds the tasks, at most 500; or empty with a unit
     * @param applicantOrganisationId the unit, or null with task ids
     * @param businessId with a unit: only this business, or null
     */
    record Selection(List<String> taskIds, String applicantOrganisationId, String businessId) {
        public Selection {
            taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
        }
    }

    /**
     * What happened to one task of a batch.
     *
     * @param taskId the task
     * @param applicationId its application, or null for a task the caller may not see
     * @param status 200 when done (or already done), else the status the single action would have answered
     * @param code a problem code, or {@code ok}
     * @param zh the message in Chinese
     * @param en the message in English
     */
    record Outcome(String taskId, String applicationId, int status, String code, String zh, String en) {
    }

    /**
     * Acts on many tasks at once (FJ-8 批量提交): approve, return or reject, each task in its own transaction as
     * {@link #act} does, so one refusal does not undo the others.
     *
     * @return one outcome per task, in the order of the selection
     * @throws WorkflowException 400 for an empty or too large selection, or an action other than approve, return
     *         or reject
     */
    List<Outcome> batch(Caller reviewer, Selection selection, ReviewAction action, String comment, String reasonCode,
            String clientIp);

    /**
     * A public-notice period and, once it is over, its result (CQ-REV-2, CQ-DOC-2).
     *
     * @param startsOn the first day
     * @param endsOn the last day
     * @param result the result, e.g. 公示无异议, or null while the notice runs
     */
    record PublicNotice(java.time.LocalDate startsOn, java.time.LocalDate endsOn, String result) {
    }

    /**
     * Enters the public-notice period and result for the selected pending tasks at steps that allow
     * {@code publicNotice}; entering it again replaces it. Each task in its own transaction.
     *
     * @throws WorkflowException 400 for a period that ends before it starts or lasts more than 60 days, a result
     *         over 500 characters or a bad selection
     */
    List<Outcome> publicNotice(Caller reviewer, Selection selection, PublicNotice notice, String clientIp);

    /**
     * Assigns a pending task to another organisation for cross review (FJ-8 分配交叉审核), with permission
     * {@code review.assign}: both the task's organisation and the new one lie in the caller's subtree, and the new
     * one is active and not the applicant's own unit. The task keeps its role; the route's choice is kept.
     *
     * @param reason why, required
     * @throws WorkflowException 400 for a missing reason or an organisation that cannot review it; 404 for a task
     *         outside the caller's subtree; 409 when the task is not pending
     */
    Application assign(Caller assigner, String taskId, String organisationId, String reason, String clientIp);

}
