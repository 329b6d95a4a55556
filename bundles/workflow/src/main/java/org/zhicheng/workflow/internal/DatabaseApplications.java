package org.zhicheng.workflow.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.business.Business;
import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.business.FormAnswers;
import org.zhicheng.api.business.RoutingContext;
import org.zhicheng.api.business.RoutingContext.OrganisationRef;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.DeletePolicy;
import org.zhicheng.api.business.descriptor.Eligibility;
import org.zhicheng.api.business.descriptor.Field;
import org.zhicheng.api.business.descriptor.Gate;
import org.zhicheng.api.business.descriptor.NotificationEvent;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.notification.Outbox;
import org.zhicheng.api.persistence.BlobStore;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.api.persistence.Transactions;
import org.zhicheng.api.registry.BusinessRegistry;
import org.zhicheng.api.registry.RegisteredBusiness;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.api.workflow.ApplicationEvent;
import org.zhicheng.api.workflow.ApplicationStatus;
import org.zhicheng.api.workflow.Applications;
import org.zhicheng.api.workflow.WorkflowException;
import org.zhicheng.workflow.internal.forms.AnswerValidator;
import org.zhicheng.workflow.internal.forms.FormValidators;
import org.zhicheng.workflow.internal.forms.RequiredUploads;
import org.zhicheng.workflow.internal.forms.ConditionContext;
import org.zhicheng.workflow.internal.routing.Chain;
import org.zhicheng.workflow.internal.routing.Plan;
import org.zhicheng.workflow.internal.routing.Router;
import org.zhicheng.workflow.internal.routing.Unrouted;
import org.zhicheng.workflow.internal.rules.Windows;
import org.zhicheng.workflow.internal.store.ApplicationRows;
import org.zhicheng.workflow.internal.store.ApplicationRows.Row;
import org.zhicheng.workflow.internal.store.ApplicationRows.TaskRow;
import org.zhicheng.workflow.internal.store.OrganisationRefs;

/**
 * Applications on the database. Every change locks the application row first, so concurrent requests on one
 * application run one after the other; each is one transaction with its history entry, audited once committed.
 */
@Component(service = Applications.class)
public final class DatabaseApplications implements Applications {

    private final DataSource dataSource;
    private final BusinessRegistry registry;
    private final AuditTrail audit;
    private final Clock clock;
    private final FormValidators validators = new FormValidators();

    // Optional: without the notification bundle, actions go on and nothing is sent.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Outbox outbox;

    // Optional: without it a deleted application's file blobs stay behind (nothing refers to them any more).
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BlobStore blobStore;

    @Activate
    public DatabaseApplications(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference BusinessRegistry registry, @Reference AuditTrail audit) {
        this(dataSource, registry, audit, Clock.systemUTC(), null);
    }

