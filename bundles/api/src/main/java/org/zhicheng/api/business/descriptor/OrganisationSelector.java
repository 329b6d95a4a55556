package org.zhicheng.api.business.descriptor;

/**
 * Picks an organisation on the applicant's organisation path (unit first, then each parent up to the root; see
 * {@link org.zhicheng.api.business.RoutingContext}) and names the role its users need. Used for review steps,
 * gate submitters and observers, so that no province or organisation name appears in the format (FJ-4 table,
 * CQ-REV-1 flow charts, GD-PHOTO-4..6).
 *
 * @param pick how the organisation is picked
 * @param match for {@code nearest}: the condition the organisation must satisfy, with {@code org} subjects
 *     referring to the organisation tested, e.g. {@code {"org": "attributes.registrationPoint", "equals": "true"}}
 * @param includeSelf for {@code nearest}: whether the applicant's unit itself may be picked; default true
 * @param level for {@code level}: the organisation level (1 is the highest below the root)
 * @param field for {@code field}: the organisation field whose answer names the organisation (GD-TITLE-7)
 * @param role the role its users need to act, e.g. {@code reviewer} (the default) or {@code title-reform-office}
 *     (CQ-ORG-4)
 */
public record OrganisationSelector(
        OrganisationPick pick,
        Condition match,
        Boolean includeSelf,
        Integer level,
        String field,
        String role) {

    /** The role a selector requires when it names none. */
    public static final String DEFAULT_ROLE = "reviewer";

    /** Normalises the absent flag and role to their defaults. */
    public OrganisationSelector {
        includeSelf = Defaults.flag(includeSelf, true);
        role = role == null ? DEFAULT_ROLE : role;
    }
}
