package org.zhicheng.api.business.descriptor;

/**
 * A submit-all gate: applications that have passed every step before the gate wait there until an organisation
 * submits them all at once, which it may do only when every application in its scope meets {@code requires}
 * (GD-PHOTO-5: the unit submits all when every passed applicant's photo is approved; CQ-REV-3: a level-1 unit
 * submits to the city commission when every applicant under it is approved or rejected). The scope is every
 * application of the season whose organisation path contains the submitter and whose route passes the gate.
 *
 * @param id the gate id, unique among steps and gates
 * @param name the display name of the action, e.g. 全部提交 / Submit all
 * @param before the step the submitted applications move on to; {@code null} for the end of the chain
 * @param submitter the organisation that submits, picked on the applicant's path
 * @param requires what every application in scope must be
 * @param includeNotStarted whether eligible people without a submitted application count as undecided, so they
 *     block the gate (GD-PHOTO-5 with the roster of GD-PHOTO-1); default false
 * @param irrevocable whether submitted applications can no longer be returned or revoked by any step before the
 *     gate (GD-PHOTO-5: final, no return afterwards); default true
 */
public record Gate(
        String id,
        BilingualText name,
        String before,
        OrganisationSelector submitter,
        GateRequirement requires,
        Boolean includeNotStarted,
        Boolean irrevocable) {

    /** Normalises absent flags to their defaults. */
    public Gate {
        includeNotStarted = Defaults.flag(includeNotStarted, false);
        irrevocable = Defaults.flag(irrevocable, true);
    }
}
