package org.zhicheng.workflow.internal.forms;

/**
 * The stable codes of the {@link org.zhicheng.api.business.FieldProblem}s {@link AnswerValidator} reports. A
 * failed declarative rule reports its own rule id instead (CQ-APP-3).
 */
public final class ProblemCodes {

    /** A key that is no field of a single section, no repeatable section, or no field of the row's section. */
    public static final String UNKNOWN_FIELD = "unknown-field";
    /** A required answer is missing (checked at submission only). */
    public static final String REQUIRED = "required";
    /** A text, text-area, ID-number or e-mail answer is not a JSON string. */
    public static final String NOT_TEXT = "not-text";
    /** Fewer characters than {@code minLength}. */
    public static final String TOO_SHORT = "too-short";
    /** More characters than {@code maxLength}. */
    public static final String TOO_LONG = "too-long";
    /** The text does not match the field's {@code pattern}. */
    public static final String PATTERN = "pattern";
    /** A number answer is not a number. */
    public static final String NOT_A_NUMBER = "not-a-number";
    /** An integer answer is not a whole number. */
    public static final String NOT_AN_INTEGER = "not-an-integer";
    /** A number below {@code min}. */
    public static final String TOO_SMALL = "too-small";
    /** A number above {@code max}. */
    public static final String TOO_LARGE = "too-large";
    /** Not an existing date {@code yyyy-MM-dd}. */
    public static final String INVALID_DATE = "invalid-date";
    /** Not a month {@code yyyy-MM}. */
    public static final String INVALID_MONTH = "invalid-month";
    /** A boolean answer is not {@code true} or {@code false}. */
    public static final String NOT_A_BOOLEAN = "not-a-boolean";
    /** A choice, region or organisation answer is not a non-blank string code. */
    public static final String INVALID_CODE = "invalid-code";
    /** A code that is not among the field's options or its inline dictionary's entries. */
    public static final String UNKNOWN_CODE = "unknown-code";
    /** A multi-choice answer is not a list of codes. */
    public static final String NOT_A_LIST = "not-a-list";
    /** More distinct codes than {@code maxSelections}. */
    public static final String TOO_MANY_SELECTIONS = "too-many-selections";
    /** A code whose dictionary parent differs from the answer of the {@code cascadeParent} field (FJ-2). */
    public static final String CASCADE_MISMATCH = "cascade-mismatch";
    /** Not a valid resident ID number (GB 11643-1999). */
    public static final String INVALID_ID_NUMBER = "invalid-id-number";
    /** Not an 11-digit mainland mobile number. */
    public static final String INVALID_MOBILE = "invalid-mobile";
    /** Not a valid e-mail address. */
    public static final String INVALID_EMAIL = "invalid-email";
    /** A file answer is neither an upload reference (string) nor a list of them. */
    public static final String INVALID_FILE = "invalid-file";
    /** A repeatable section's answer is not a list. */
    public static final String NOT_ROWS = "not-rows";
    /** An element of a repeatable section's answer is not a row (an object). */
    public static final String NOT_A_ROW = "not-a-row";
    /** A reserved row key ({@link Rows#DELETED}, {@link Rows#ID}) with a value of the wrong kind. */
    public static final String INVALID_ROW_MARKER = "invalid-row-marker";
    /** Fewer rows (not marked deleted) than {@code minRows} (checked at submission only). */
    public static final String TOO_FEW_ROWS = "too-few-rows";
    /** More rows (not marked deleted) than {@code maxRows}. */
    public static final String TOO_MANY_ROWS = "too-many-rows";
    /** Rows out of the section's {@code rowOrder} (checked at submission only; CQ-APP-3). */
    public static final String ROW_ORDER = "row-order";

    private ProblemCodes() {
    }
}
