package org.zhicheng.workflow.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Gate;
import org.zhicheng.api.business.descriptor.GateRequirement;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.api.persistence.Transactions;
import org.zhicheng.api.registry.BusinessRegistry;
import org.zhicheng.api.workflow.ApplicationStatus;
import org.zhicheng.api.workflow.Gates;
import org.zhicheng.api.workflow.WorkflowException;
import org.zhicheng.workflow.internal.rules.Windows;
import org.zhicheng.workflow.internal.store.ApplicationRows;
import org.zhicheng.workflow.internal.store.ApplicationRows.Row;
import org.zhicheng.workflow.internal.store.ApplicationRows.TaskRow;
import org.zhicheng.workflow.internal.store.Where;

/**
 * Submit-all gates on the database. The scope of a gate for an organisation is every application of the season
 * whose applicant's unit lies in the organisation's subtree; an application whose route does not pass the gate
 * does not count, a draft or returned one always does (it is undecided).
 */
@Component(service = Gates.class)
public final class DatabaseGates implements Gates {

    private final DataSource dataSource;
    private final BusinessRegistry registry;
    private final AuditTrail audit;
    private final Clock clock;

    @Activate
    public DatabaseGates(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference BusinessRegistry registry, @Reference AuditTrail audit) {
        this(dataSource, registry, audit, Clock.systemUTC());
    }

    public DatabaseGates(DataSource dataSource, BusinessRegistry registry, AuditTrail audit, Clock clock) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /** A business's gate and the season it applies in. */
    private record Target(BusinessDescriptor descriptor, Gate gate, String season) {
    }

    private Target target(Caller submitter, String businessId, String gateId) {
        BusinessDescriptor d = (businessId == null ? java.util.Optional.<BusinessDescriptor>empty()
                : registry.current(businessId).map(b -> b.descriptor())).orElseThrow(DatabaseGates::notFound);
        Gate gate = d.review() == null ? null : d.review().gates().stream().filter(g -> g.id().equals(gateId))
                .findFirst().orElse(null);
        if (gate == null || !DatabaseReviews.reviewsFor(submitter, submitter.organisationId(),
                gate.submitter().role())) {
            throw notFound();
        }
        return new Target(d, gate, Seasons.of(d, clock.instant()));
    }

    @Override
    public State state(Caller submitter, String businessId, String gateId) {
        Target t = target(submitter, businessId, gateId);
        try (Connection c = dataSource.getConnection()) {
            return scan(c, submitter, t).state();
        } catch (SQLException e) {
            throw new IllegalStateException("gates unavailable: database unavailable", e);
        }
    }

    /** The gate's state and the held applications. */
    private record Scan(State state, List<String> held) {
    }

