package org.zhicheng.workflow.internal.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.business.descriptor.BilingualText;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Field;
import org.zhicheng.api.business.descriptor.FieldType;
import org.zhicheng.api.business.descriptor.Section;
import org.zhicheng.api.workflow.Reviews.Correction;
import org.zhicheng.api.workflow.WorkflowException;
import org.zhicheng.workflow.internal.forms.Rows;

/**
 * The changes a reviewer makes to submitted answers: corrections of small errors (CQ-REV-2) and rows marked
 * deleted (CQ-APP-5). Pure: the answers given are never modified, a new map is answered with every change listed,
 * so the caller can validate the result and keep the before and after values in history and audit.
 */
public final class AnswerEdits {

    /** The most corrections or row marks in one action. */
    public static final int MAX_CHANGES = 50;

    /**
     * One changed answer.
     *
     * @param path {@code field} or {@code section[row].field} (row counted from 1), or {@code section[row]} for a
     *        row mark
     * @param before the value before, or null
     * @param after the value after, or null
     */
    public record Change(String path, Object before, Object after) {
    }

    /**
     * The answers after an edit.
     *
     * @param answers the new answers
     * @param changes what changed; empty when the edit changes nothing
     */
    public record Edit(Map<String, Object> answers, List<Change> changes) {
    }

    private AnswerEdits() {
    }

    /**
     * Applies corrections. Refused, with a problem per correction, for unknown fields and rows, and for what a
     * reviewer never corrects: core data and identity data filled from the verified account (GD-TITLE-8),
     * computed answers, files, answers fixed at submission (GD-PHOTO-2), and rows marked deleted.
     */
    public static Edit correct(BusinessDescriptor d, Map<String, Object> answers, List<Correction> corrections) {
        if (corrections == null || corrections.isEmpty() || corrections.size() > MAX_CHANGES) {
            throw new WorkflowException(400, "invalid-corrections", "请提供1至" + MAX_CHANGES + "处更正。",
                    "Give 1 to " + MAX_CHANGES + " corrections.");
        }
        Map<String, Object> after = deepCopy(answers);
        List<Change> changes = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (Correction correction : corrections) {
            String fieldId = correction == null ? null : correction.field();
            Section section = fieldId == null ? null : sectionOf(d, fieldId);
            if (section == null) {
                problems.add(new FieldProblem(String.valueOf(fieldId), "unknown-field", "表单中没有该字段。",
                        "The form has no such field."));
                continue;
            }
            Field field = section.fields().stream().filter(f -> f.id().equals(fieldId)).findFirst().orElseThrow();
            BilingualText refusal = refusal(field);
            if (refusal != null) {
                problems.add(new FieldProblem(fieldId, "not-correctable", "“" + field.label().zh() + "”" + refusal.zh(),
                        "\"" + field.label().en() + "\" " + refusal.en()));
                continue;
            }
            Map<String, Object> target;
            String path;
            if (section.repeatable()) {
                Map<String, Object> row = row(after, section, correction.row());
                if (row == null) {
                    problems.add(new FieldProblem(section.id() + "[" + correction.row() + "]." + fieldId, "unknown-row",
                            "“" + section.title().zh() + "”没有第" + correction.row() + "行，或该行已标记删除。",
                            "\"" + section.title().en() + "\" has no row " + correction.row()
                                    + ", or it is marked deleted."));
                    continue;
                }
                target = row;
                path = section.id() + "[" + correction.row() + "]." + fieldId;
            } else {
                if (correction.row() != null) {
                    problems.add(new FieldProblem(fieldId, "not-a-row", "该字段不在表格中，不能指定行。",
                            "This field is not in a table; give no row."));
                    continue;
                }
                target = after;
                path = fieldId;
            }
            Object before = target.get(fieldId);
            Object value = correction.value();
            if (Objects.equals(before, value)) {
                continue;
            }
            if (value == null) {
                target.remove(fieldId);
            } else {
                target.put(fieldId, value);
            }
            changes.add(new Change(path, before, value));
        }
        if (!problems.isEmpty()) {
            throw new WorkflowException(400, "invalid-corrections", "有" + problems.size() + "处更正不能进行。",
                    problems.size() + " correction(s) cannot be made.", problems);
        }
        return new Edit(after, changes);
    }

    /** Marks rows of a repeatable section deleted, or restores them (CQ-APP-5). */
    public static Edit markRows(BusinessDescriptor d, Map<String, Object> answers, String sectionId,
            List<Integer> rows, boolean deleted) {
        Section section = d.form() == null ? null : d.form().sections().stream()
                .filter(s -> s.id().equals(sectionId) && s.repeatable()).findFirst().orElse(null);
        if (section == null) {
            throw new WorkflowException(400, "unknown-section", "表单中没有该表格。", "The form has no such table.");
        }
        if (rows == null || rows.isEmpty() || rows.size() > MAX_CHANGES
                || rows.stream().anyMatch(Objects::isNull)) {
            throw new WorkflowException(400, "invalid-rows", "请指定1至" + MAX_CHANGES + "个行号。",
                    "Give 1 to " + MAX_CHANGES + " row numbers.");
        }
        Map<String, Object> after = deepCopy(answers);
        List<?> list = after.get(sectionId) instanceof List<?> l ? l : List.of();
        List<Change> changes = new ArrayList<>();
        for (int position : new TreeSet<>(rows)) {
            if (position < 1 || position > list.size() || !(list.get(position - 1) instanceof Map<?, ?>)) {
                throw new WorkflowException(400, "unknown-row", "“" + section.title().zh() + "”没有第" + position + "行。",
                        "\"" + section.title().en() + "\" has no row " + position + ".");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) list.get(position - 1);
            if (Rows.isDeleted(row) == deleted) {
                continue;
            }
            if (deleted) {
                row.put(Rows.DELETED, Boolean.TRUE);
            } else {
                row.remove(Rows.DELETED);
            }
            changes.add(new Change(sectionId + "[" + position + "]", !deleted, deleted));
        }
        return new Edit(after, changes);
    }

    /** Why a reviewer may not correct this field, or null when it may. */
    private static BilingualText refusal(Field field) {
        if (field.coreData() || field.prefill() != null) {
            return new BilingualText("是核心数据，审核人员不能更正，须按规定程序变更。", "is core data: reviewers never correct it; it "
                    + "changes only through the documented staff process.");
        }
        if (field.computed() != null) {
            return new BilingualText("由系统计算，不能更正。", "is computed by the platform and cannot be corrected.");
        }
        if (field.type() == FieldType.FILE || field.slot() != null) {
            return new BilingualText("是上传文件，不能更正，请退回申报人重新上传。",
                    "is an upload; return the application for a new file instead.");
        }
        if (field.readOnlyAfterSubmit()) {
            return new BilingualText("提交后不能再修改。", "cannot change after submission.");
        }
        return null;
    }

    private static Section sectionOf(BusinessDescriptor d, String fieldId) {
        if (d.form() == null) {
            return null;
        }
        for (Section s : d.form().sections()) {
            if (s.fields().stream().anyMatch(f -> f.id().equals(fieldId))) {
                return s;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> answers, Section section, Integer position) {
        if (position == null || !(answers.get(section.id()) instanceof List<?> rows) || position < 1
                || position > rows.size() || !(rows.get(position - 1) instanceof Map<?, ?> row) || Rows.isDeleted(row)) {
            return null;
        }
        return (Map<String, Object>) row;
    }

    /** A copy whose maps and lists are new, so edits never reach the answers given. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> answers) {
        return (Map<String, Object>) copy(answers == null ? Map.of() : answers);
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return value;
    }
}
