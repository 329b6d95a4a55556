package org.zhicheng.workflow.internal.forms;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.business.RoutingContext.OrganisationRef;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Section;
import org.zhicheng.api.business.descriptor.UploadSlot;

/**
 * The uploads a submission needs (FJ-3: a filled field needs its certificate images; CQ-APP-4: a row's evidence;
 * GD-PHOTO-2: the photo): every required slot, or slot whose {@code requiredWhen} holds, must hold at least its
 * {@code minFiles} files; a row slot in every live row of its section. Counted on the submitting transaction, which
 * holds the application's lock, so an upload cannot slip in or out meanwhile.
 */
public final class RequiredUploads {

    private RequiredUploads() {
    }

    /**
     * The missing uploads of an application.
     *
     * @return one problem per slot (and row) short of files, with the path {@code files.<slot>} or
     *     {@code <section>[n].files.<slot>}
     */
    public static List<FieldProblem> missing(Connection c, String applicationId, BusinessDescriptor d,
            Map<String, ?> answers, List<OrganisationRef> path, LocalDate today) throws SQLException {
        if (d.uploads().slots().isEmpty()) {
            return List.of();
        }
        Map<String, Integer> counts = counts(c, applicationId);
        ConditionContext context = ConditionContext.of(d.form(), answers, path, today);
        List<FieldProblem> problems = new ArrayList<>();
        for (UploadSlot slot : d.uploads().slots()) {
            String sectionId = slot.backs() == null ? null : slot.backs().section();
            if (sectionId == null) {
                if (required(slot, context)) {
                    requireFiles(problems, "files." + slot.id(), slot, counts.getOrDefault(key(slot.id(), null), 0));
                }
                continue;
            }
            Section section = d.form().sections().stream().filter(s -> s.id().equals(sectionId)).findFirst()
                    .orElse(null);
            if (section == null || !(answers.get(sectionId) instanceof List<?> rows)) {
                continue;
            }
            for (int i = 0; i < rows.size(); i++) {
                if (!(rows.get(i) instanceof Map<?, ?> row) || Rows.isDeleted(row)) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, ?> cells = (Map<String, ?>) row;
                if (required(slot, context.inRow(section, cells))) {
                    Object rowId = row.get(Rows.ID);
                    int held = rowId == null ? 0 : counts.getOrDefault(key(slot.id(), rowId.toString()), 0);
                    requireFiles(problems, sectionId + "[" + (i + 1) + "].files." + slot.id(), slot, held);
                }
            }
        }
        return problems;
    }

    private static boolean required(UploadSlot slot, ConditionContext context) {
        return slot.required() || slot.requiredWhen() != null && ConditionEvaluator.holds(slot.requiredWhen(), context);
    }

    private static void requireFiles(List<FieldProblem> problems, String path, UploadSlot slot, int held) {
        int needed = Math.max(1, slot.minFiles());
        if (held < needed) {
            problems.add(new FieldProblem(path, "upload-required", "请上传“" + slot.name().zh() + "”（至少 " + needed
                    + " 个文件，现有 " + held + " 个）。", "Upload \"" + slot.name().en() + "\" (at least " + needed
                    + " file(s); " + held + " uploaded)."));
        }
    }

    private static Map<String, Integer> counts(Connection c, String applicationId) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT slot_id, row_id, COUNT(*) FROM application_file"
                + " WHERE application_id = ? GROUP BY slot_id, row_id")) {
            s.setString(1, applicationId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(key(rs.getString(1), rs.getString(2)), rs.getInt(3));
                }
            }
        }
        return counts;
    }

    private static String key(String slotId, String rowId) {
        return slotId + "\u0000" + Objects.requireNonNullElse(rowId, "");
    }
}
