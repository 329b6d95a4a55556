package org.zhicheng.workflow.internal.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.ReviewStep;
import org.zhicheng.api.business.descriptor.UploadSlot;
import org.zhicheng.api.workflow.Reviews.Evidence;
import org.zhicheng.api.workflow.WorkflowException;
import org.zhicheng.workflow.internal.forms.Rows;

/**
 * The "matches the original" checks of a step (FJ-5). The evidence of a slot (per row, for a row slot) is its files
 * and the answers they back; its hash covers both, so a verdict holds for exactly what the reviewer saw, and after a
 * resubmission only evidence whose files or answers changed is to be checked again. Verdicts are kept per step
 * (level), with who gave them.
 */
public final class MatchChecks {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private MatchChecks() {
    }

    /** One piece of evidence as it is now. */
    public record Item(String slotId, String rowId, List<String> fileIds, Map<String, Object> fields, String hash) {

        String rowKey() {
            return rowId == null ? "" : rowId;
        }
    }

    /** A stored verdict. */
    private record Verdict(String slotId, String rowKey, String hash, boolean matches, String note, String checkedBy,
            Instant checkedAt) {
    }

    /** The evidence a step checks: every slot it names that holds files, per live row for a row slot. */
    public static List<Item> items(Connection c, String applicationId, BusinessDescriptor d, ReviewStep step,
            Map<String, Object> answers) throws SQLException {
        List<String[]> files = files(c, applicationId);
        List<Item> items = new ArrayList<>();
        for (String slotId : step.matchCheckSlots()) {
            UploadSlot slot = d.slot(slotId).orElse(null);
            if (slot == null) {
                continue;
            }
            List<String> backed = slot.backs() == null ? List.of() : slot.backs().fields();
            String section = slot.backs() == null ? null : slot.backs().section();
            if (section == null) {
                add(items, slotId, null, files, answers, backed);
            } else if (answers.get(section) instanceof List<?> rows) {
                for (Object row : rows) {
                    if (row instanceof Map<?, ?> cells && !Rows.isDeleted(cells) && cells.get(Rows.ID) != null) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> typed = (Map<String, Object>) cells;
                        add(items, slotId, cells.get(Rows.ID).toString(), files, typed, backed);
                    }
                }
            }
        }
        return items;
    }

    /** The evidence with this step's verdicts on its current content. */
    public static List<Evidence> view(Connection c, String applicationId, String stepId, List<Item> items)
            throws SQLException {
        List<Verdict> verdicts = verdicts(c, applicationId, stepId);
        List<Evidence> evidence = new ArrayList<>();
        for (Item item : items) {
            Verdict current = verdicts.stream().filter(v -> v.slotId().equals(item.slotId())
                    && v.rowKey().equals(item.rowKey()) && v.hash().equals(item.hash())).findFirst().orElse(null);
            boolean before = verdicts.stream().anyMatch(v -> v.slotId().equals(item.slotId())
                    && v.rowKey().equals(item.rowKey()) && !v.hash().equals(item.hash()));
            evidence.add(new Evidence(item.slotId(), item.rowId(), item.fileIds(), item.fields(), item.hash(),
                    current == null ? null : current.matches(), current == null ? null : current.note(),
                    current == null ? null : current.checkedBy(), current == null ? null : current.checkedAt(),
                    before));
        }
        return evidence;
    }

    /**
     * Refuses approval unless every piece of evidence has a verdict on its current content and all match.
     *
     * @throws WorkflowException 409 {@code match-check-missing} naming what is still to be checked, or
     *         {@code match-check-failed} naming what does not match (it is to be returned)
     */
    public static void requireAllMatch(List<Evidence> evidence, BusinessDescriptor d) {
        List<FieldProblem> missing = new ArrayList<>();
        List<FieldProblem> failed = new ArrayList<>();
        for (Evidence e : evidence) {
            String name = d.slot(e.slotId()).map(s -> s.name().zh()).orElse(e.slotId());
            String nameEn = d.slot(e.slotId()).map(s -> s.name().en()).orElse(e.slotId());
            String path = "files." + e.slotId() + (e.rowId() == null ? "" : "[" + e.rowId() + "]");
            if (e.matches() == null) {
                missing.add(new FieldProblem(path, "match-check-missing", "“" + name + "”尚未核对是否与原件相符。",
                        "\"" + nameEn + "\" has not been checked against the original."));
            } else if (!e.matches()) {
                failed.add(new FieldProblem(path, "match-check-failed", "“" + name + "”与原件不符：" + e.note(),
                        "\"" + nameEn + "\" does not match the original: " + e.note()));
            }
        }
        if (!missing.isEmpty()) {
            throw new WorkflowException(409, "match-check-missing", "请先逐项核对材料是否与原件相符，再审核通过（还有 "
                    + missing.size() + " 项）。", "Check every piece of evidence against the original before approving ("
                    + missing.size() + " left).", missing);
        }
        if (!failed.isEmpty()) {
            throw new WorkflowException(409, "match-check-failed", "有材料与原件不符，不能审核通过，请退回申报人修改。",
                    "Some evidence does not match the original; the application cannot be approved. Return it to"
                            + " the applicant.", failed);
        }
    }

    /** Records a verdict on an item, replacing an earlier verdict of this step on the same content. */
    public static boolean put(Connection c, String applicationId, String stepId, Item item, boolean matches,
            String note, String accountId, String organisationId, Instant now) throws SQLException {
        Verdict existing = verdicts(c, applicationId, stepId).stream().filter(v -> v.slotId().equals(item.slotId())
                && v.rowKey().equals(item.rowKey()) && v.hash().equals(item.hash())).findFirst().orElse(null);
        if (existing != null && existing.matches() == matches && Objects.equals(existing.note(), note)) {
            return false;
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM match_check WHERE application_id = ?"
                + " AND step_id = ? AND slot_id = ? AND row_key = ? AND evidence_hash = ?")) {
            delete.setString(1, applicationId);
            delete.setString(2, stepId);
            delete.setString(3, item.slotId());
            delete.setString(4, item.rowKey());
            delete.setString(5, item.hash());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO match_check (application_id, step_id,"
                + " slot_id, row_key, evidence_hash, matches, note, checked_by, checked_by_org, checked_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, applicationId);
            insert.setString(2, stepId);
            insert.setString(3, item.slotId());
            insert.setString(4, item.rowKey());
            insert.setString(5, item.hash());
            insert.setBoolean(6, matches);
            insert.setString(7, note);
            insert.setString(8, accountId);
            insert.setString(9, organisationId);
            insert.setTimestamp(10, Timestamp.from(now));
            insert.executeUpdate();
        }
        return true;
    }

    private static void add(List<Item> items, String slotId, String rowId, List<String[]> files,
            Map<String, Object> answers, List<String> backed) {
        List<String[]> mine = files.stream().filter(f -> f[1].equals(slotId) && Objects.equals(f[2], rowId)).toList();
        if (mine.isEmpty()) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        backed.forEach(field -> fields.put(field, answers.get(field)));
        Map<String, Object> content = new TreeMap<>();
        content.put("slot", slotId);
        content.put("row", rowId);
        content.put("files", mine.stream().map(f -> f[3]).toList());
        content.put("fields", new TreeMap<>(fields));
        items.add(new Item(slotId, rowId, mine.stream().map(f -> f[0]).toList(), fields, sha256(content)));
    }

    /** id, slot, row, sha256 of every file of the application, in upload order. */
    private static List<String[]> files(Connection c, String applicationId) throws SQLException {
        List<String[]> files = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, slot_id, row_id, sha256 FROM application_file"
                + " WHERE application_id = ? ORDER BY uploaded_at, id")) {
            s.setString(1, applicationId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    files.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        return files;
    }

    private static List<Verdict> verdicts(Connection c, String applicationId, String stepId) throws SQLException {
        List<Verdict> verdicts = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT slot_id, row_key, evidence_hash, matches, note,"
                + " checked_by, checked_at FROM match_check WHERE application_id = ? AND step_id = ?")) {
            s.setString(1, applicationId);
            s.setString(2, stepId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    verdicts.add(new Verdict(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
                }
            }
        }
        return verdicts;
    }

    private static String sha256(Object content) {
        try {
            byte[] json = CANONICAL.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("answers and hashes are plain JSON", e);
        }
    }
}
