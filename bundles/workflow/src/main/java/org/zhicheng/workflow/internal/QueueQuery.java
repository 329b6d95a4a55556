package org.zhicheng.workflow.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.workflow.Reviews.Filter;
import org.zhicheng.api.workflow.Reviews.Queue;
import org.zhicheng.api.workflow.Reviews.Sort;
import org.zhicheng.api.workflow.WorkflowException;
import org.zhicheng.workflow.internal.store.Where;

/**
 * The tasks of a reviewer's queues under a filter, as one SQL condition with its parameters. Always scoped to the
 * caller's organisation and to the roles the caller reviews in; sort columns come from a fixed list, never from the
 * request.
 */
final class QueueQuery {

    /** The applicant's name as queues show it: the registered person's, else the account's display name. */
    static final String NAME = OversightQuery.NAME;

    private static final String FROM = " FROM review_task t JOIN application a ON a.id = t.application_id"
            + " JOIN account acc ON acc.id = a.applicant_account_id"
            + " LEFT JOIN person p ON p.account_id = a.applicant_account_id"
            + " JOIN organisation o ON o.id = a.organisation_id";

    /** The longest name filter. */
    private static final int MAX_NAME = 50;

    private final Where where = new Where();

    private QueueQuery() {
    }

    /**
     * The query of one queue, or of all four when {@code queue} is null.
     *
     * @throws WorkflowException 400 for an unknown unit or a name filter that is too long
     */
    static QueueQuery of(Connection c, Caller reviewer, Filter f, Queue queue) throws SQLException {
        QueueQuery q = new QueueQuery();
        q.add("t.organisation_id = ?", reviewer.organisationId());
        q.where.and("t.kind = 'step'");
        Set<String> roles = new TreeSet<>(reviewer.roles());
        roles.add(DatabaseReviews.ANY_REVIEWER);
        q.where.and("t.role IN (" + String.join(", ", Collections.nCopies(roles.size(), "?")) + ")", roles.toArray());
        if (queue != null) {
            q.add("t.status = ?", queue.name().toLowerCase(Locale.ROOT));
        }
        if (f.businessId() != null) {
            q.add("a.business_id = ?", f.businessId());
        }
        if (f.stepId() != null) {
            q.add("t.step_id = ?", f.stepId());
        }
        if (f.applicantOrganisationId() != null) {
            q.add("a.organisation_path LIKE ?", unitPath(c, f.applicantOrganisationId()) + "%");
        }
        if (f.applicantName() != null && !f.applicantName().isBlank()) {
            String name = f.applicantName().strip();
            if (name.length() > MAX_NAME) {
                throw new WorkflowException(400, "invalid-name-filter", "姓名筛选不能超过" + MAX_NAME + "个字。",
                        "The name filter may have at most " + MAX_NAME + " characters.");
            }
            q.add(NAME + " LIKE ? ESCAPE '\\'", "%" + Where.escapeLike(name) + "%");
        }
        if (f.submittedFrom() != null) {
            q.add("a.submitted_at >= ?", OffsetDateTime.ofInstant(f.submittedFrom(), ZoneOffset.UTC));
        }
        if (f.submittedTo() != null) {
            q.add("a.submitted_at < ?", OffsetDateTime.ofInstant(f.submittedTo(), ZoneOffset.UTC));
        }
        return q;
    }

    /** The ORDER BY clause of a filter, the task id breaking ties so pages never overlap. */
    String orderBy(Filter f) {
        String column = switch (f.sort() == null ? Sort.SUBMITTED_AT : f.sort()) {
            case SUBMITTED_AT -> "a.submitted_at";
            case ACTED_AT -> "t.acted_at";
            case APPLICANT_NAME -> NAME;
            case APPLICANT_ORGANISATION -> "o.name";
        };
        String direction = f.descending() ? " DESC" : " ASC";
        return " ORDER BY " + column + direction + ", t.task_id" + direction;
    }

    /** A statement of {@code select} over the filtered tasks, then {@code suffix}, its parameters set. */
    PreparedStatement prepare(Connection c, String select, String suffix) throws SQLException {
        return where.prepare(c, select, FROM, suffix);
    }

    private void add(String condition, Object param) {
        where.and(condition, param);
    }

    private static String unitPath(Connection c, String organisationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT path FROM organisation WHERE id = ?")) {
            s.setString(1, organisationId);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    return rs.getString(1);
                }
            }
        }
        throw new WorkflowException(400, "unknown-organisation", "筛选的单位不存在。", "The unit to filter by does not exist.");
    }
}
