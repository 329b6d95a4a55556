package org.zhicheng.api.business.descriptor;

/**
 * Business-wide options of the application life cycle.
 *
 * @param applicantMayDelete when applicants may delete their own application with all its data and files,
 *     irrevocably; default {@code draft} (CQ-APP-6: until the first step acts)
 * @param applicantMayWithdraw whether applicants may withdraw a submitted application until the first step has
 *     acted, to edit it again (GD-TITLE-6); default false (GD-PHOTO-1: submission is final)
 * @param rejectionBlocksSeason whether a rejected applicant cannot apply to this business again in the same
 *     season (CQ-REV-2); default false
 * @param applicationsPerSeason how many applications one person may have in a season, not counting deleted
 *     ones; default 1
 * @param eligibility who may start an application; default {@code open} (GD-PHOTO-1: the roster of passed people)
 * @param requireNoOpenApplications whether an application can be started only while the person has no open
 *     application of any business (GD-TITLE-7 change of unit); default false
 * @param submitNotice the text of the confirmation dialog before submission, e.g. "cannot be changed after
 *     submission" (GD-PHOTO-1, CQ-APP-3 confirmation); a generic text when {@code null}
 */
public record Options(
        DeletePolicy applicantMayDelete,
        Boolean applicantMayWithdraw,
        Boolean rejectionBlocksSeason,
        Integer applicationsPerSeason,
        Eligibility eligibility,
        Boolean requireNoOpenApplications,
        BilingualText submitNotice) {

    /** The options of a descriptor that gives none. */
    public static final Options DEFAULTS = new Options(null, null, null, null, null, null, null);

    /** Normalises absent values to their defaults. */
    public Options {
        applicantMayDelete = applicantMayDelete == null ? DeletePolicy.DRAFT : applicantMayDelete;
        applicantMayWithdraw = Defaults.flag(applicantMayWithdraw, false);
        rejectionBlocksSeason = Defaults.flag(rejectionBlocksSeason, false);
        applicationsPerSeason = applicationsPerSeason == null ? Integer.valueOf(1) : applicationsPerSeason;
        eligibility = eligibility == null ? Eligibility.OPEN : eligibility;
        requireNoOpenApplications = Defaults.flag(requireNoOpenApplications, false);
    }
}
