package org.zhicheng.workflow.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.zhicheng.workflow.internal.store.Where;
import org.zhicheng.api.workflow.ApplicationStatus;
import org.zhicheng.api.workflow.Oversight.Filter;
import org.zhicheng.api.workflow.Oversight.Sort;

/**
 * One SQL query of {@link DatabaseOversight}: a fixed FROM clause and a WHERE clause built from conditions with
 * bound parameters. It always starts with the caller's {@link Scope}, so a query cannot be built without it; sort
 * columns come from a fixed list, never from the request.
 */
final class OversightQuery {

    /** The applicant's name: the registered person's, else the account's display name (as the queues show it). */
    static final String NAME = "COALESCE(p.name, acc.display_name)";

    /**
     * The applications with applicant, unit and the pending task of the current submission (at most one: the
     * lowest position, should two ever be pending) with its organisation.
     */
    static final String APPLICATIONS = " FROM application a JOIN account acc ON acc.id = a.applicant_account_id"
            + " LEFT JOIN person p ON p.account_id = a.applicant_account_id"
            + " JOIN organisation o ON o.id = a.organisation_id"
            + " LEFT JOIN review_task t ON t.application_id = a.id AND t.submission = a.submission"
            + " AND t.status = 'pending' AND t.position = (SELECT MIN(x.position) FROM review_task x"
            + " WHERE x.application_id = a.id AND x.submission = a.submission AND x.status = 'pending')"
            + " LEFT JOIN organisation tor ON tor.id = t.organisation_id";

    /** The applications with their unit only, for counting. */
    static final String UNITS = " FROM application a JOIN organisation o ON o.id = a.organisation_id";

    /** The people on a roster with their current unit; {@code r}, {@code acc}, {@code p}, {@code o}. */
    static final String ROSTER = " FROM business_roster r JOIN account acc ON acc.id = r.account_id"
            + " LEFT JOIN person p ON p.account_id = r.account_id"
            + " JOIN organisation o ON o.id = acc.organisation_id";

    /** A roster entry without an application of its business and season, of an account not deleted. */
    static final String NOT_STARTED = "acc.status <> 'deleted' AND NOT EXISTS (SELECT 1 FROM application x"
            + " WHERE x.applicant_account_id = r.account_id AND x.business_id = r.business_id"
            + " AND x.season_id = r.season_id)";

    /**
     * What a caller may see: the applications whose applicant's unit path starts with {@code subtreePath}, and of
     * those either all ({@code all}) or, per observed business, those of the listed unit paths.
     *
     * @param subtreePath the caller's organisation path, or a narrower one inside it
     * @param all whether the caller reads every application of the subtree ({@code application.read})
     * @param observed business id to the unit paths the caller observes in it (GD-PHOTO-6)
     */
    record Scope(String subtreePath, boolean all, Map<String, Set<String>> observed) {

        Scope {
            observed = Map.copyOf(observed);
        }

        /** Whether nothing at all can be seen. */
        boolean empty() {
            return !all && observed.values().stream().allMatch(Set::isEmpty);
        }
    }

    private final String from;
    private final Where where = new Where();

    private OversightQuery(String from) {
        this.from = from;
    }

    /**
     * A query over {@code from}, limited to the scope.
     *
     * @param from the FROM clause
     * @param businessColumn the column holding the business id
     * @param pathColumn the column holding the unit path the scope applies to
     */
    static OversightQuery scoped(String from, String businessColumn, String pathColumn, Scope scope) {
        OversightQuery q = new OversightQuery(from);
        q.and(pathColumn + " LIKE ? ESCAPE '\\'", like(scope.subtreePath()));
        if (!scope.all()) {
            List<String> each = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            scope.observed().forEach((business, paths) -> {
                if (!paths.isEmpty()) {
                    values.add(business);
                    each.add("(" + businessColumn + " = ? AND " + in(pathColumn, paths, values) + ")");
                }
            });
            // An empty scope matches nothing; callers answer without querying, this only fails closed.
            q.where.and("(" + (each.isEmpty() ? "1 = 0" : String.join(" OR ", each)) + ")", values.toArray());
        }
        return q;
    }

    /** Adds a condition with its parameters. */
    OversightQuery and(String condition, Object... values) {
        where.and(condition, values);
        return this;
    }

    /** Adds the search's filter over {@link #APPLICATIONS}; {@code unitPath} is the filter unit's path. */
    OversightQuery filter(Filter f, String unitPath) {
        if (f.businessId() != null) {
            and("a.business_id = ?", f.businessId());
        }
        if (f.seasonId() != null) {
            and("a.season_id = ?", f.seasonId());
        }
        if (!f.statuses().isEmpty()) {
            List<Object> names = f.statuses().stream().map(ApplicationStatus::name).sorted().map(Object.class::cast)
                    .toList();
            and("a.status IN (" + String.join(", ", Collections.nCopies(names.size(), "?")) + ")",
                    names.toArray());
        }
        if (f.unitId() != null) {
            if (f.includeSubUnits()) {
                and("a.organisation_path LIKE ? ESCAPE '\\'", like(unitPath));
            } else {
                and("a.organisation_id = ?", f.unitId());
            }
        }
        if (f.stepId() != null) {
            and("t.step_id = ?", f.stepId());
        }
        if (f.submittedFrom() != null) {
            and("a.submitted_at >= ?", OffsetDateTime.ofInstant(f.submittedFrom(), ZoneOffset.UTC));
        }
        if (f.submittedTo() != null) {
            and("a.submitted_at < ?", OffsetDateTime.ofInstant(f.submittedTo(), ZoneOffset.UTC));
        }
        if (f.applicantName() != null && !f.applicantName().isBlank()) {
            and(NAME + " LIKE ? ESCAPE '\\'", "%" + escape(f.applicantName().strip()) + "%");
        }
        return this;
    }

    /** The ORDER BY clause of a filter; never submitted drafts last, the application id breaking ties. */
    static String orderBy(Filter f) {
        String column = switch (f.sort() == null ? Sort.SUBMITTED_AT : f.sort()) {
            case SUBMITTED_AT -> "a.submitted_at";
            case UPDATED_AT -> "a.updated_at";
            case APPLICANT_NAME -> NAME;
            case UNIT -> "o.name";
        };
        String direction = f.descending() ? " DESC" : " ASC";
        return " ORDER BY " + column + direction + " NULLS LAST, a.id" + direction;
    }

    /** A statement of {@code select}, the FROM and WHERE clauses, then {@code suffix}, its parameters set. */
    PreparedStatement prepare(Connection c, String select, String suffix) throws SQLException {
        return where.prepare(c, select, from, suffix);
    }

    /** A LIKE pattern for everything starting with {@code prefix}, its wildcards escaped. */
    static String like(String prefix) {
        return escape(prefix) + "%";
    }

    /** The text with the LIKE wildcards and the escape character escaped by {@code \}. */
    static String escape(String text) {
        return Where.escapeLike(text);
    }

    /** {@code column IN (...)} over the values, split into lists of {@link ObserverScope#CHUNK}. */
    private static String in(String column, Collection<String> values, List<Object> params) {
        List<String> sorted = values.stream().sorted().toList();
        List<String> lists = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += ObserverScope.CHUNK) {
            List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + ObserverScope.CHUNK));
            lists.add(column + " IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")");
            params.addAll(chunk);
        }
        return lists.size() == 1 ? lists.get(0) : "(" + String.join(" OR ", lists) + ")";
    }
}
