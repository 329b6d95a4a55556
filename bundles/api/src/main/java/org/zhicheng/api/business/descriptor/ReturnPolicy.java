package org.zhicheng.api.business.descriptor;

/**
 * What the {@code return} action does (CQ-REV-2: straight back to the applicant, who resubmits through the whole
 * chain again; FJ-5: any failure returns to the candidate). The returned application is editable again, except
 * for fields that are {@code readOnlyAfterSubmit} or core data.
 *
 * @param to where a returned application goes; default {@code applicant}
 * @param resubmitFrom where a resubmission re-enters the chain; default {@code start} (the route is chosen anew)
 */
public record ReturnPolicy(ReturnTarget to, ResubmitFrom resubmitFrom) {

    /** Normalises absent values to their defaults. */
    public ReturnPolicy {
        to = to == null ? ReturnTarget.APPLICANT : to;
        resubmitFrom = resubmitFrom == null ? ResubmitFrom.START : resubmitFrom;
    }
}