    public DatabaseApplications(DataSource dataSource, BusinessRegistry registry, AuditTrail audit, Clock clock,
            Outbox outbox) {
        this.outbox = outbox;
        this.dataSource = dataSource;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Application create(Caller applicant, String businessId, String clientIp) {
        RegisteredBusiness business = (businessId == null ? Optional.<RegisteredBusiness>empty()
                : registry.current(businessId)).orElseThrow(() -> new WorkflowException(404, "business-not-found",
                        "没有这项业务，或它暂未开放。", "No such business is offered."));
        BusinessDescriptor d = business.descriptor();
        Instant now = clock.instant();
        Windows.requireApplicantOpen(d, now);
        String season = Seasons.of(d, now);
        Application created = Transactions.inTransaction(dataSource, "application", c -> {
            String path = organisationPath(c, applicant.organisationId());
            requireMayStart(c, applicant, d, season);
            Row row = new Row(UUID.randomUUID().toString(), d.id(), d.version(), business.contentHash(), season,
                    applicant.accountId(), applicant.organisationId(), path, ApplicationStatus.DRAFT, Map.of(), null, 0,
                    now, now, null, 1);
            ApplicationRows.insert(c, row);
            ApplicationRows.event(c, row.id(), now, applicant.accountId(), applicant.organisationId(), "create", null,
                    null, ApplicationStatus.DRAFT, null, null);
            return ApplicationRows.view(c, row);
        });
        record(applicant, clientIp, "application.create", created.id(), null, d.id() + "@" + d.version());
        return created;
    }

    /** Season limit, eligibility and the business's conditions on starting (CQ-REV-2, GD-PHOTO-1, GD-TITLE-7). */
    private void requireMayStart(Connection c, Caller applicant, BusinessDescriptor d, String season)
            throws SQLException {
        var options = d.options();
        List<Row> mine = ApplicationRows.ofApplicant(c, applicant.accountId(), d.id(), season);
        if (mine.size() >= options.applicationsPerSeason()) {
            throw new WorkflowException(409, "season-limit", "本年度您在这项业务中已有" + mine.size()
                    + "份申报，不能再新建。", "You already have " + mine.size()
                    + " application(s) in this business this season and cannot start another.");
        }
        if (options.rejectionBlocksSeason() && mine.stream().anyMatch(r -> r.status() == ApplicationStatus.REJECTED)) {
            throw new WorkflowException(409, "rejected-this-season", "您本年度的申报已被评审为不通过，本年度不能再次申报。",
                    "Your application was rejected this season; you cannot apply again until the next season.");
        }
        if (options.eligibility() == Eligibility.ROSTER && !onRoster(c, d.id(), season, applicant.accountId())) {
            throw new WorkflowException(409, "not-on-roster", "您不在本年度这项业务的名单中（如合格人员名单），不能申报；如有疑问请联系所在单位。",
                    "You are not on this season's list for this business (e.g. the list of people who passed);"
                            + " ask your unit if you believe you should be.");
        }
        if (options.requireNoOpenApplications()) {
            for (Row open : ApplicationRows.ofApplicant(c, applicant.accountId(), null, null)) {
                if (open.status() != ApplicationStatus.APPROVED && open.status() != ApplicationStatus.REJECTED) {
                    throw new WorkflowException(409, "open-application", "您还有未办结的业务（" + open.businessId()
                            + "），办结后才能办理这项业务。", "You still have an open application (" + open.businessId()
                            + "); finish it first.");
                }
            }
        }
    }

    private static boolean onRoster(Connection c, String businessId, String season, String accountId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM business_roster WHERE business_id = ?"
                + " AND season_id = ? AND account_id = ?")) {
            s.setString(1, businessId);
            s.setString(2, season);
            s.setString(3, accountId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Application get(Caller caller, String applicationId) {
        return read(c -> ApplicationRows.view(c, visible(c, caller, applicationId)));
    }

    @Override
    public List<Application> mine(Caller applicant) {
        return read(c -> {
            List<Application> all = new ArrayList<>();
            for (Row r : ApplicationRows.ofApplicant(c, applicant.accountId(), null, null)) {
                all.add(ApplicationRows.view(c, r));
            }
            return all;
        });
    }

    @Override
    public List<ApplicationEvent> history(Caller caller, String applicationId) {
        return read(c -> {
            visible(c, caller, applicationId);
            return ApplicationRows.history(c, applicationId);
        });
    }

    @Override
    public Application changeable(Caller applicant, String applicationId) {
        Instant now = clock.instant();
        return read(c -> {
            Row r = ApplicationRows.find(c, applicationId).orElseThrow(DatabaseApplications::notFound);
            if (!r.applicantAccountId().equals(applicant.accountId())) {
                throw notFound();
            }
            requireEditable(r);
            Windows.requireApplicantOpen(pinned(r).descriptor(), now);
            return ApplicationRows.view(c, r);
        });
    }

    @Override
    public Reach reach(Caller caller, String applicationId) {
        return read(c -> {
            Row r = ApplicationRows.find(c, applicationId).orElseThrow(DatabaseApplications::notFound);
            return reach(c, caller, r).orElseThrow(DatabaseApplications::notFound);
        });
    }

    /** The application if the caller may see it; else 404, as for one that does not exist. */
    private Row visible(Connection c, Caller caller, String applicationId) throws SQLException {
        Row r = ApplicationRows.find(c, applicationId).orElseThrow(DatabaseApplications::notFound);
        reach(c, caller, r).orElseThrow(DatabaseApplications::notFound);
        return r;
    }

    /**
     * How the caller reaches an application: its own; in its subtree with application.read; or through an observer
     * of the business whose selector picks the caller's organisation on the applicant's path (GD-PHOTO-6).
     */
    private Optional<Reach> reach(Connection c, Caller caller, Row r) throws SQLException {
        if (r.applicantAccountId().equals(caller.accountId())) {
            return Optional.of(new Reach(true, true));
        }
        if (caller.has("application.read") && caller.canSee(r.organisationPath())) {
            return Optional.of(new Reach(false, true));
        }
        Optional<RegisteredBusiness> business = registry.byContentHash(r.contentHash());
        if (business.isEmpty()) {
            return Optional.empty();
        }
        BusinessDescriptor d = business.get().descriptor();
        var observers = ObserverScope.observersOf(d, caller);
        if (observers.isEmpty()) {
            return Optional.empty();
        }
        ObserverScope.Reach observed = ObserverScope.evaluate(c, caller, d, observers, List.of(r.organisationPath()),
                today());
        return observed.paths().contains(r.organisationPath())
                ? Optional.of(new Reach(false, observed.downloadPaths().contains(r.organisationPath())))
                : Optional.empty();
    }

    @Override
    public Application save(Caller applicant, String applicationId, int expectedVersion, Map<String, Object> answers,
            String clientIp) {
        Instant now = clock.instant();
        return Transactions.inTransaction(dataSource, "application", c -> {
            Row r = own(c, applicant, applicationId);
            requireEditable(r);
            requireVersion(r, expectedVersion);
            RegisteredBusiness business = pinned(r);
            BusinessDescriptor d = business.descriptor();
            Windows.requireApplicantOpen(d, now);
            List<OrganisationRef> path = OrganisationRefs.ofPath(c, r.organisationPath());
            Map<String, Object> given = answers == null ? Map.of() : answers;
            AnswerValidator validator = validator(business);
            List<FieldProblem> problems = new ArrayList<>(validator.validate(given, path, today(), false));
            problems.addAll(readOnlyChanges(d, r, given));
            if (!problems.isEmpty()) {
                throw invalid(problems);
            }
            Map<String, Object> kept = validator.prune(given, path, today());
            Row saved = ApplicationRows.update(c, withAnswers(r, kept), now);
            ApplicationRows.event(c, r.id(), now, applicant.accountId(), applicant.organisationId(), "save", null,
                    r.status(), r.status(), null, null);
            return ApplicationRows.view(c, saved);
        });
    }

    /** Answers that may not change once submitted (GD-PHOTO-2 file name). */
    private static List<FieldProblem> readOnlyChanges(BusinessDescriptor d, Row r, Map<String, Object> given) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.submission() == 0 || d.form() == null) {
            return problems;
        }
        d.form().sections().stream().flatMap(s -> s.fields().stream()).filter(Field::readOnlyAfterSubmit)
                .filter(f -> !Objects.equals(r.answers().get(f.id()), given.get(f.id())))
                .forEach(f -> problems.add(new FieldProblem(f.id(), "read-only-after-submit",
                        "“" + f.label().zh() + "”提交后不能再修改。", "\"" + f.label().en() + "\" cannot change after"
                                + " submission.")));
        return problems;
    }

