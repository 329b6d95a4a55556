package org.zhicheng.api.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;
import org.zhicheng.api.identity.Caller;

/**
 * What authorities and observers see of the applications below them, read only (GD-PHOTO-6 the city authority
 * sees its units' submitted and not yet submitted applicants and queries them; CQ-REV-1 a unit tells which
 * applicants are still open; FJ-8 进度跟踪 track progress; FJ-10 the reviewed list).
 *
 * <p>Who sees what, and every method applies it to every query:
 * <ul>
 * <li>a caller with permission {@code application.read} (reviewers, {@code view-only-authority}) sees every
 * application whose applicant's unit (as it was when the application began) lies in the caller's organisation
 * subtree, of every business;</li>
 * <li>a caller without it sees the applications of a business whose descriptor names an observer
 * ({@code review.observers}) with one of the caller's roles, and whose organisation selector picks the caller's
 * organisation on the applicant's organisation path (GD-PHOTO-6: view only, no review rights). The observers of
 * the business's current descriptor apply. A selector that picks by form field picks nothing here;</li>
 * <li>anyone else sees nothing: empty pages, and 404 for an overview.</li>
 * </ul>
 * An organisation named in a request that is unknown or outside the caller's subtree answers 404, as one that
 * does not exist. Nothing here changes data.
 */
@ProviderType
public interface Oversight {

    /** The longest applicant-name filter, in characters. */
    int MAX_NAME_FILTER = 50;

    /** The largest page. */
    int MAX_LIMIT = 500;

    /** How a search is ordered; ties are broken by application id, so pages never overlap. */
    enum Sort {
        /** By the time of the latest submission; never submitted drafts come last in either direction. */
        SUBMITTED_AT,
        /** By the time of the last change. */
        UPDATED_AT,
        /** By the applicant's name (the database's collation). */
        APPLICANT_NAME,
        /** By the name of the applicant's unit. */
        UNIT
    }

    /**
     * Which applications a search shows. Every condition is optional (null or empty means no condition); all that
     * are given must hold.
     *
     * @param businessId only this business
     * @param seasonId only this season
     * @param statuses only these statuses; empty for all, drafts included (CQ-REV-1: who has not submitted)
     * @param unitId only applicants of this unit; it must lie in the caller's subtree (404 otherwise)
     * @param includeSubUnits with a unit: also applicants of its sub-units
     * @param stepId only applications whose pending step (or submit-all gate) has this id
     * @param submittedFrom only applications last submitted at or after this instant
     * @param submittedTo only applications last submitted before this instant
     * @param applicantName only applicants whose name contains this text (at most {@link #MAX_NAME_FILTER}
     *        characters; {@code %} and {@code _} are plain characters)
     * @param sort the order; {@link Sort#SUBMITTED_AT} when null
     * @param descending whether the order is reversed
     */
    record Filter(String businessId, String seasonId, Set<ApplicationStatus> statuses, String unitId,
            boolean includeSubUnits, String stepId, Instant submittedFrom, Instant submittedTo, String applicantName,
            Sort sort, boolean descending) {

        /** Copies the statuses; absent means all. */
        public Filter {
            statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        }

        /** Every application the caller sees, most recently submitted first. */
        public static Filter all() {
            return new Filter(null, null, Set.of(), null, true, null, null, null, null, Sort.SUBMITTED_AT, true);
        }
    }

    /**
     * One application as an overseer sees it: where it stands, not what it says.
     *
     * @param applicationId the application
     * @param businessId its business
     * @param seasonId its season
     * @param applicantAccountId the applicant's account
     * @param applicantName the applicant's name (the registered person's, else the account's display name)
     * @param unitId the applicant's unit when the application began
     * @param unitName that unit's name now
     * @param status where it stands
     * @param currentStepId the pending step or submit-all gate, or null when none is pending (draft, returned,
     *        decided)
     * @param currentStepOrganisationId the organisation whose turn it is, or null
     * @param currentStepOrganisationName that organisation's name, or null
     * @param submittedAt the latest submission, or null for a draft never submitted
     * @param updatedAt the last change
     * @param decidedAt when it was approved or rejected, or null
     * @param canDownload whether the caller observes this application through an observer with
     *        {@code canDownload} (GD-PHOTO-6 download photos); for the media service. Other rights to files, such
     *        as the reviewers', are not this flag's concern.
     */
    record Entry(String applicationId, String businessId, String seasonId, String applicantAccountId,
            String applicantName, String unitId, String unitName, ApplicationStatus status, String currentStepId,
            String currentStepOrganisationId, String currentStepOrganisationName, Instant submittedAt,
            Instant updatedAt, Instant decidedAt, boolean canDownload) {
    }

    /**
     * A page of a search.
     *
     * @param total how many applications match the filter
     * @param entries this page's
     */
    record Page(int total, List<Entry> entries) {
        public Page {
            entries = List.copyOf(entries);
        }
    }

