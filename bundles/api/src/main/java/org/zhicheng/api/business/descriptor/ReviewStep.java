package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * One step of a review chain: who reviews, what they may do, and what they must do first (GD-PHOTO-4,
 * GD-TITLE-6, CQ-REV-1/2, FJ-4..6). Who reviews is expressed generically, relative to the applicant's organisation
 * path, so the same step serves every unit: "the applicant's unit", "the nearest registration point", "the
 * level-1 organisation", "the root".
 *
 * @param id the step id, unique among steps and gates
 * @param name the display name, e.g. 人事管理单位审核 / Personnel unit review (GD-TITLE-6 current step)
 * @param reviewer the organisation and role that reviews at this step
 * @param actions the actions its reviewers may take (at least one)
 * @param commentRequired the actions that need a comment, normally return and reject (CQ-REV-2, FJ-5)
 * @param confirm the actions the user must confirm in a dialog first (CQ-REV-2 reject; GD-PHOTO-4 return)
 * @param defaultOpinion the opinion recorded when the reviewer approves without typing one (FJ-5: 同意)
 * @param matchCheckSlots the slots every file of which the reviewer must mark as matching or not matching the
 *     original before approving; any "not matching" forces a return (FJ-5)
 * @param includeWhen the step is part of an applicant's chain only when this holds, evaluated at submission
 *     (CQ-ORG-4 district title-reform office); always when {@code null}
 * @param recommendation the recommendation opinion this step records with the {@code recommend} action
 *     (CQ-REV-2); {@code null} when none
 */
public record ReviewStep(
        String id,
        BilingualText name,
        OrganisationSelector reviewer,
        List<ReviewAction> actions,
        List<ReviewAction> commentRequired,
        List<ReviewAction> confirm,
        BilingualText defaultOpinion,
        List<String> matchCheckSlots,
        Condition includeWhen,
        Recommendation recommendation) {

    /** Normalises absent lists to empty ones. */
    public ReviewStep {
        actions = Defaults.list(actions);
        commentRequired = Defaults.list(commentRequired);
        confirm = Defaults.list(confirm);
        matchCheckSlots = Defaults.list(matchCheckSlots);
    }
}