    @Override
    public Application submit(Caller applicant, String applicationId, int expectedVersion, String clientIp) {
        Instant now = clock.instant();
        Application[] result = new Application[1];
        boolean submitted = Transactions.inTransaction(dataSource, "application", c -> {
            Row r = own(c, applicant, applicationId);
            if (r.status() == ApplicationStatus.IN_REVIEW && r.version() == expectedVersion + 1) {
                // The same submission again (a double click, a retry): answered unchanged.
                result[0] = ApplicationRows.view(c, r);
                return false;
            }
            requireEditable(r);
            requireVersion(r, expectedVersion);
            RegisteredBusiness business = pinned(r);
            BusinessDescriptor d = business.descriptor();
            Windows.requireApplicantOpen(d, now);
            List<OrganisationRef> path = OrganisationRefs.ofPath(c, r.organisationPath());
            List<FieldProblem> problems = new ArrayList<>(validator(business).validate(r.answers(), path, today(),
                    true));
            problems.addAll(RequiredUploads.missing(c, r.id(), d, r.answers(), path, today()));
            FormAnswers answers = new FormAnswers(d.id(), d.version(), withoutNulls(r.answers()));
            Optional<Business> hooks = registry.service(business.contentHash());
            if (problems.isEmpty() && hooks.isPresent()) {
                problems.addAll(hooks.get().validate(answers));
            }
            if (!problems.isEmpty()) {
                throw invalid(problems);
            }
            Optional<List<String>> override = hooks.isPresent() ? hooks.get().route(new RoutingContext(path, answers))
                    : Optional.empty();
            Plan plan = Router.route(d, new RoutingContext(path, answers), override, today());
            if (plan instanceof Unrouted u) {
                throw new WorkflowException(422, "unrouted", u.zh(), u.en());
            }
            Chain chain = (Chain) plan;
            List<Planned> planned = withGates(d, chain, path, answers);
            int submission = r.submission() + 1;
            for (int i = 0; i < planned.size(); i++) {
                Planned step = planned.get(i);
                ApplicationRows.insertTask(c, r.id(), submission, i, step.id(), step.gate(), step.organisationId(),
                        step.role(), i == 0 ? "pending" : "waiting", now);
            }
            Row next = new Row(r.id(), r.businessId(), r.businessVersion(), r.contentHash(), r.seasonId(),
                    r.applicantAccountId(), r.organisationId(), r.organisationPath(), ApplicationStatus.IN_REVIEW,
                    r.answers(), chain.routeId(), submission, r.createdAt(), r.updatedAt(), now, r.version());
            Row saved = ApplicationRows.update(c, next, now);
            ApplicationRows.event(c, r.id(), now, applicant.accountId(), applicant.organisationId(), "submit",
                    chain.steps().get(0).stepId(), r.status(), ApplicationStatus.IN_REVIEW, null, null);
            List<TaskRow> tasks = ApplicationRows.chain(c, r.id(), submission);
            Notifier.notify(c, outbox, d, NotificationEvent.SUBMITTED, saved, tasks, tasks.get(0), null);
            result[0] = ApplicationRows.view(c, saved);
            return true;
        });
        if (submitted) {
            record(applicant, clientIp, "application.submit", applicationId, null,
                    "submission " + result[0].submission());
        }
        return result[0];
    }

