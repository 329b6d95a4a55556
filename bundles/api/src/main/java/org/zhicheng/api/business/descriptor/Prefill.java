package org.zhicheng.api.business.descriptor;

/**
 * Identity data the platform fills into a field from the applicant's verified account; combined with {@code coreData}
 * the applicant cannot change it (GD-TITLE-8, CQ-APP-1).
 */
public enum Prefill {

    /** The applicant's name. */
    APPLICANT_NAME,

    /** The applicant's ID document type. */
    ID_TYPE,

    /** The applicant's ID number. */
    ID_NUMBER,

    /** The sex, as derived from the ID number or registered. */
    SEX,

    /** The birth date, as derived from the ID number or registered. */
    BIRTH_DATE,

    /** The registered mobile number. */
    MOBILE,

    /** The registered e-mail address. */
    EMAIL,

    /** The applicant's unit (organisation id). */
    UNIT;

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
     public static Prefill fromJson(String text) {
        return Defaults.fromJson(Prefill.class, text);
    }
}