    /**
     * A page of the applications the caller sees, as the filter says (GD-PHOTO-6 query, CQ-REV-1, FJ-8).
     *
     * @param offset entries skipped, at least 0
     * @param limit at most this many, 1 to {@link #MAX_LIMIT}
     * @throws WorkflowException 400 for an invalid page, a name filter that is too long or a period that ends
     *         before it starts; 404 for a unit unknown or outside the caller's subtree
     */
    Page search(Caller caller, Filter filter, int offset, int limit);

    /**
     * One application as {@link #search} would list it, e.g. for the media service to read
     * {@link Entry#canDownload()}.
     *
     * @throws WorkflowException 404 when the caller does not see it, as for one that does not exist
     */
    Entry get(Caller caller, String applicationId);

    /** How an overview groups its counts. */
    enum Grouping {
        /** One group per applicant unit that has an application or a roster entry, ordered by name. */
        UNIT,
        /**
         * One group per direct sub-organisation of the overview's organisation, each counting its whole subtree,
         * every one listed even when all its counts are 0; first a group for the organisation itself when its own
         * applicants count anything (a city drilling down to districts, then units).
         */
        CHILD
    }

    /**
     * Counts of one group.
     *
     * @param draft begun, never submitted (or withdrawn)
     * @param inReview submitted and on the way along the chain, including those held at a submit-all gate
     * @param returned returned to the applicant for changes
     * @param approved approved by every step
     * @param rejected rejected
     * @param notStarted for a business whose eligibility is a roster (GD-PHOTO-1): the people on the season's
     *        roster, counted at their current unit, who have not begun an application; null for other businesses
     */
    record Counts(int draft, int inReview, int returned, int approved, int rejected, Integer notStarted) {

        /** How many applications: every status. */
        public int applications() {
            return draft + inReview + returned + approved + rejected;
        }

        /**
         * GD-PHOTO-6 "not yet submitted": drafts and returned ones, and people on the roster without an
         * application.
         */
        public int notSubmitted() {
            return draft + returned + (notStarted == null ? 0 : notStarted);
        }
    }

    /**
     * One group of an overview.
     *
     * @param organisationId the unit, or the sub-organisation
     * @param organisationName its name
     * @param counts its counts
     */
    record Group(String organisationId, String organisationName, Counts counts) {
    }

    /**
     * How a business stands in the caller's subtree (GD-PHOTO-6, FJ-8 track progress, CQ-REV-1).
     *
     * @param businessId the business
     * @param seasonId the season counted
     * @param organisationId the organisation whose subtree is counted
     * @param grouping how the groups are formed
     * @param roster whether the business's eligibility is a roster, so that {@code notStarted} is counted
     * @param groups the groups
     * @param totals the sums over every group
     */
    record Overview(String businessId, String seasonId, String organisationId, Grouping grouping, boolean roster,
            List<Group> groups, Counts totals) {
        public Overview {
            groups = List.copyOf(groups);
        }
    }

    /**
     * The counts by status of one business and season in a subtree, with the roster's people not started.
     *
     * @param businessId the business, required
     * @param seasonId the season, or null for the business's current season
     * @param organisationId the organisation whose subtree to count, in the caller's subtree; null for the
     *        caller's own
     * @param grouping how to group; {@link Grouping#UNIT} when null
     * @throws WorkflowException 404 for an unknown business, one the caller does not see, or an organisation
     *         unknown or outside the caller's subtree
     */
    Overview overview(Caller caller, String businessId, String seasonId, String organisationId, Grouping grouping);

    /**
     * Someone on a business's roster who has not begun an application (GD-PHOTO-6 not yet submitted).
     *
     * @param accountId the person's account
     * @param name the person's name
     * @param unitId the person's current unit
     * @param unitName its name
     */
    record NotStarted(String accountId, String name, String unitId, String unitName) {
    }

    /**
     * A page of people not started.
     *
     * @param total how many there are
     * @param people this page's, ordered by unit name, then name, then account id
     */
    record NotStartedPage(int total, List<NotStarted> people) {
        public NotStartedPage {
            people = List.copyOf(people);
        }
    }

    /**
     * The people on the roster of a business's season, in the caller's subtree as far as the caller sees it, who
     * have not begun an application (GD-PHOTO-1, GD-PHOTO-6). Empty for a business without a roster.
     *
     * @param seasonId the season, or null for the business's current season
     * @param unitId only people of this unit and its sub-units, or null
     * @throws WorkflowException 400 for an invalid page; 404 as {@link #overview}, or for a unit unknown or
     *         outside the caller's subtree
     */
    NotStartedPage notStarted(Caller caller, String businessId, String seasonId, String unitId, int offset,
            int limit);
}