    @Override
    public Application withdraw(Caller applicant, String applicationId, String clientIp) {
        Instant now = clock.instant();
        Application withdrawn = Transactions.inTransaction(dataSource, "application", c -> {
            Row r = own(c, applicant, applicationId);
            BusinessDescriptor d = pinned(r).descriptor();
            if (!d.options().applicantMayWithdraw()) {
                throw new WorkflowException(409, "withdraw-not-allowed", "这项业务提交后不能撤回。",
                        "This business does not allow withdrawing a submitted application.");
            }
            Windows.requireApplicantOpen(d, now);
            if (r.status() != ApplicationStatus.IN_REVIEW || firstStepActed(c, r)) {
                throw new WorkflowException(409, "withdraw-too-late", "申报已进入审核，不能撤回。",
                        "The application is already being reviewed and can no longer be withdrawn.");
            }
            for (TaskRow t : ApplicationRows.chain(c, r.id(), r.submission())) {
                ApplicationRows.setTask(c, t.taskId(), "cancelled", null, null, null, null, null);
            }
            Row saved = ApplicationRows.update(c, withStatus(r, ApplicationStatus.DRAFT), now);
            ApplicationRows.event(c, r.id(), now, applicant.accountId(), applicant.organisationId(), "withdraw", null,
                    r.status(), ApplicationStatus.DRAFT, null, null);
            return ApplicationRows.view(c, saved);
        });
        record(applicant, clientIp, "application.withdraw", applicationId, null, null);
        return withdrawn;
    }

