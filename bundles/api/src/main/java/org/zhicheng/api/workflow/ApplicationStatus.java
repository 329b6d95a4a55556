package org.zhicheng.api.workflow;

/** Where an application stands. */
public enum ApplicationStatus {
    /** Being filled in, never submitted or withdrawn again; only the applicant sees it. */
    DRAFT,
    /** Submitted and on its way along the review chain. */
    IN_REVIEW,
    /** Sent back to the applicant with a comment; editable again, then resubmitted (CQ-REV-2, FJ-5). */
    RETURNED,
    /** Approved by every step of its chain. */
    APPROVED,
    /** Rejected; final (CQ-REV-2). */
    REJECTED;

    /** The JSON and URL text of this status: lower case with hyphens, e.g. {@code in-review}. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