    private Scan scan(Connection c, Caller submitter, Target t) throws SQLException {
        List<Blocker> blockers = new ArrayList<>();
        List<String> held = new ArrayList<>();
        boolean decidedIsEnough = t.gate().requires() == GateRequirement.ALL_DECIDED;
        try (PreparedStatement s = c.prepareStatement("SELECT a.id, a.applicant_account_id,"
                + " COALESCE(p.name, acc.display_name), a.status, g.status, g.organisation_id,"
                + " (SELECT MIN(x.step_id) FROM review_task x WHERE x.application_id = a.id"
                + " AND x.submission = a.submission AND x.status = 'pending')"
                + " FROM application a JOIN account acc ON acc.id = a.applicant_account_id"
                + " LEFT JOIN person p ON p.account_id = a.applicant_account_id"
                + " LEFT JOIN review_task g ON g.application_id = a.id AND g.submission = a.submission"
                + " AND g.kind = 'gate' AND g.step_id = ?"
                + " WHERE a.business_id = ? AND a.season_id = ? AND a.organisation_path LIKE ?"
                + " ORDER BY a.submitted_at, a.id")) {
            s.setString(1, t.gate().id());
            s.setString(2, t.descriptor().id());
            s.setString(3, t.season());
            s.setString(4, submitter.organisationPath() + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ApplicationStatus status = ApplicationStatus.valueOf(rs.getString(4));
                    String gateStatus = rs.getString(5);
                    boolean ours = submitter.organisationId().equals(rs.getString(6));
                    if (gateStatus == null) {
                        // Not on a route through the gate, unless not yet routed at all.
                        if (status == ApplicationStatus.DRAFT || status == ApplicationStatus.RETURNED) {
                            blockers.add(new Blocker(rs.getString(1), rs.getString(2), rs.getString(3),
                                    status.text(), null));
                        }
                        continue;
                    }
                    if (!ours || "approved".equals(gateStatus)) {
                        continue;
                    }
                    if ("pending".equals(gateStatus)) {
                        held.add(rs.getString(1));
                    } else if (!(decidedIsEnough && status == ApplicationStatus.REJECTED)) {
                        blockers.add(new Blocker(rs.getString(1), rs.getString(2), rs.getString(3), status.text(),
                                rs.getString(7)));
                    }
                }
            }
        }
        if (t.gate().includeNotStarted()) {
            blockers.addAll(notStarted(c, submitter, t));
        }
        return new Scan(new State(t.descriptor().id(), t.gate().id(), submitter.organisationId(), held.size(),
                List.copyOf(blockers)), held);
    }

    /** People on the roster in the subtree without an application: they count as undecided (GD-PHOTO-5). */
    private static List<Blocker> notStarted(Connection c, Caller submitter, Target t) throws SQLException {
        List<Blocker> blockers = new ArrayList<>();
        // The same roster query as the oversight's "not started" list; a deleted account can never apply, so it
        // does not hold the gate.
        try (PreparedStatement s = c.prepareStatement("SELECT r.account_id, COALESCE(p.name, acc.display_name)"
                + OversightQuery.ROSTER + " WHERE r.business_id = ? AND r.season_id = ? AND o.path LIKE ? ESCAPE '\\'"
                + " AND " + OversightQuery.NOT_STARTED + " ORDER BY r.account_id")) {
            s.setString(1, t.descriptor().id());
            s.setString(2, t.season());
            s.setString(3, Where.escapeLike(submitter.organisationPath()) + "%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    blockers.add(new Blocker(null, rs.getString(1), rs.getString(2), "not-started", null));
                }
            }
        }
        return blockers;
    }

    @Override
    public State submitAll(Caller submitter, String businessId, String gateId, String clientIp) {
        Target t = target(submitter, businessId, gateId);
        Instant now = clock.instant();
        Windows.requireGateOpen(t.descriptor(), gateId, now);
        int[] submitted = new int[1];
        State after = Transactions.inTransaction(dataSource, "gate", c -> {
            // Each held application is locked and re-checked as it passes (see pass).
            Scan scan = scan(c, submitter, t);
            if (!scan.state().blockers().isEmpty()) {
                throw blocked(scan.state().blockers());
            }
            if (scan.held().isEmpty()) {
                throw new WorkflowException(409, "nothing-to-submit", "没有等待提交的申报。",
                        "No application is waiting to be submitted.");
            }
            for (String applicationId : scan.held()) {
                pass(c, submitter, t, applicationId, now);
                submitted[0]++;
            }
            return scan(c, submitter, t).state();
        });
        audit.record(new AuditEvent("gate.submit-all", submitter.actor(clientIp), "gate",
                t.descriptor().id() + "/" + gateId, null, null, submitted[0] + " applications submitted"));
        return after;
    }

    /** Moves one held application past the gate: on to the gate's step, or approved at the end of the chain. */
    private static void pass(Connection c, Caller submitter, Target t, String applicationId, Instant now)
            throws SQLException {
        Row r = ApplicationRows.lock(c, applicationId).orElseThrow();
        List<TaskRow> chain = ApplicationRows.chain(c, r.id(), r.submission());
        TaskRow gate = chain.stream().filter(x -> x.stepId().equals(t.gate().id()) && "pending".equals(x.status()))
                .findFirst().orElseThrow(() -> new WorkflowException(409, "changed-concurrently",
                        "申报刚刚被他人处理，请刷新后重试。", "An application changed a moment ago; reload and try again."));
        ApplicationRows.setTask(c, gate.taskId(), "pending", "approved", "submit-all", null, null,
                submitter.accountId(), now);
        TaskRow next = chain.stream().filter(x -> x.position() == gate.position() + 1).findFirst().orElse(null);
        ApplicationStatus to = next == null ? ApplicationStatus.APPROVED : ApplicationStatus.IN_REVIEW;
        if (next != null) {
            ApplicationRows.setTask(c, next.taskId(), "pending", null, null, null, null, null);
        }
        ApplicationRows.update(c, DatabaseApplications.withStatus(r, to), now);
        ApplicationRows.event(c, r.id(), now, submitter.accountId(), submitter.organisationId(), "submit-all",
                t.gate().id(), r.status(), to, null, null);
    }

    private static WorkflowException blocked(List<Blocker> blockers) {
        List<FieldProblem> problems = blockers.stream().map(b -> new FieldProblem(b.applicationId() != null
                ? "applications[" + b.applicationId() + "]" : "roster[" + b.accountId() + "]", "gate-blocker",
                b.applicantName() + "：" + statusZh(b.status()) + (b.stepId() == null ? "" : "（" + b.stepId() + "）"),
                b.applicantName() + ": " + b.status() + (b.stepId() == null ? "" : " (" + b.stepId() + ")"))).toList();
        return new WorkflowException(409, "gate-blocked", "还有" + blockers.size() + "人未审核完毕，暂不能全部提交。",
                blockers.size() + " applicant(s) are not decided yet, so the gate cannot be submitted.", problems);
    }

    private static String statusZh(String status) {
        return switch (status) {
            case "draft" -> "尚未提交";
            case "returned" -> "已退回待修改";
            case "in-review" -> "审核中";
            case "rejected" -> "不予通过";
            case "not-started" -> "尚未申报";
            default -> status;
        };
    }

    private static WorkflowException notFound() {
        return new WorkflowException(404, "gate-not-found", "没有这个“全部提交”环节，或它不由您的单位办理。",
                "No such submit-all gate for your organisation.");
    }
}