    @Override
    public void delete(Caller applicant, String applicationId, String clientIp) {
        String[] what = new String[1];
        Transactions.inTransaction(dataSource, "application", c -> {
            Row r = own(c, applicant, applicationId);
            BusinessDescriptor d = pinned(r).descriptor();
            DeletePolicy policy = d.options().applicantMayDelete();
            boolean allowed = switch (policy) {
                case NEVER -> false;
                case DRAFT -> r.status() == ApplicationStatus.DRAFT && r.submission() == 0;
                case UNTIL_FIRST_ACTION -> !anyStepActed(c, r.id())
                        && (r.status() == ApplicationStatus.DRAFT || r.status() == ApplicationStatus.IN_REVIEW);
            };
            if (!allowed) {
                throw new WorkflowException(409, "delete-not-allowed", policy == DeletePolicy.NEVER
                        ? "这项业务的申报不能删除。" : "申报已进入审核，不能删除。", policy == DeletePolicy.NEVER
                                ? "Applications of this business cannot be deleted."
                                : "The application is already being reviewed and can no longer be deleted.");
            }
            Windows.requireApplicantOpen(d, clock.instant());
            List<String> blobs = ApplicationRows.fileBlobs(c, r.id());
            ApplicationRows.deleteAll(c, r.id());
            release(c, blobs);
            what[0] = r.businessId() + "@" + r.businessVersion() + ", status " + r.status().text();
            return null;
        });
        record(applicant, clientIp, "application.delete", applicationId, null, what[0]);
    }

