package org.zhicheng.api.business.descriptor;

/**
 * An action a reviewer may take at a review step (GD-PHOTO-4, CQ-REV-2, FJ-5, FJ-6).
 */
public enum ReviewAction {

    /** Pass the application on to the next step (or finish the chain). */
    APPROVE,

    /** Send the application back for changes, as the review's {@code onReturn} policy says (CQ-REV-2, FJ-5). */
    RETURN,

    /**
     * Decide finally against the application; with {@code rejectionBlocksSeason} the applicant cannot apply again this
     * season (CQ-REV-2).
     */
    REJECT,

    /**
     * Pull back this step's own last action, allowed only until the next step has acted (FJ-6; CQ-REV-2 cancel an
     * approval).
     */
    REVOKE,

    /**
     * Correct small errors in the answers; never core data, and for a field backed by a match-checked slot only after
     * the slot was marked matching (CQ-REV-2, FJ-6, GD-TITLE-8).
     */
    CORRECT,

    /**
     * Mark a row of a repeatable section as deleted: shown grey and left out of prints and the expert view (CQ-APP-5,
     * CQ-REV-2).
     */
    MARK_ROW_DELETED,

    /** Enter this level's recommendation opinion with signer and date (CQ-REV-2). */
    RECOMMEND,

    /** Enter the public-notice period and result for selected applicants or the whole unit (CQ-REV-2). */
    PUBLIC_NOTICE;

    /** The JSON text of this value, the lower-camel form of the constant name. */
    public String json() {
        return Defaults.json(this);
    }

    /**
     * The value whose JSON text is {@code text}.
     *
     * @param text the JSON text
     * @return the value
     * @throws IllegalArgumentException when no value has that text
     */
     public static ReviewAction fromJson(String text) {
        return Defaults.fromJson(ReviewAction.class, text);
    }
}
