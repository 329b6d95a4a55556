package org.zhicheng.workflow.internal.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

import org.zhicheng.api.business.RoutingContext.OrganisationRef;
import org.zhicheng.api.business.descriptor.Condition;
import org.zhicheng.api.business.descriptor.Section;

/**
 * Evaluates descriptor {@link Condition}s: field visibility and requirement, rules and row rules (CQ-APP-3),
 * optional review steps (CQ-ORG-4), the route table (FJ-4, CQ-REV-1) and selector matches. Pure: the result
 * depends only on the condition and the {@link ConditionContext}.
 *
 * <p>Semantics, as the {@code Condition} contract specifies them:
 * <ul>
 * <li>{@code null} (no condition) holds; {@code all} holds when every member does, {@code any} when one does,
 *     {@code not} when its member does not.</li>
 * <li>Subjects: {@code field} (see {@link ConditionContext#answer}); {@code org} — {@code type}, {@code level},
 *     {@code id} or {@code attributes.<name>} of the applicant's unit, or of the organisation a selector tests;
 *     {@code ancestor} — the same properties, holding when any organisation above the unit satisfies the operator
 *     (never when the unit has no parent); {@code monthsBetween}/{@code yearsBetween} — whole months or years from
 *     the first to the second date or month ({@code $today} allowed), negative when the second is earlier, compared
 *     at month precision when either is a month, unanswered when either is missing or malformed;
 *     {@code rowCount} — rows not marked deleted (see {@link Rows}), with {@code where} only those satisfying it
 *     in the row; a count is always answered, and {@code empty: true} holds for zero rows.</li>
 * <li>Operators: numbers compare numerically, ISO dates and months chronologically, everything else as text;
 *     organisation attributes are text, so a literal compares with them by its JSON text ({@code true} as
 *     {@code "true"}). An unanswered subject (absent, blank, no selection) satisfies only {@code empty: true},
 *     {@code notEquals} and {@code notIn}.</li>
 * <li>A multi-choice answer satisfies {@code equals}, {@code in}, the ordering operators and {@code matches} when
 *     any selected code does; {@code notEquals} and {@code notIn} are their negations, so they hold when no
 *     selected code is excluded.</li>
 * <li>Field operators ({@code equalsField} … {@code gteField}) need an answered subject. {@code equalsField} and
 *     the ordering ones also need the other field answered; {@code notEqualsField} holds when the other field is
 *     unanswered, since an answer differs from no answer.</li>
 * <li>{@code matches} tests the whole text with a cached pattern; input over 10,000 characters, or a match that
 *     backtracks excessively, does not match.</li>
 * </ul>
 */
public final class ConditionEvaluator {

    private static final String ATTRIBUTES = "attributes.";

    private ConditionEvaluator() {
    }

    /**
     * Whether a condition holds.
     *
     * @param condition the condition; {@code null} always holds
     * @param context what it is evaluated against
     * @return whether it holds
     * @throws IllegalArgumentException when the condition is malformed (no subject or no operator), which the
     *     registry's checks rule out for served descriptors
     */
    public static boolean holds(Condition condition, ConditionContext context) {
        if (condition == null) {
            return true;
        }
        boolean combination = !condition.all().isEmpty() || !condition.any().isEmpty() || condition.not() != null;
        if (combination) {
            boolean result = true;
            if (!condition.all().isEmpty()) {
                result = condition.all().stream().allMatch(c -> holds(c, context));
            }
            if (result && !condition.any().isEmpty()) {
                result = condition.any().stream().anyMatch(c -> holds(c, context));
            }
            if (result && condition.not() != null) {
                result = !holds(condition.not(), context);
            }
            return result;
        }
        return test(condition, context);
    }

    private static boolean test(Condition c, ConditionContext context) {
        if (c.field() != null) {
            return operate(c, Values.elements(context.answer(c.field())), false, context);
        }
        if (c.org() != null) {
            Optional<OrganisationRef> organisation = context.tested() != null ? Optional.of(context.tested())
                    : context.unit();
            Object property = organisation.map(o -> property(o, c.org())).orElse(null);
            return operate(c, Values.elements(property), attribute(c.org()), context);
        }
        if (c.ancestor() != null) {
            List<OrganisationRef> path = context.organisationPath();
            for (OrganisationRef above : path.subList(Math.min(1, path.size()), path.size())) {
                if (operate(c, Values.elements(property(above, c.ancestor())), attribute(c.ancestor()), context)) {
                    return true;
                }
            }
            return false;
        }
        if (!c.monthsBetween().isEmpty()) {
            Long months = monthsBetween(c.monthsBetween(), context);
            return operate(c, months == null ? List.of() : List.of(BigDecimal.valueOf(months)), false, context);
        }
        if (!c.yearsBetween().isEmpty()) {
            Long months = monthsBetween(c.yearsBetween(), context);
            // Whole years truncate toward zero, as ChronoUnit.YEARS does for dates.
            return operate(c, months == null ? List.of() : List.of(BigDecimal.valueOf(months / 12)), false, context);
        }
        if (c.rowCount() != null) {
            int count = rowCount(c.rowCount(), c.where(), context);
            // A count of zero is still a number that compares; only "empty" reads it as "no rows".
            if (c.empty() != null) {
                return c.empty() == (count == 0);
            }
            return operate(c, List.of(BigDecimal.valueOf(count)), false, context);
        }
        throw new IllegalArgumentException("A condition test needs a subject.");
    }

