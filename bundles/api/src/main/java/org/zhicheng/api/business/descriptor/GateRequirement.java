package org.zhicheng.api.business.descriptor;

/**
 * What every application in a gate's scope must be before the submitter may submit all (GD-PHOTO-5, CQ-REV-3).
 */
public enum GateRequirement {

    /** Every application is approved up to the gate. */
    ALL_APPROVED,

    /** Every application is approved up to the gate or rejected; none is draft, pending or returned. */
    ALL_DECIDED;

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
     public static GateRequirement fromJson(String text) {
        return Defaults.fromJson(GateRequirement.class, text);
    }
}
