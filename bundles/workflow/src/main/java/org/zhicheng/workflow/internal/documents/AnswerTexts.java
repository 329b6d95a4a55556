package org.zhicheng.workflow.internal.documents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Field;

/**
 * Answers as they are printed: choices by their Chinese labels, yes/no as 是/否, numbers plainly with their unit,
 * dates as entered, organisations by name and files by their stored names. Nothing is invented: an answer this
 * does not recognise prints as it was given.
 */
final class AnswerTexts {

    private final BusinessDescriptor descriptor;
    /** Labels looked up already, by field and code: a roster asks for the same few labels many thousand times. */
    private final Map<String, String> labels = new java.util.HashMap<>();
    private final Map<String, String> organisationNames;
    private final Map<String, List<String>> fileNames;

    /**
     * @param descriptor the descriptor the application is pinned to
     * @param organisationNames names of the organisations the answers name, by id
     * @param fileNames the stored names of the application's files, by slot
     */
    AnswerTexts(BusinessDescriptor descriptor, Map<String, String> organisationNames,
            Map<String, List<String>> fileNames) {
        this.descriptor = descriptor;
        this.organisationNames = organisationNames;
        this.fileNames = fileNames;
    }

    String text(Field field, Object value) {
        if (field.type() == org.zhicheng.api.business.descriptor.FieldType.FILE) {
            return String.join("、", fileNames.getOrDefault(field.slot(), List.of()));
        }
        if (value == null) {
            return "";
        }
        return switch (field.type()) {
            case BOOLEAN -> Boolean.TRUE.equals(value) ? "是" : Boolean.FALSE.equals(value) ? "否" : value.toString();
            case NUMBER, INTEGER -> number(value) + (field.unit() == null ? "" : " " + field.unit().zh());
            case CHOICE, REGION -> label(field, value);
            case ORGANISATION -> organisationNames.getOrDefault(value.toString(), value.toString());
            case MULTI_CHOICE -> {
                List<String> labels = new ArrayList<>();
                if (value instanceof List<?> codes) {
                    codes.forEach(code -> labels.add(label(field, code)));
                } else {
                    labels.add(label(field, value));
                }
                yield String.join("、", labels);
            }
            default -> value.toString();
        };
    }

    private static String number(Object value) {
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private String label(Field field, Object code) {
        String key = String.valueOf(code);
        return labels.computeIfAbsent(field.id() + '\u0000' + key,
                k -> descriptor.choiceLabel(field, key).map(l -> l.zh()).orElse(key));
    }
}
