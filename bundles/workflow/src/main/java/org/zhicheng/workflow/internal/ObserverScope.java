package org.zhicheng.workflow.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.zhicheng.api.business.RoutingContext.OrganisationRef;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Form;
import org.zhicheng.api.business.descriptor.Observer;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.workflow.internal.forms.ConditionContext;
import org.zhicheng.workflow.internal.routing.Router;

/**
 * The observers of a business as one caller meets them (GD-PHOTO-6): an observer applies to the caller when the
 * caller holds its role, and to an application when its organisation selector, evaluated by {@link Router} on the
 * applicant's organisation path exactly as review steps are, picks the caller's organisation. Selectors see the
 * path only, not the answers, so a selector that picks by form field picks nothing here.
 */
final class ObserverScope {

    /** How many ids one {@code IN} list carries. */
    static final int CHUNK = 500;

    /**
     * What the caller observes among some organisation paths.
     *
     * @param paths the paths whose applications the caller observes
     * @param downloadPaths those of them observed through an observer with {@code canDownload}
     */
    record Reach(Set<String> paths, Set<String> downloadPaths) {

        static final Reach NONE = new Reach(Set.of(), Set.of());
    }

    private ObserverScope() {
    }

    /** The observers of the descriptor whose role the caller holds. */
    static List<Observer> observersOf(BusinessDescriptor d, Caller caller) {
        if (d == null || d.review() == null) {
            return List.of();
        }
        return d.review().observers().stream().filter(o -> o.organisation() != null && holds(caller,
                o.organisation().role())).toList();
    }

    /** Whether the caller holds a role; the default role {@code reviewer} means any reviewer, as for review steps. */
    private static boolean holds(Caller caller, String role) {
        return caller.roles().contains(role) || (DatabaseReviews.ANY_REVIEWER.equals(role) && caller.has("review.act"));
    }

    /**
     * Which of the paths the caller observes through the given observers of the descriptor.
     *
     * @param paths organisation paths ({@code /rootId/.../unitId/}); paths outside the caller's subtree are never
     *        observed
     * @param today the day conditions of selectors are evaluated on
     */
    static Reach evaluate(Connection c, Caller caller, BusinessDescriptor d, List<Observer> observers,
            Collection<String> paths, LocalDate today) throws SQLException {
        if (observers.isEmpty() || paths.isEmpty()) {
            return Reach.NONE;
        }
        Set<String> mine = new LinkedHashSet<>();
        for (String path : paths) {
            if (caller.canSee(path)) {
                mine.add(path);
            }
        }
        Map<String, OrganisationRef> refs = organisations(c, mine);
        Form form = d.form() == null ? new Form(null, null) : d.form();
        Set<String> seen = new HashSet<>();
        Set<String> download = new HashSet<>();
        for (String path : mine) {
            Optional<List<OrganisationRef>> chain = refsOf(path, refs);
            if (chain.isEmpty()) {
                continue;
            }
            ConditionContext context = ConditionContext.of(form, Map.of(), chain.get(), today);
            for (Observer o : observers) {
                if (Router.organisation(o.organisation(), context).filter(caller.organisationId()::equals)
                        .isPresent()) {
                    seen.add(path);
                    if (o.canDownload()) {
                        download.add(path);
                    }
                }
            }
        }
        return new Reach(Set.copyOf(seen), Set.copyOf(download));
    }

    /** The path's organisations, unit first and root last, or empty when one of them no longer exists. */
    private static Optional<List<OrganisationRef>> refsOf(String path, Map<String, OrganisationRef> refs) {
        List<OrganisationRef> chain = new ArrayList<>();
        for (String id : ids(path)) {
            OrganisationRef ref = refs.get(id);
            if (ref == null) {
                return Optional.empty();
            }
            chain.add(ref);
        }
        Collections.reverse(chain);
        return Optional.of(chain);
    }

    private static List<String> ids(String path) {
        List<String> ids = new ArrayList<>();
        for (String id : path.split("/")) {
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Every organisation on the paths, with type, level and attributes, in a few queries. */
    private static Map<String, OrganisationRef> organisations(Connection c, Collection<String> paths)
            throws SQLException {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(paths.stream().flatMap(p -> ids(p).stream())
                .toList()));
        Map<String, String[]> rows = new HashMap<>();
        Map<String, Map<String, String>> attributes = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement s = c.prepareStatement("SELECT id, type, level FROM organisation WHERE id IN ("
                    + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getString(1), new String[] {rs.getString(2), String.valueOf(rs.getInt(3))});
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT organisation_id, name, text_value FROM"
                    + " organisation_attribute WHERE organisation_id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    s.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        attributes.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                                rs.getString(3));
                    }
                }
            }
        }
        Map<String, OrganisationRef> refs = new HashMap<>();
        rows.forEach((id, r) -> refs.put(id, new OrganisationRef(id, r[0], Integer.parseInt(r[1]),
                attributes.getOrDefault(id, Map.of()))));
        return refs;
    }
}
