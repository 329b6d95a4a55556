package org.zhicheng.workflow.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.zhicheng.api.workflow.Application;
import org.zhicheng.api.workflow.ApplicationEvent;
import org.zhicheng.api.workflow.ApplicationStatus;
import org.zhicheng.api.workflow.Reviews;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The application tables ({@code application}, {@code review_task}, {@code application_event}) in one place, so
 * every service reads and writes them the same way. Methods take the caller's connection and run in its
 * transaction; {@code lock} methods hold the row until it ends.
 */
public final class ApplicationRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() { };

    private ApplicationRows() {
    }

    /** An application row, as the services need it. */
    public record Row(String id, String businessId, String businessVersion, String contentHash, String seasonId,
            String applicantAccountId, String organisationId, String organisationPath, ApplicationStatus status,
            Map<String, Object> answers, String routeId, int submission, Instant createdAt, Instant updatedAt,
            Instant submittedAt, int version) {
    }

    /** A review task row. */
    public record TaskRow(String taskId, String applicationId, int submission, int position, String stepId,
            String organisationId, String role, String status, String action, String opinion, String reasonCode,
            String actedBy, Instant actedAt, String routedOrganisationId) {
    }

    private static final String COLUMNS = "id, business_id, business_version, content_hash, season_id,"
            + " applicant_account_id, organisation_id, organisation_path, status, answers, route_id, submission,"
            + " created_at, updated_at, submitted_at, row_version";

    public static void insert(Connection c, Row r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO application (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, r.id());
            s.setString(2, r.businessId());
            s.setString(3, r.businessVersion());
            s.setString(4, r.contentHash());
            s.setString(5, r.seasonId());
            s.setString(6, r.applicantAccountId());
            s.setString(7, r.organisationId());
            s.setString(8, r.organisationPath());
            s.setString(9, r.status().name());
            s.setString(10, json(r.answers()));
            s.setString(11, r.routeId());
            s.setInt(12, r.submission());
            s.setObject(13, utc(r.createdAt()));
            s.setObject(14, utc(r.updatedAt()));
            s.setObject(15, utc(r.submittedAt()));
            s.setInt(16, r.version());
            s.executeUpdate();
        }
    }

    /** The application, locked for the transaction. */
    public static Optional<Row> lock(Connection c, String id) throws SQLException {
        return select(c, id, " FOR UPDATE");
    }

    /** The application, unlocked. */
    public static Optional<Row> find(Connection c, String id) throws SQLException {
        return select(c, id, "");
    }

    private static Optional<Row> select(Connection c, String id, String suffix) throws SQLException {
        if (id == null || id.length() > 36) {
            return Optional.empty();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM application WHERE id = ?"
                + suffix)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** The applications with these ids (at most a few hundred, e.g. a page of a queue), by id. */
    public static Map<String, Row> findAll(Connection c, List<String> ids) throws SQLException {
        Map<String, Row> rows = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM application WHERE id IN (" + marks
                + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                s.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Row r = row(rs);
                    rows.put(r.id(), r);
                }
            }
        }
        return rows;
    }

    /** An applicant's applications of one business and season. */
    public static List<Row> ofApplicant(Connection c, String accountId, String businessId, String seasonId)
            throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM application WHERE applicant_account_id = ?"
                + (businessId == null ? "" : " AND business_id = ? AND season_id = ?")
                + " ORDER BY created_at DESC, id";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, accountId);
            if (businessId != null) {
                s.setString(2, businessId);
                s.setString(3, seasonId);
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), ApplicationStatus.valueOf(rs.getString(9)),
                answers(rs.getString(10)), rs.getString(11), rs.getInt(12), instant(rs, 13), instant(rs, 14),
                instant(rs, 15), rs.getInt(16));
    }

    /** Writes the changing columns of a row and raises its version. */
    public static Row update(Connection c, Row r, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE application SET status = ?, answers = ?, route_id = ?,"
                + " submission = ?, updated_at = ?, submitted_at = ?, decided_at = ?, row_version = row_version + 1"
                + " WHERE id = ? AND row_version = ?")) {
            s.setString(1, r.status().name());
            s.setString(2, json(r.answers()));
            s.setString(3, r.routeId());
            s.setInt(4, r.submission());
            s.setObject(5, utc(now));
            s.setObject(6, utc(r.submittedAt()));
            s.setObject(7, r.status() == ApplicationStatus.APPROVED || r.status() == ApplicationStatus.REJECTED
                    ? utc(now) : null);
            s.setString(8, r.id());
            s.setInt(9, r.version());
            if (s.executeUpdate() != 1) {
                // Another transaction got in first despite the row lock (H2 can let a waiter see the lock
                // released before the commit): refuse rather than overwrite.
                throw concurrent();
            }
        }
        return new Row(r.id(), r.businessId(), r.businessVersion(), r.contentHash(), r.seasonId(),
                r.applicantAccountId(), r.organisationId(), r.organisationPath(), r.status(), r.answers(), r.routeId(),
                r.submission(), r.createdAt(), now, r.submittedAt(), r.version() + 1);
    }

    public static void deleteAll(Connection c, String id) throws SQLException {
        for (String sql : List.of("DELETE FROM application_file WHERE application_id = ?",
                "DELETE FROM application_event WHERE application_id = ?",
                "DELETE FROM review_recommendation WHERE application_id = ?",
                "DELETE FROM public_notice WHERE application_id = ?",
                "DELETE FROM review_task WHERE application_id = ?", "DELETE FROM application WHERE id = ?")) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, id);
                s.executeUpdate();
            }
        }
    }

    /** The blobs an application's files refer to: originals, previews and thumbnails. */
    public static List<String> fileBlobs(Connection c, String id) throws SQLException {
        List<String> blobs = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT sha256, preview_sha256, thumbnail_sha256"
                + " FROM application_file WHERE application_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= 3; i++) {
                        String sha256 = rs.getString(i);
                        if (sha256 != null && !blobs.contains(sha256)) {
                            blobs.add(sha256);
                        }
                    }
                }
            }
        }
        return blobs;
    }

    // --- tasks ---

    public static void insertTask(Connection c, String applicationId, int submission, int position, String stepId,
            boolean gate, String organisationId, String role, String status, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO review_task (task_id, application_id, submission,"
                + " position, step_id, organisation_id, role, status, created_at, kind)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, UUID.randomUUID().toString());
            s.setString(2, applicationId);
            s.setInt(3, submission);
            s.setInt(4, position);
            s.setString(5, stepId);
            s.setString(6, organisationId);
            s.setString(7, role);
            s.setString(8, status);
            s.setObject(9, utc(now));
            s.setString(10, gate ? "gate" : "step");
            s.executeUpdate();
        }
    }

    private static final String TASK_COLUMNS = "task_id, application_id, submission, position, step_id,"
            + " organisation_id, role, status, action, opinion, reason_code, acted_by, acted_at, routed_organisation_id";

    /** The tasks of one submission, in order. */
    public static List<TaskRow> chain(Connection c, String applicationId, int submission) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + TASK_COLUMNS + " FROM review_task"
                + " WHERE application_id = ? AND submission = ? ORDER BY position")) {
            s.setString(1, applicationId);
            s.setInt(2, submission);
            List<TaskRow> tasks = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tasks.add(task(rs));
                }
            }
            return tasks;
        }
    }

    public static Optional<TaskRow> task(Connection c, String taskId) throws SQLException {
        if (taskId == null || taskId.length() > 36) {
            return Optional.empty();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + TASK_COLUMNS + " FROM review_task"
                + " WHERE task_id = ?")) {
            s.setString(1, taskId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(task(rs)) : Optional.empty();
            }
        }
    }

    private static TaskRow task(ResultSet rs) throws SQLException {
        return new TaskRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), instant(rs, 13), rs.getString(14));
    }

    /** Records an action on a task (or clears it, for revoke, with all nulls and status pending). */
    public static void setTask(Connection c, String taskId, String status, String action, String opinion,
            String reasonCode, String actedBy, Instant actedAt) throws SQLException {
        setTask(c, taskId, null, status, action, opinion, reasonCode, actedBy, actedAt);
    }

    /**
     * As {@link #setTask(Connection, String, String, String, String, String, String, Instant)}, only while the
     * task is still in {@code expected} status; 409 when another transaction changed it first.
     */
    public static void setTask(Connection c, String taskId, String expected, String status, String action,
            String opinion, String reasonCode, String actedBy, Instant actedAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE review_task SET status = ?, action = ?, opinion = ?,"
                + " reason_code = ?, acted_by = ?, acted_at = ? WHERE task_id = ?"
                + (expected == null ? "" : " AND status = ?"))) {
            s.setString(1, status);
            s.setString(2, action);
            s.setString(3, opinion);
            s.setString(4, reasonCode);
            s.setString(5, actedBy);
            s.setObject(6, utc(actedAt));
            s.setString(7, taskId);
            if (expected != null) {
                s.setString(8, expected);
            }
            if (s.executeUpdate() != 1 && expected != null) {
                throw concurrent();
            }
        }
    }

    private static org.zhicheng.api.workflow.WorkflowException concurrent() {
        return new org.zhicheng.api.workflow.WorkflowException(409, "changed-concurrently",
                "该申报刚刚被他人处理，请刷新后查看结果。", "Someone acted on this application a moment ago; reload to see what happened.");
    }

    // --- history ---

    public static void event(Connection c, String applicationId, Instant at, String actor, String actorOrganisation,
            String action, String stepId, ApplicationStatus from, ApplicationStatus to, String comment,
            String reasonCode) throws SQLException {
        int seq;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM application_event WHERE application_id = ?")) {
            s.setString(1, applicationId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                seq = rs.getInt(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO application_event (application_id, seq,"
                + " occurred_at, actor_account_id, actor_organisation, action, step_id, from_status, to_status,"
                + " comment, reason_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, applicationId);
            s.setInt(2, seq);
            s.setObject(3, utc(at));
            s.setString(4, actor);
            s.setString(5, actorOrganisation);
            s.setString(6, action);
            s.setString(7, stepId);
            s.setString(8, from == null ? null : from.text());
            s.setString(9, to.text());
            s.setString(10, comment);
            s.setString(11, reasonCode);
            s.executeUpdate();
        }
    }

    public static List<ApplicationEvent> history(Connection c, String applicationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq, occurred_at, actor_account_id, actor_organisation,"
                + " action, step_id, from_status, to_status, comment, reason_code FROM application_event"
                + " WHERE application_id = ? ORDER BY seq")) {
            s.setString(1, applicationId);
            List<ApplicationEvent> events = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new ApplicationEvent(rs.getInt(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10)));
                }
            }
            return events;
        }
    }

    /** The application as the API shows it, with its current chain. */
    public static Application view(Connection c, Row r) throws SQLException {
        List<Application.Step> steps = new ArrayList<>();
        if (r.submission() > 0) {
            Map<String, Reviews.Recommendation> recommendations = recommendations(c, r.id());
            Map<String, Reviews.PublicNotice> notices = publicNotices(c, r.id());
            for (TaskRow t : chain(c, r.id(), r.submission())) {
                steps.add(new Application.Step(t.taskId(), t.stepId(), t.organisationId(), t.role(), t.status(),
                        t.opinion(), t.actedAt(), recommendations.get(t.taskId()), notices.get(t.taskId()),
                        t.routedOrganisationId()));
            }
        }
        return new Application(r.id(), r.businessId(), r.businessVersion(), r.contentHash(), r.seasonId(),
                r.applicantAccountId(), r.organisationId(), r.status(), r.answers(), r.version(), r.submission(),
                steps, r.createdAt(), r.updatedAt());
    }

    // --- recommendations, public notices, cross review ---

    /** The recommendation opinions of an application's tasks, by task id (CQ-REV-2). */
    public static Map<String, Reviews.Recommendation> recommendations(Connection c, String applicationId)
            throws SQLException {
        Map<String, Reviews.Recommendation> found = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT task_id, opinion, signer, signed_on, entered_at"
                + " FROM review_recommendation WHERE application_id = ?")) {
            s.setString(1, applicationId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new Reviews.Recommendation(rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), instant(rs, 5)));
                }
            }
        }
        return found;
    }

    /** Enters or replaces a task's recommendation opinion. */
    public static void putRecommendation(Connection c, TaskRow task, Reviews.Recommendation recommendation,
            String enteredBy) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM review_recommendation WHERE task_id = ?")) {
            s.setString(1, task.taskId());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO review_recommendation (task_id, application_id,"
                + " opinion, signer, signed_on, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, task.taskId());
            s.setString(2, task.applicationId());
            s.setString(3, recommendation.opinion());
            s.setString(4, recommendation.signer());
            s.setObject(5, recommendation.signedOn());
            s.setString(6, enteredBy);
            s.setObject(7, utc(recommendation.enteredAt()));
            s.executeUpdate();
        }
    }

    /** The public notices of an application's tasks, by task id (CQ-REV-2). */
    public static Map<String, Reviews.PublicNotice> publicNotices(Connection c, String applicationId)
            throws SQLException {
        Map<String, Reviews.PublicNotice> found = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT task_id, starts_on, ends_on, result FROM public_notice"
                + " WHERE application_id = ?")) {
            s.setString(1, applicationId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new Reviews.PublicNotice(rs.getObject(2, LocalDate.class),
                            rs.getObject(3, LocalDate.class), rs.getString(4)));
                }
            }
        }
        return found;
    }

    /** Enters or replaces a task's public notice. */
    public static void putPublicNotice(Connection c, TaskRow task, Reviews.PublicNotice notice, String enteredBy,
            Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM public_notice WHERE task_id = ?")) {
            s.setString(1, task.taskId());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO public_notice (task_id, application_id, starts_on,"
                + " ends_on, result, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, task.taskId());
            s.setString(2, task.applicationId());
            s.setObject(3, notice.startsOn());
            s.setObject(4, notice.endsOn());
            s.setString(5, notice.result());
            s.setString(6, enteredBy);
            s.setObject(7, utc(now));
            s.executeUpdate();
        }
    }

    /**
     * Moves a pending task to another organisation (FJ-8 cross review), keeping the organisation the route chose;
     * 409 when the task stopped being pending meanwhile.
     */
    public static void reassign(Connection c, TaskRow task, String organisationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE review_task SET organisation_id = ?,"
                + " routed_organisation_id = COALESCE(routed_organisation_id, ?) WHERE task_id = ? AND status = 'pending'")) {
            s.setString(1, organisationId);
            s.setString(2, task.organisationId());
            s.setString(3, task.taskId());
            if (s.executeUpdate() != 1) {
                throw concurrent();
            }
        }
    }

    // --- values ---

    public static String json(Map<String, Object> answers) {
        try {
            return JSON.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("answers are not JSON: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> answers(String json) {
        try {
            return JSON.readValue(json, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers are not JSON", e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
