package org.zhicheng.workflow.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Eligibility;
import org.zhicheng.api.business.descriptor.Observer;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.api.persistence.Transactions;
import org.zhicheng.api.registry.BusinessRegistry;
import org.zhicheng.api.registry.RegisteredBusiness;
import org.zhicheng.api.workflow.ApplicationStatus;
import org.zhicheng.api.workflow.Oversight;
import org.zhicheng.api.workflow.WorkflowException;
import org.zhicheng.workflow.internal.OversightQuery.Scope;
import org.zhicheng.workflow.internal.rules.Windows;

/**
 * Oversight on the database (GD-PHOTO-6, CQ-REV-1, FJ-8 track progress, FJ-10). Every query is built by
 * {@link OversightQuery#scoped} from the caller's {@link Scope}: the caller's subtree, and for callers without
 * {@code application.read} only the unit paths their observers pick (see {@link ObserverScope}). Read only.
 */
@Component(service = Oversight.class)
public final class DatabaseOversight implements Oversight {

    /** The permission that shows every application of the caller's subtree. */
    static final String READ = "application.read";

    private final DataSource dataSource;
    private final BusinessRegistry registry;
    private final Clock clock;

    @Activate
    public DatabaseOversight(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference BusinessRegistry registry) {
        this(dataSource, registry, Clock.systemUTC());
    }

