package org.zhicheng.api.business.descriptor;

/**
 * How an organisation selector picks an organisation from the applicant's organisation path (unit first, then each
 * parent up to the root).
 */
public enum OrganisationPick {

    /** The applicant's unit itself (GD-PHOTO-4 unit review). */
    SELF,

    /** The unit's direct parent. */
    PARENT,

    /**
     * The first organisation on the path, starting at the unit (or at its parent when {@code includeSelf} is false),
     * that satisfies {@code match} (FJ-4 registration point, CQ-REV-1 district commission).
     */
    NEAREST,

    /** The organisation on the path whose level equals {@code level} (CQ-ORG-1 level-1 units). */
    LEVEL,

    /** The root of the deployment's organisation tree (FJ exam region, CQ city commission). */
    ROOT,

    /**
     * The organisation chosen in the organisation field named in {@code field} (GD-TITLE-7: only the new unit
     * approves).
     */
    FIELD;

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
     public static OrganisationPick fromJson(String text) {
        return Defaults.fromJson(OrganisationPick.class, text);
    }
}