    /**
     * Applies the single operator of a test to the subject's values (none when unanswered, several for a
     * multi-choice answer).
     */
    private static boolean operate(Condition c, List<Object> values, boolean textual, ConditionContext context) {
        if (c.empty() != null) {
            return c.empty() == values.isEmpty();
        }
        if (c.notEquals() != null) {
            return values.stream().noneMatch(v -> Values.compare(v, c.notEquals(), textual) == 0);
        }
        if (!c.notIn().isEmpty()) {
            return values.stream()
                    .noneMatch(v -> c.notIn().stream().anyMatch(l -> Values.compare(v, l, textual) == 0));
        }
        if (noOperator(c)) {
            throw new IllegalArgumentException("A condition test needs an operator.");
        }
        if (values.isEmpty()) {
            return false;
        }
        if (c.equals() != null) {
            return any(values, c.equals(), textual, r -> r == 0);
        }
        if (!c.in().isEmpty()) {
            return values.stream().anyMatch(v -> c.in().stream().anyMatch(l -> Values.compare(v, l, textual) == 0));
        }
        if (c.lt() != null) {
            return any(values, c.lt(), textual, r -> r < 0);
        }
        if (c.lte() != null) {
            return any(values, c.lte(), textual, r -> r <= 0);
        }
        if (c.gt() != null) {
            return any(values, c.gt(), textual, r -> r > 0);
        }
        if (c.gte() != null) {
            return any(values, c.gte(), textual, r -> r >= 0);
        }
        if (c.matches() != null) {
            return values.stream().anyMatch(v -> SafeRegex.matches(c.matches(), Values.text(v)));
        }
        if (c.notEqualsField() != null) {
            List<Object> others = Values.elements(context.answer(c.notEqualsField()));
            return values.stream()
                    .noneMatch(v -> others.stream().anyMatch(o -> Values.compare(v, o, textual) == 0));
        }
        String other;
        IntPredicate accept;
        if (c.equalsField() != null) {
            other = c.equalsField();
            accept = r -> r == 0;
        } else if (c.ltField() != null) {
            other = c.ltField();
            accept = r -> r < 0;
        } else if (c.lteField() != null) {
            other = c.lteField();
            accept = r -> r <= 0;
        } else if (c.gtField() != null) {
            other = c.gtField();
            accept = r -> r > 0;
        } else {
            other = c.gteField();
            accept = r -> r >= 0;
        }
        List<Object> others = Values.elements(context.answer(other));
        return others.stream().anyMatch(o -> any(values, o, textual, accept));
    }

    private static boolean any(List<Object> values, Object literal, boolean textual, IntPredicate accept) {
        return values.stream().anyMatch(v -> accept.test(Values.compare(v, literal, textual)));
    }

    private static boolean noOperator(Condition c) {
        return c.equals() == null && c.in().isEmpty() && c.lt() == null && c.lte() == null && c.gt() == null
                && c.gte() == null && c.matches() == null && c.equalsField() == null && c.notEqualsField() == null
                && c.ltField() == null && c.lteField() == null && c.gtField() == null && c.gteField() == null;
    }

    private static boolean attribute(String property) {
        return property.startsWith(ATTRIBUTES);
    }

    /** A property of an organisation: {@code type}, {@code level}, {@code id} or {@code attributes.<name>}. */
    private static Object property(OrganisationRef organisation, String property) {
        return switch (property) {
            case "type" -> organisation.type();
            case "level" -> organisation.level();
            case "id" -> organisation.id();
            default -> attribute(property) ? organisation.attributes().get(property.substring(ATTRIBUTES.length()))
                    : null;
        };
    }

    /** Whole months from the first to the second operand, or {@code null} when either has no usable answer. */
    private static Long monthsBetween(List<String> operands, ConditionContext context) {
        if (operands.size() != 2) {
            return null;
        }
        Object from = operand(operands.get(0), context);
        Object to = operand(operands.get(1), context);
        if (from == null || to == null) {
            return null;
        }
        if (from instanceof YearMonth || to instanceof YearMonth) {
            // A month has no day, so both sides are taken at month precision.
            return ChronoUnit.MONTHS.between(asMonth(from), asMonth(to));
        }
        return ChronoUnit.MONTHS.between((LocalDate) from, (LocalDate) to);
    }

    /** A date operand as a LocalDate or a YearMonth, or {@code null}. */
    private static Object operand(String fieldId, ConditionContext context) {
        if (Condition.TODAY.equals(fieldId)) {
            return context.today();
        }
        Object answer = context.answer(fieldId);
        LocalDate date = Values.date(answer);
        return date != null ? date : Values.month(answer);
    }

    private static YearMonth asMonth(Object value) {
        return value instanceof LocalDate d ? YearMonth.from(d) : (YearMonth) value;
    }

    private static int rowCount(String sectionId, Condition where, ConditionContext context) {
        Optional<Section> section = context.form().sections().stream()
                .filter(s -> s.id().equals(sectionId) && s.repeatable()).findFirst();
        if (section.isEmpty()) {
            return 0;
        }
        int count = 0;
        for (Map<String, Object> row : Rows.live(context.answers().get(sectionId))) {
            if (holds(where, context.inRow(section.get(), row))) {
                count++;
            }
        }
        return count;
    }
}