    /** Deletes the blobs of a deleted application's files that nothing else refers to, in its transaction. */
    private void release(Connection c, List<String> blobs) {
        BlobStore store = blobStore;
        if (store == null) {
            return;
        }
        for (String sha256 : blobs) {
            try {
                store.deleteIfUnreferenced(c, sha256, store.schemaReferences());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** A step or gate of the chain being stored. */
    private record Planned(String id, boolean gate, String organisationId, String role) {
    }

    /**
     * The chain with its submit-all gates (GD-PHOTO-5, CQ-REV-3): each gate goes before the step it names, or at
     * the end; a gate whose step the route does not take does not apply.
     */
    private List<Planned> withGates(BusinessDescriptor d, Chain chain, List<OrganisationRef> path, FormAnswers answers) {
        List<Planned> planned = new ArrayList<>();
        chain.steps().forEach(s -> planned.add(new Planned(s.stepId(), false, s.organisationId(), s.role())));
        if (d.review() == null) {
            return planned;
        }
        for (Gate gate : d.review().gates()) {
            int at = gate.before() == null ? planned.size() : indexOf(planned, gate.before());
            if (at < 0) {
                continue;
            }
            String submitter = Router.organisation(gate.submitter(), ConditionContext.of(d.form(), answers.values(),
                    path, today())).orElseThrow(() -> new WorkflowException(422, "unrouted",
                            "找不到办理“" + gate.name().zh() + "”的单位，请联系所在单位核实单位设置。",
                            "No organisation on your path can do \"" + gate.name().en()
                                    + "\"; ask your unit to check the organisation settings."));
            planned.add(at, new Planned(gate.id(), true, submitter, gate.submitter().role()));
        }
        return planned;
    }

    private static int indexOf(List<Planned> planned, String stepId) {
        for (int i = 0; i < planned.size(); i++) {
            if (planned.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }

    // --- helpers ---

    private Row own(Connection c, Caller applicant, String applicationId) throws SQLException {
        Row r = ApplicationRows.lock(c, applicationId).orElseThrow(DatabaseApplications::notFound);
        if (!r.applicantAccountId().equals(applicant.accountId())) {
            throw notFound();
        }
        return r;
    }

    private AnswerValidator validator(RegisteredBusiness business) {
        return validators.of(business);
    }

    private RegisteredBusiness pinned(Row r) {
        return registry.byContentHash(r.contentHash()).orElseThrow(() -> new IllegalStateException(
                "descriptor " + r.contentHash() + " of application " + r.id() + " is missing from the registry"));
    }

    private static void requireEditable(Row r) {
        if (r.status() != ApplicationStatus.DRAFT && r.status() != ApplicationStatus.RETURNED) {
            throw new WorkflowException(409, "not-editable", "申报已提交，当前不能修改（退回后可修改）。",
                    "The application is submitted and cannot be changed now (it can once returned).");
        }
    }

    static void requireVersion(Row r, int expected) {
        if (r.version() != expected) {
            throw new WorkflowException(412, "version-mismatch", "申报已在别处被修改，请刷新后再操作。",
                    "The application was changed elsewhere; reload it and try again.");
        }
    }

    private static boolean firstStepActed(Connection c, Row r) throws SQLException {
        List<TaskRow> chain = ApplicationRows.chain(c, r.id(), r.submission());
        return chain.isEmpty() || !"pending".equals(chain.get(0).status());
    }

    private static boolean anyStepActed(Connection c, String applicationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM review_task WHERE application_id = ? AND acted_at IS NOT NULL")) {
            s.setString(1, applicationId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String organisationPath(Connection c, String organisationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT path FROM organisation WHERE id = ? AND status = 'active'")) {
            s.setString(1, organisationId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new WorkflowException(409, "organisation-inactive", "您所在的单位未启用，暂不能申报。",
                            "Your organisation is not active, so you cannot apply now.");
                }
                return rs.getString(1);
            }
        }
    }

    static Row withAnswers(Row r, Map<String, Object> answers) {
        return new Row(r.id(), r.businessId(), r.businessVersion(), r.contentHash(), r.seasonId(),
                r.applicantAccountId(), r.organisationId(), r.organisationPath(), r.status(), answers, r.routeId(),
                r.submission(), r.createdAt(), r.updatedAt(), r.submittedAt(), r.version());
    }

    static Row withStatus(Row r, ApplicationStatus status) {
        return new Row(r.id(), r.businessId(), r.businessVersion(), r.contentHash(), r.seasonId(),
                r.applicantAccountId(), r.organisationId(), r.organisationPath(), status, r.answers(), r.routeId(),
                r.submission(), r.createdAt(), r.updatedAt(), r.submittedAt(), r.version());
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> answers) {
        Map<String, Object> copy = new HashMap<>();
        answers.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Windows.BEIJING);
    }

    private <T> T read(Transactions.Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("applications unavailable: database unavailable", e);
        }
    }

    static WorkflowException invalid(List<FieldProblem> problems) {
        return new WorkflowException(400, "invalid-answers", "申报内容有" + problems.size() + "处需要修改，请按提示修改。",
                "The application has " + problems.size() + " problem(s); see each field.", problems);
    }

    static WorkflowException notFound() {
        return new WorkflowException(404, "application-not-found", "申报不存在，或您无权查看。",
                "No such application, or you may not see it.");
    }

    private void record(Caller caller, String ip, String action, String applicationId, String before,
            String detail) {
        audit.record(new AuditEvent(action, caller.actor(ip), "application", applicationId, before,
                null, detail));
    }
}
