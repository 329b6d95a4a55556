package org.zhicheng.api.business.descriptor;

import java.util.List;
import java.util.Optional;

/**
 * The application form: sections of fields and the cross-field rules checked when the applicant saves or submits
 * (GD-TITLE-2, GD-TITLE-4, CQ-APP-2/3, FJ-2). Field and section ids share one namespace, the keys of
 * {@link org.zhicheng.api.business.FormAnswers}: a field of a single section is a top-level answer, a repeatable
 * section is a top-level list of rows keyed by field id.
 *
 * @param sections the sections in display order
 * @param rules cross-field rules over the answers of single sections (row-level rules live on the section)
 */
public record Form(List<Section> sections, List<Rule> rules) {

    /** Normalises absent lists to empty ones. */
    public Form {
        sections = Defaults.list(sections);
        rules = Defaults.list(rules);
    }

    /**
     * The field with this id, in any section.
     *
     * @param fieldId the field id
     * @return the field, or empty when there is none
     */
    public Optional<Field> field(String fieldId) {
        return sections.stream().flatMap(s -> s.fields().stream()).filter(f -> f.id().equals(fieldId)).findFirst();
    }

    /**
     * The section that holds a field.
     *
     * @param fieldId the field id
     * @return the section, or empty when no section holds the field
     */
    public Optional<Section> sectionOf(String fieldId) {
        return sections.stream().filter(s -> s.fields().stream().anyMatch(f -> f.id().equals(fieldId))).findFirst();
    }
}