    public DatabaseOversight(DataSource dataSource, BusinessRegistry registry, Clock clock) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.clock = clock;
    }

    // --- search ---

    private static final String ENTRY_COLUMNS = "SELECT a.id, a.business_id, a.season_id, a.applicant_account_id, "
            + OversightQuery.NAME + ", a.organisation_id, o.name, a.status, t.step_id, t.organisation_id, tor.name,"
            + " a.submitted_at, a.updated_at, a.decided_at, a.organisation_path";

    @Override
    public Page search(Caller caller, Filter filter, int offset, int limit) {
        requirePage(offset, limit);
        Filter f = filter == null ? Filter.all() : filter;
        if (f.applicantName() != null && f.applicantName().strip().length() > MAX_NAME_FILTER) {
            throw new WorkflowException(400, "invalid-name-filter", "姓名筛选不能超过" + MAX_NAME_FILTER + "个字。",
                    "The name filter may have at most " + MAX_NAME_FILTER + " characters.");
        }
        if (f.submittedFrom() != null && f.submittedTo() != null && f.submittedTo().isBefore(f.submittedFrom())) {
            throw new WorkflowException(400, "invalid-period", "提交时间的结束早于开始。",
                    "The end of the submission period is before its start.");
        }
        return read(c -> {
            String unitPath = f.unitId() == null ? null : organisationInScope(c, caller, f.unitId())[1];
            Scope scope = applicationScope(c, caller, caller.organisationPath(), f.businessId());
            if (scope.empty()) {
                return new Page(0, List.of());
            }
            int total;
            try (PreparedStatement s = applications(scope).filter(f, unitPath).prepare(c, "SELECT COUNT(*)", "");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                total = rs.getInt(1);
            }
            List<Found> found = new ArrayList<>();
            if (offset < total) {
                try (PreparedStatement s = applications(scope).filter(f, unitPath).prepare(c, ENTRY_COLUMNS,
                        OversightQuery.orderBy(f) + " LIMIT " + limit + " OFFSET " + offset);
                        ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(found(rs));
                    }
                }
            }
            return new Page(total, entries(c, caller, found));
        });
    }

    @Override
    public Entry get(Caller caller, String applicationId) {
        if (applicationId == null || applicationId.length() > 36) {
            throw notFound();
        }
        return read(c -> {
            String business = null;
            String path = null;
            try (PreparedStatement s = c.prepareStatement("SELECT business_id, organisation_path FROM application"
                    + " WHERE id = ?")) {
                s.setString(1, applicationId);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        business = rs.getString(1);
                        path = rs.getString(2);
                    }
                }
            }
            if (business == null) {
                throw notFound();
            }
            Scope scope = caller.has(READ) ? new Scope(caller.organisationPath(), true, Map.of())
                    : observedScope(c, caller, caller.organisationPath(), business, List.of(path));
            if (scope.empty()) {
                throw notFound();
            }
            try (PreparedStatement s = applications(scope).and("a.id = ?", applicationId).prepare(c, ENTRY_COLUMNS,
                    ""); ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw notFound();
                }
                return entries(c, caller, List.of(found(rs))).get(0);
            }
        });
    }

    /** A row of the search with the path the download flag depends on. */
    private record Found(Entry entry, String path) {
    }

    private static Found found(ResultSet rs) throws SQLException {
        return new Found(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), ApplicationStatus.valueOf(rs.getString(8)),
                rs.getString(9), rs.getString(10), rs.getString(11), instant(rs, 12), instant(rs, 13),
                instant(rs, 14), false), rs.getString(15));
    }

    /** The entries with their download flag: observed through an observer with canDownload (GD-PHOTO-6). */
    private List<Entry> entries(Connection c, Caller caller, List<Found> found) throws SQLException {
        Map<String, Set<String>> pathsByBusiness = new HashMap<>();
        found.forEach(x -> pathsByBusiness.computeIfAbsent(x.entry().businessId(), k -> new HashSet<>())
                .add(x.path()));
        Map<String, Set<String>> download = new HashMap<>();
        for (Map.Entry<String, Set<String>> each : pathsByBusiness.entrySet()) {
            Optional<BusinessDescriptor> d = descriptor(each.getKey());
            List<Observer> observers = d.map(x -> ObserverScope.observersOf(x, caller)).orElse(List.of()).stream()
                    .filter(Observer::canDownload).toList();
            if (!observers.isEmpty()) {
                download.put(each.getKey(), ObserverScope.evaluate(c, caller, d.get(), observers, each.getValue(),
                        today()).downloadPaths());
            }
        }
        return found.stream().map(x -> {
            Entry e = x.entry();
            boolean canDownload = download.getOrDefault(e.businessId(), Set.of()).contains(x.path());
            return new Entry(e.applicationId(), e.businessId(), e.seasonId(), e.applicantAccountId(),
                    e.applicantName(), e.unitId(), e.unitName(), e.status(), e.currentStepId(),
                    e.currentStepOrganisationId(), e.currentStepOrganisationName(), e.submittedAt(), e.updatedAt(),
                    e.decidedAt(), canDownload);
        }).toList();
    }

    private static OversightQuery applications(Scope scope) {
        return OversightQuery.scoped(OversightQuery.APPLICATIONS, "a.business_id", "a.organisation_path", scope);
    }

    /**
     * The applications the caller sees under {@code path} (its own subtree or narrower): all with
     * {@code application.read}; otherwise, for each business it observes (only {@code businessId} when given),
     * the unit paths of that business's applications its observers pick.
     */
    private Scope applicationScope(Connection c, Caller caller, String path, String businessId) throws SQLException {
        if (caller.has(READ)) {
            return new Scope(path, true, Map.of());
        }
        return observedScope(c, caller, path, businessId, null);
    }

    /**
     * What an observer sees under {@code path}: per business it observes (only {@code businessId} when given), the
     * unit paths its observers pick among {@code candidates}, or when null among those of the business's
     * applications under {@code path}.
     */
    private Scope observedScope(Connection c, Caller caller, String path, String businessId,
            List<String> candidates) throws SQLException {
        Map<String, Set<String>> observed = new HashMap<>();
        for (BusinessDescriptor d : observable(caller, businessId)) {
            List<String> paths = candidates != null ? candidates : new ArrayList<>();
            if (candidates == null) {
                try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT organisation_path FROM application"
                        + " WHERE business_id = ? AND organisation_path LIKE ? ESCAPE '\\'")) {
                    s.setString(1, d.id());
                    s.setString(2, OversightQuery.like(path));
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            paths.add(rs.getString(1));
                        }
                    }
                }
            }
            observed.put(d.id(), ObserverScope.evaluate(c, caller, d, ObserverScope.observersOf(d, caller), paths,
                    today()).paths());
        }
        return new Scope(path, false, observed);
    }

    /** The current descriptors of the businesses (or the one business) with an observer the caller holds. */
    private List<BusinessDescriptor> observable(Caller caller, String businessId) {
        List<BusinessDescriptor> all = businessId != null ? descriptor(businessId).stream().toList()
                : registry.list().stream().map(RegisteredBusiness::descriptor).toList();
        return all.stream().filter(d -> !ObserverScope.observersOf(d, caller).isEmpty()).toList();
    }

    // --- overview ---

    /** A business being counted: its descriptor, the season and the organisation counted below. */
    private record Counted(BusinessDescriptor descriptor, String season, String organisationId,
            String organisationPath, boolean roster) {
    }

    @Override
    public Overview overview(Caller caller, String businessId, String seasonId, String organisationId,
            Grouping grouping) {
        Grouping by = grouping == null ? Grouping.UNIT : grouping;
        return read(c -> {
            Counted t = counted(c, caller, businessId, seasonId, organisationId);
            Scope scope = countScope(c, caller, t);
            List<Count> rows = new ArrayList<>();
            if (!scope.empty()) {
                try (PreparedStatement s = OversightQuery.scoped(OversightQuery.UNITS, "a.business_id",
                        "a.organisation_path", scope).and("a.business_id = ?", t.descriptor().id())
                        .and("a.season_id = ?", t.season()).prepare(c, "SELECT a.organisation_id,"
                                + " a.organisation_path, o.name, a.status, COUNT(*)", " GROUP BY a.organisation_id,"
                                + " a.organisation_path, o.name, a.status");
                        ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Count(rs.getString(1), rs.getString(2), rs.getString(3),
                                ApplicationStatus.valueOf(rs.getString(4)), rs.getInt(5)));
                    }
                }
                if (t.roster()) {
                    try (PreparedStatement s = roster(scope, t).prepare(c, "SELECT acc.organisation_id, o.path,"
                            + " o.name, COUNT(*)", " GROUP BY acc.organisation_id, o.path, o.name");
                            ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new Count(rs.getString(1), rs.getString(2), rs.getString(3), null,
                                    rs.getInt(4)));
                        }
                    }
                }
            }
            Map<String, Tally> groups = by == Grouping.UNIT ? new LinkedHashMap<>() : byChild(c, t, rows);
            for (Count row : rows) {
                Tally g = by == Grouping.UNIT
                        ? groups.computeIfAbsent(row.unitId(), id -> new Tally(id, row.unitName()))
                        : groups.get(childOf(t, row.unitPath()));
                if (row.status() == null) {
                    g.notStarted += row.n();
                } else {
                    g.add(row.status(), row.n());
                }
            }
            List<Tally> ordered = new ArrayList<>(groups.values());
            if (by == Grouping.CHILD) {
                // The organisation itself only when its own applicants count anything, and first.
                ordered.removeIf(g -> g.id.equals(t.organisationId()) && g.empty());
            }
            ordered.sort(Comparator.comparing((Tally g) -> by == Grouping.CHILD && !g.id.equals(t.organisationId()))
                    .thenComparing(g -> g.name == null ? "" : g.name).thenComparing(g -> g.id));
            Tally totals = new Tally(null, null);
            ordered.forEach(totals::addAll);
            return new Overview(t.descriptor().id(), t.season(), t.organisationId(), by, t.roster(),
                    ordered.stream().map(g -> new Group(g.id, g.name, g.counts(t.roster()))).toList(),
                    totals.counts(t.roster()));
        });
    }

    /** The counts of one group as they are summed up. */
    private static final class Tally {
        final String id;
        final String name;
        final EnumMap<ApplicationStatus, Integer> byStatus = new EnumMap<>(ApplicationStatus.class);
        int notStarted;

        Tally(String id, String name) {
            this.id = id;
            this.name = name;
        }

        void add(ApplicationStatus status, int n) {
            byStatus.merge(status, n, Integer::sum);
        }

        void addAll(Tally other) {
            other.byStatus.forEach(this::add);
            notStarted += other.notStarted;
        }

        boolean empty() {
            return byStatus.values().stream().allMatch(n -> n == 0) && notStarted == 0;
        }

        Counts counts(boolean roster) {
            return new Counts(n(ApplicationStatus.DRAFT), n(ApplicationStatus.IN_REVIEW),
                    n(ApplicationStatus.RETURNED), n(ApplicationStatus.APPROVED), n(ApplicationStatus.REJECTED),
                    roster ? Integer.valueOf(notStarted) : null);
        }

        private int n(ApplicationStatus status) {
            return byStatus.getOrDefault(status, 0);
        }
    }

    /**
     * A count of one unit path: applications of one status, or people on the roster not started ({@code status}
     * null).
     */
    private record Count(String unitId, String unitPath, String unitName, ApplicationStatus status, int n) {
    }

    /**
     * The organisation counted and each of its direct sub-organisations; a unit path whose sub-organisation is no
     * longer a child (it moved since the application began) still gets its group.
     */
    private static Map<String, Tally> byChild(Connection c, Counted t, List<Count> rows) throws SQLException {
        Map<String, Tally> groups = new LinkedHashMap<>();
        groups.put(t.organisationId(), new Tally(t.organisationId(), name(c, t.organisationId())));
        try (PreparedStatement s = c.prepareStatement("SELECT id, name FROM organisation WHERE parent_id = ?")) {
            s.setString(1, t.organisationId());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    groups.put(rs.getString(1), new Tally(rs.getString(1), rs.getString(2)));
                }
            }
        }
        for (Count row : rows) {
            String child = childOf(t, row.unitPath());
            if (!groups.containsKey(child)) {
                groups.put(child, new Tally(child, name(c, child)));
            }
        }
        return groups;
    }

    /** The direct sub-organisation of the counted organisation a unit path lies in, or the organisation itself. */
    private static String childOf(Counted t, String unitPath) {
        String rest = unitPath.substring(t.organisationPath().length());
        return rest.isEmpty() ? t.organisationId() : rest.substring(0, rest.indexOf('/'));
    }

    private static String name(Connection c, String organisationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT name FROM organisation WHERE id = ?")) {
            s.setString(1, organisationId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    // --- people not started ---

    @Override
    public NotStartedPage notStarted(Caller caller, String businessId, String seasonId, String unitId, int offset,
            int limit) {
        requirePage(offset, limit);
        return read(c -> {
            Counted t = counted(c, caller, businessId, seasonId, unitId);
            Scope scope = countScope(c, caller, t);
            if (!t.roster() || scope.empty()) {
                return new NotStartedPage(0, List.of());
            }
            int total;
            try (PreparedStatement s = roster(scope, t).prepare(c, "SELECT COUNT(*)", "");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                total = rs.getInt(1);
            }
            List<NotStarted> people = new ArrayList<>();
            if (offset < total) {
                try (PreparedStatement s = roster(scope, t).prepare(c, "SELECT r.account_id, " + OversightQuery.NAME
                        + ", acc.organisation_id, o.name", " ORDER BY o.name, " + OversightQuery.NAME
                        + ", r.account_id LIMIT " + limit + " OFFSET " + offset);
                        ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        people.add(new NotStarted(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4)));
                    }
                }
            }
            return new NotStartedPage(total, people);
        });
    }

    private static OversightQuery roster(Scope scope, Counted t) {
        return OversightQuery.scoped(OversightQuery.ROSTER, "r.business_id", "o.path", scope)
                .and("r.business_id = ?", t.descriptor().id()).and("r.season_id = ?", t.season())
                .and(OversightQuery.NOT_STARTED);
    }

    // --- shared ---

    /**
     * The business, season and organisation an overview counts.
     *
     * @throws WorkflowException 404 for an unknown business, one the caller neither reads nor observes, or an
     *         organisation unknown or outside the caller's subtree
     */
    private Counted counted(Connection c, Caller caller, String businessId, String seasonId, String organisationId)
            throws SQLException {
        BusinessDescriptor d = descriptor(businessId).orElseThrow(DatabaseOversight::businessNotFound);
        if (!caller.has(READ) && ObserverScope.observersOf(d, caller).isEmpty()) {
            throw businessNotFound();
        }
        String[] organisation = organisationId == null
                ? new String[] {caller.organisationId(), caller.organisationPath()}
                : organisationInScope(c, caller, organisationId);
        String season = seasonId != null ? seasonId : Seasons.of(d, clock.instant());
        return new Counted(d, season, organisation[0], organisation[1],
                d.options().eligibility() == Eligibility.ROSTER);
    }

    /**
     * The scope of an overview: everything below the counted organisation with {@code application.read};
     * otherwise the unit paths the caller's observers pick among the paths of the business's applications and of
     * the current units of the people on its roster.
     */
    private Scope countScope(Connection c, Caller caller, Counted t) throws SQLException {
        if (caller.has(READ)) {
            return new Scope(t.organisationPath(), true, Map.of());
        }
        Set<String> candidates = new HashSet<>();
        String like = OversightQuery.like(t.organisationPath());
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT organisation_path FROM application"
                + " WHERE business_id = ? AND season_id = ? AND organisation_path LIKE ? ESCAPE '\\'")) {
            s.setString(1, t.descriptor().id());
            s.setString(2, t.season());
            s.setString(3, like);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getString(1));
                }
            }
        }
        if (t.roster()) {
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT o.path FROM business_roster r"
                    + " JOIN account acc ON acc.id = r.account_id JOIN organisation o ON o.id = acc.organisation_id"
                    + " WHERE r.business_id = ? AND r.season_id = ? AND o.path LIKE ? ESCAPE '\\'")) {
                s.setString(1, t.descriptor().id());
                s.setString(2, t.season());
                s.setString(3, like);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getString(1));
                    }
                }
            }
        }
        Set<String> paths = ObserverScope.evaluate(c, caller, t.descriptor(), ObserverScope.observersOf(
                t.descriptor(), caller), candidates, today()).paths();
        return new Scope(t.organisationPath(), false, Map.of(t.descriptor().id(), paths));
    }

    /**
     * The id and path of an organisation in the caller's subtree.
     *
     * @throws WorkflowException 404 when it does not exist or lies outside the subtree, alike
     */
    private static String[] organisationInScope(Connection c, Caller caller, String organisationId)
            throws SQLException {
        if (organisationId.length() <= 36) {
            try (PreparedStatement s = c.prepareStatement("SELECT path FROM organisation WHERE id = ?")) {
                s.setString(1, organisationId);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && caller.canSee(rs.getString(1))) {
                        return new String[] {organisationId, rs.getString(1)};
                    }
                }
            }
        }
        throw new WorkflowException(404, "organisation-not-found", "单位不存在，或不在您的管辖范围内。",
                "No such organisation within your reach.");
    }

    private Optional<BusinessDescriptor> descriptor(String businessId) {
        return businessId == null ? Optional.empty() : registry.current(businessId).map(RegisteredBusiness::descriptor);
    }

    private static void requirePage(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new WorkflowException(400, "invalid-page", "分页参数无效：offset ≥ 0，limit 为 1 至 " + MAX_LIMIT + "。",
                    "Invalid page: offset >= 0 and limit 1 to " + MAX_LIMIT + ".");
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Windows.BEIJING);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private <T> T read(Transactions.Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("oversight unavailable: database unavailable", e);
        }
    }

    private static WorkflowException notFound() {
        return new WorkflowException(404, "application-not-found", "申报不存在，或您无权查看。",
                "No such application, or you may not see it.");
    }

    private static WorkflowException businessNotFound() {
        return new WorkflowException(404, "business-not-found", "没有这项业务，或您无权查看它的办理进度。",
                "No such business, or you may not see its progress.");
    }
}
