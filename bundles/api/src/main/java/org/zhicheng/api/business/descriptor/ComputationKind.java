package org.zhicheng.api.business.descriptor;

/**
 * How a computed field derives its value from other answers (FJ-2 years held, CQ-APP-3 years in the current title).
 */
public enum ComputationKind {

    /** Whole months from {@code from} to {@code to}; an integer. */
    MONTHS_BETWEEN,

    /** Whole years from {@code from} to {@code to}; an integer. */
    YEARS_BETWEEN,

    /**
     * Years and months from {@code from} to {@code to} as an ISO-8601 period such as {@code P2Y3M}, shown as 2年3月
     * (FJ-2).
     */
    YEARS_AND_MONTHS_BETWEEN,

    /** The sum of the numeric fields in {@code of}; a field of a repeatable section is summed over its rows. */
    SUM,

    /** The number of rows (not marked deleted) of the repeatable section named in {@code of}. */
    ROW_COUNT;

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
     public static ComputationKind fromJson(String text) {
        return Defaults.fromJson(ComputationKind.class, text);
    }
}
