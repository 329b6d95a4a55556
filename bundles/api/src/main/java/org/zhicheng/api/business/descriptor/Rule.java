package org.zhicheng.api.business.descriptor;

/**
 * A declarative cross-field rule: when {@code when} holds (or always), {@code check} must hold, otherwise
 * {@code message} is reported against {@code field}. Form rules see the answers of single sections; a section's
 * row rules are checked once per row and also see that row's fields (CQ-APP-3: each study row lasts at least
 * 3 months). The rule id becomes the {@link org.zhicheng.api.business.FieldProblem#code()}.
 *
 * @param id the rule id, unique among all rules of the form
 * @param when the precondition; the rule always applies when {@code null}
 * @param check the condition the answers must satisfy
 * @param message the problem reported when the check fails
 * @param field the field the problem is reported against; the form (or row) as a whole when {@code null}
 */
public record Rule(String id, Condition when, Condition check, BilingualText message, String field) {
}
