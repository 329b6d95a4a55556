package org.zhicheng.workflow.internal.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.zhicheng.api.business.RoutingContext.OrganisationRef;
import org.zhicheng.api.business.descriptor.Condition;
import org.zhicheng.api.business.descriptor.Field;
import org.zhicheng.api.business.descriptor.FieldType;
import org.zhicheng.api.business.descriptor.Form;
import org.zhicheng.api.business.descriptor.Section;

/**
 * What a {@link Condition} is evaluated against: the answers, optionally the current row of a repeatable section,
 * the applicant's organisation path, optionally the organisation a selector is testing, and the day of evaluation.
 * Immutable; the maps are not copied and must not change while conditions are evaluated.
 *
 * @param form the form the answers belong to, which tells fields of repeatable sections apart
 * @param answers the answers by field or repeatable-section id (JSON-like values, see
 *     {@link org.zhicheng.api.business.FormAnswers})
 * @param organisationPath the applicant's unit first, then each parent up to the root
 * @param today the day of evaluation ({@code $today}); injected, never read from a clock here
 * @param rowSection the repeatable section of the current row; {@code null} outside a row
 * @param row the current row; {@code null} outside a row
 * @param tested the organisation an {@code OrganisationSelector.match} is testing, which {@code org} subjects
 *     then refer to; {@code null} otherwise
 */
public record ConditionContext(
        Form form,
        Map<String, ?> answers,
        List<OrganisationRef> organisationPath,
        LocalDate today,
        Section rowSection,
        Map<String, ?> row,
        OrganisationRef tested) {

    /** Requires the form and {@code today}; absent answers and path become empty. */
    public ConditionContext {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(today, "today");
        answers = answers == null ? Map.of() : answers;
        organisationPath = organisationPath == null ? List.of() : List.copyOf(organisationPath);
        if ((rowSection == null) != (row == null)) {
            throw new IllegalArgumentException("a row needs its section and a section its row");
        }
    }

    /**
     * A context over the top-level answers.
     *
     * @param form the form
     * @param answers the answers
     * @param organisationPath the applicant's unit first, then its parents up to the root
     * @param today the day of evaluation
     * @return the context
     */
    public static ConditionContext of(Form form, Map<String, ?> answers, List<OrganisationRef> organisationPath,
            LocalDate today) {
        return new ConditionContext(form, answers, organisationPath, today, null, null, null);
    }

    /**
     * This context inside one row of a repeatable section: fields of that section then mean the row's answers.
     *
     * @param section the repeatable section
     * @param currentRow the row
     * @return the row context
     */
    public ConditionContext inRow(Section section, Map<String, ?> currentRow) {
        return new ConditionContext(form, answers, organisationPath, today, Objects.requireNonNull(section),
                Objects.requireNonNull(currentRow), tested);
    }

    /**
     * This context while a selector tests an organisation: {@code org} subjects then mean that organisation.
     *
     * @param organisation the organisation tested
     * @return the selector context
     */
    public ConditionContext testing(OrganisationRef organisation) {
        return new ConditionContext(form, answers, organisationPath, today, rowSection, row,
                Objects.requireNonNull(organisation));
    }

    /** The applicant's unit, the first organisation of the path; empty when the path is empty. */
    public Optional<OrganisationRef> unit() {
        return organisationPath.isEmpty() ? Optional.empty() : Optional.of(organisationPath.get(0));
    }

    /**
     * The answer of a field as conditions see it. In a row, a field of the row's section is the row's answer. A
     * field of another repeatable section has no answer here (it is visible only in its own rows; count rows with
     * {@code rowCount} instead). Decimal text in a number or integer field is read as a number.
     *
     * @param fieldId the field id
     * @return the answer, or {@code null} when there is none
     */
    public Object answer(String fieldId) {
        if (rowSection != null && has(rowSection, fieldId)) {
            return coerce(fieldId, row.get(fieldId));
        }
        Optional<Section> section = form.sectionOf(fieldId);
        if (section.isPresent() && section.get().repeatable()) {
            return null;
        }
        return coerce(fieldId, answers.get(fieldId));
    }

    private Object coerce(String fieldId, Object value) {
        if (value instanceof String) {
            FieldType type = form.field(fieldId).map(Field::type).orElse(null);
            if (type == FieldType.NUMBER || type == FieldType.INTEGER) {
                BigDecimal number = Values.number(value);
                return number == null ? value : number;
            }
        }
        return value;
    }

    private static boolean has(Section section, String fieldId) {
        return section.fields().stream().anyMatch(f -> f.id().equals(fieldId));
    }
}
