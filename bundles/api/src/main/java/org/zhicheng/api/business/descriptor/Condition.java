package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * A declarative condition over the answers and the applicant's organisation: one recursive record for field
 * visibility and requirement (CQ-APP-3 exam score only for deputy-senior), cross-field and row rules
 * (CQ-APP-3 study rows ≥ 3 months), optional review steps (CQ-ORG-4 district title-reform office), the route
 * table (FJ-4, CQ-REV-1), organisation matching in selectors, and document row filters (CQ-DOC-2).
 *
 * <p>A condition is exactly one of:
 * <ul>
 * <li>a combination: {@code all} (every one holds), {@code any} (at least one holds) or {@code not}, each with
 *     at least one condition;</li>
 * <li>a test: exactly one subject and exactly one operator.</li>
 * </ul>
 *
 * <p>Subjects:
 * <ul>
 * <li>{@code field}: the answer of a field. In a row context (a row rule, or a condition on a field of a
 *     repeatable section) a field of the same section means the current row's answer. A multi-choice answer
 *     satisfies {@code equals}/{@code in} when any selected code does.</li>
 * <li>{@code org}: a property of the applicant's unit, or, inside an {@link OrganisationSelector#match()}, of the
 *     organisation being tested: {@code type}, {@code level}, {@code id} or {@code attributes.<name>}
 *     (see {@link org.zhicheng.api.business.RoutingContext.OrganisationRef}).</li>
 * <li>{@code ancestor}: the same properties; holds when any organisation above the unit (its parent up to the
 *     root) satisfies the operator.</li>
 * <li>{@code monthsBetween} / {@code yearsBetween}: whole months or years from the first to the second of two
 *     date or yearMonth fields; either may be {@code $today}.</li>
 * <li>{@code rowCount}: the number of rows, not marked deleted, of a repeatable section; with {@code where},
 *     only the rows satisfying that condition (evaluated in the row), e.g. "at least one work row at the
 *     intermediate title" (CQ-APP-3).</li>
 * </ul>
 *
 * <p>Operators compare the subject with a literal ({@code equals}, {@code notEquals}, {@code in}, {@code notIn},
 * {@code lt}, {@code lte}, {@code gt}, {@code gte}, {@code matches}) or with another field's answer
 * ({@code equalsField} … {@code gteField}); {@code empty: true} holds for an unanswered subject (absent, blank,
 * no selection, no rows) and {@code empty: false} for an answered one. Numbers compare numerically, ISO dates and
 * months chronologically, everything else as text; organisation attributes are text, so a boolean or number
 * literal compares by its JSON text. An unanswered subject satisfies only {@code empty: true}, {@code notEquals}
 * and {@code notIn}.
 *
 * @param all every condition must hold
 * @param any at least one condition must hold
 * @param not the condition must not hold
 * @param field subject: a field id
 * @param org subject: a property of the applicant's unit (or of the candidate organisation in a selector)
 * @param ancestor subject: a property that some ancestor of the applicant's unit must satisfy
 * @param monthsBetween subject: whole months between two date fields (or {@code $today})
 * @param yearsBetween subject: whole years between two date fields (or {@code $today})
 * @param rowCount subject: the number of rows of a repeatable section
 * @param where with {@code rowCount}: count only the rows satisfying this condition
 * @param equals operator: equals this literal
 * @param notEquals operator: does not equal this literal
 * @param in operator: equals one of these literals
 * @param notIn operator: equals none of these literals
 * @param empty operator: {@code true} unanswered, {@code false} answered
 * @param lt operator: less than this number, date or month
 * @param lte operator: less than or equal
 * @param gt operator: greater than
 * @param gte operator: greater than or equal
 * @param matches operator: the text matches this regular expression (Java syntax, whole text)
 * @param equalsField operator: equals the answer of this field
 * @param notEqualsField operator: differs from the answer of this field
 * @param ltField operator: less than the answer of this field
 * @param lteField operator: less than or equal to the answer of this field
 * @param gtField operator: greater than the answer of this field
 * @param gteField operator: greater than or equal to the answer of this field
 */
public record Condition(
        List<Condition> all,
        List<Condition> any,
        Condition not,
        String field,
        String org,
        String ancestor,
        List<String> monthsBetween,
        List<String> yearsBetween,
        String rowCount,
        Condition where,
        Object equals,
        Object notEquals,
        List<Object> in,
        List<Object> notIn,
        Boolean empty,
        Object lt,
        Object lte,
        Object gt,
        Object gte,
        String matches,
        String equalsField,
        String notEqualsField,
        String ltField,
        String lteField,
        String gtField,
        String gteField) {

    /** The pseudo-field naming the day of evaluation in {@code monthsBetween} and {@code yearsBetween}. */
    public static final String TODAY = "$today";

    /** Normalises absent lists to empty ones; absent scalars stay {@code null} (not given). */
    public Condition {
        all = Defaults.list(all);
        any = Defaults.list(any);
        monthsBetween = Defaults.list(monthsBetween);
        yearsBetween = Defaults.list(yearsBetween);
        in = Defaults.list(in);
        notIn = Defaults.list(notIn);
    }
}
