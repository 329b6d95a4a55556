package org.zhicheng.api.business;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answers of one application form as plain JSON-like values: a field id maps to a String, Number, Boolean,
 * a list of such values (multi-choice), or, for a repeatable section, a list of rows (each a map of the same
 * kind).
 *
 * @param businessId the business the answers belong to
 * @param version the descriptor version the application is pinned to
 * @param values the answers by field or section id
 */
public record FormAnswers(String businessId, String version, Map<String, Object> values) {

    public FormAnswers {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(version, "version");
        values = Map.copyOf(values);
    }

    /** The answer of a single field, or {@code null} when unanswered. */
    public Object value(String fieldId) {
        return values.get(fieldId);
    }

    /** The rows of a repeatable section, empty when none. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> rows(String sectionId) {
        Object rows = values.get(sectionId);
        return rows instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
