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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.business.FieldProblem;
import org.zhicheng.api.business.RefusedException;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.NotificationEvent;
import org.zhicheng.api.business.descriptor.ReviewAction;
import org.zhicheng.api.business.descriptor.ReviewStep;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.notification.Outbox;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.api.persistence.Transactions;
import org.zhicheng.api.registry.BusinessRegistry;
import org.zhicheng.api.registry.RegisteredBusiness;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.api.workflow.ApplicationStatus;
import org.zhicheng.api.workflow.Reviews;
import org.zhicheng.api.workflow.WorkflowException;
import org.zhicheng.workflow.internal.forms.FormValidators;
import org.zhicheng.workflow.internal.review.AnswerEdits;
import org.zhicheng.workflow.internal.review.MatchChecks;
import org.zhicheng.workflow.internal.rules.Windows;
import org.zhicheng.workflow.internal.store.ApplicationRows;
import org.zhicheng.workflow.internal.store.ApplicationRows.Row;
import org.zhicheng.workflow.internal.store.ApplicationRows.TaskRow;
import org.zhicheng.workflow.internal.store.OrganisationRefs;

/**
 * Reviewer queues and actions. An action locks the application row, then re-reads its task, so of two reviewers
 * acting at once exactly one changes anything and the other is told what the first did.
 */
@Component(service = Reviews.class)
public final class DatabaseReviews implements Reviews {

    /** The role a step names when any reviewer of its organisation may act. */
    static final String ANY_REVIEWER = "reviewer";

    /** The most tasks one batch acts on. */
    static final int MAX_BATCH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseReviews.class);

    private final DataSource dataSource;
    private final BusinessRegistry registry;
    private final AuditTrail audit;
    private final Clock clock;
    private final FormValidators validators = new FormValidators();

    // Optional: without the notification bundle, actions go on and nothing is sent.
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Outbox outbox;

    @Activate
    public DatabaseReviews(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference BusinessRegistry registry, @Reference AuditTrail audit) {
        this(dataSource, registry, audit, Clock.systemUTC(), null);
    }

    public DatabaseReviews(DataSource dataSource, BusinessRegistry registry, AuditTrail audit, Clock clock,
            Outbox outbox) {
        this.outbox = outbox;
        this.dataSource = dataSource;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the caller reviews for the task's organisation in the task's role. */
    static boolean reviewsFor(Caller caller, String organisationId, String role) {
        return caller.has("review.act") && caller.organisationId().equals(organisationId)
                && (ANY_REVIEWER.equals(role) || caller.roles().contains(role));
    }

    @Override
    public Page queue(Caller reviewer, Queue queue, Filter filter, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new WorkflowException(400, "invalid-page", "分页参数无效：offset ≥ 0，limit 为 1 至 500。",
                    "Invalid page: offset >= 0 and limit 1 to 500.");
        }
        Filter f = filter == null ? Filter.all() : filter;
        if (!reviewer.has("review.act")) {
            return new Page(0, List.of());
        }
        try (Connection c = dataSource.getConnection()) {
            QueueQuery q = QueueQuery.of(c, reviewer, f, queue);
            int total;
            try (PreparedStatement s = q.prepare(c, "SELECT COUNT(*)", "")) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            List<Task> tasks = new ArrayList<>();
            try (PreparedStatement s = q.prepare(c, "SELECT t.task_id, t.application_id, a.business_id, t.step_id,"
                    + " " + QueueQuery.NAME + ", a.organisation_id, a.status, a.submitted_at, t.acted_at",
                    q.orderBy(f) + " LIMIT " + limit + " OFFSET " + offset)) {
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        tasks.add(new Task(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), ApplicationStatus.valueOf(rs.getString(7)).text(),
                                instant(rs.getObject(8, OffsetDateTime.class)), instant(rs.getObject(9,
                                        OffsetDateTime.class))));
                    }
                }
            }
            return new Page(total, tasks);
        } catch (SQLException e) {
            throw new IllegalStateException("review queue unavailable: database unavailable", e);
        }
    }

    @Override
    public Map<Queue, Integer> counts(Caller reviewer, Filter filter) {
        Map<Queue, Integer> counts = new EnumMap<>(Queue.class);
        for (Queue q : Queue.values()) {
            counts.put(q, 0);
        }
        if (!reviewer.has("review.act")) {
            return counts;
        }
        try (Connection c = dataSource.getConnection()) {
            QueueQuery q = QueueQuery.of(c, reviewer, filter == null ? Filter.all() : filter, null);
            try (PreparedStatement s = q.prepare(c, "SELECT t.status, COUNT(*)", " GROUP BY t.status");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    for (Queue each : Queue.values()) {
                        if (each.name().equalsIgnoreCase(rs.getString(1))) {
                            counts.put(each, rs.getInt(2));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("review queue unavailable: database unavailable", e);
        }
        return counts;
    }

    @Override
    public Application act(Caller reviewer, String taskId, ReviewAction action, String comment, String reasonCode,
            String clientIp) {
        if (action == ReviewAction.CORRECT || action == ReviewAction.MARK_ROW_DELETED
                || action == ReviewAction.RECOMMEND || action == ReviewAction.PUBLIC_NOTICE) {
            throw new WorkflowException(400, "action-needs-details", "“" + action.json() + "”操作需要填写具体内容。",
                    "The \"" + action.json() + "\" action needs its details.");
        }
        Instant now = clock.instant();
        String text = comment(comment);
        boolean[] changed = new boolean[1];
        Application result = Transactions.inTransaction(dataSource, "review", c -> {
            Locked l = lock(c, reviewer, taskId, action);
            TaskRow task = l.task();
            Row r = l.application();
            if (action != ReviewAction.REVOKE && task.actedAt() != null) {
                if (reviewer.accountId().equals(task.actedBy()) && action.json().equals(task.action())) {
                    return ApplicationRows.view(c, r);
                }
                throw alreadyActed(task);
            }
            Windows.requireStepOpen(l.descriptor(), task.stepId(), now);
            changed[0] = true;
            List<TaskRow> chain = ApplicationRows.chain(c, r.id(), task.submission());
            Application after = switch (action) {
                case APPROVE -> approve(c, reviewer, l, chain, text, now);
                case RETURN -> close(c, reviewer, l, chain, ReviewAction.RETURN, text, reasonCode, now);
                case REJECT -> close(c, reviewer, l, chain, ReviewAction.REJECT, text, reasonCode, now);
                default -> revoke(c, reviewer, r, task, chain, now);
            };
            NotificationEvent event = switch (action) {
                case APPROVE -> after.status() == ApplicationStatus.APPROVED ? NotificationEvent.COMPLETED
                        : NotificationEvent.APPROVED;
                case RETURN -> NotificationEvent.RETURNED;
                case REJECT -> NotificationEvent.REJECTED;
                default -> NotificationEvent.REVOKED;
            };
            List<TaskRow> updated = ApplicationRows.chain(c, r.id(), task.submission());
            TaskRow next = updated.stream().filter(t -> "pending".equals(t.status())).findFirst().orElse(null);
            Notifier.notify(c, outbox, l.descriptor(), event, r, updated, next, text);
            return after;
        });
        if (changed[0]) {
            audit.record(new AuditEvent("review." + action.json(), reviewer.actor(clientIp), "application",
                    result.id(), null, null, "task " + taskId + (reasonCode == null ? "" : ", reason " + reasonCode)));
        }
        return result;
    }

    @Override
    public Application correct(Caller reviewer, String taskId, int expectedVersion, List<Correction> corrections,
            String comment, String clientIp) {
        String text = comment(comment);
        return edit(reviewer, taskId, expectedVersion, ReviewAction.CORRECT, text, clientIp,
                (d, answers) -> AnswerEdits.correct(d, answers, corrections));
    }

    @Override
    public Application markRows(Caller reviewer, String taskId, int expectedVersion, String sectionId,
            List<Integer> rows, boolean deleted, String comment, String clientIp) {
        String text = comment(comment);
        return edit(reviewer, taskId, expectedVersion, ReviewAction.MARK_ROW_DELETED, text, clientIp,
                (d, answers) -> AnswerEdits.markRows(d, answers, sectionId, rows, deleted));
    }

    /** A change of a pending application's answers by its reviewer. */
    @FunctionalInterface
    private interface AnswerChange {
        AnswerEdits.Edit apply(BusinessDescriptor descriptor, Map<String, Object> answers);
    }

    /**
     * Corrections and row marks: the changed answers must still pass every check of the form (a reviewer cannot
     * make an application incomplete; returning it is the way to ask for more), and history and audit keep the
     * values before and after.
     */
    private Application edit(Caller reviewer, String taskId, int expectedVersion, ReviewAction action, String comment,
            String clientIp, AnswerChange change) {
        Instant now = clock.instant();
        List<AnswerEdits.Change> made = new ArrayList<>();
        Application result = Transactions.inTransaction(dataSource, "review", c -> {
            Locked l = lock(c, reviewer, taskId, action);
            requirePending(l.task());
            DatabaseApplications.requireVersion(l.application(), expectedVersion);
            Windows.requireStepOpen(l.descriptor(), l.task().stepId(), now);
            Row r = l.application();
            AnswerEdits.Edit edit = change.apply(l.descriptor(), r.answers());
            if (edit.changes().isEmpty()) {
                return ApplicationRows.view(c, r);
            }
            List<FieldProblem> problems = validators.of(l.business()).validate(edit.answers(),
                    OrganisationRefs.ofPath(c, r.organisationPath()), LocalDate.ofInstant(now, Windows.BEIJING), true);
            if (!problems.isEmpty()) {
                throw action == ReviewAction.CORRECT ? DatabaseApplications.invalid(problems)
                        : new WorkflowException(400, "incomplete-after-marking", "标记删除后申报不再完整（" + problems.size()
                                + "处问题），请改为退回申报人修改。", "Marking these rows deleted leaves the application "
                                        + "incomplete (" + problems.size() + " problem(s)); return it instead.", problems);
            }
            Row saved = ApplicationRows.update(c, DatabaseApplications.withAnswers(r, edit.answers()), now);
            StringBuilder summary = new StringBuilder();
            for (AnswerEdits.Change ch : edit.changes()) {
                summary.append(summary.isEmpty() ? "" : "; ").append(ch.path()).append(": ").append(ch.before())
                        .append(" → ").append(ch.after());
            }
            if (comment != null) {
                summary.append(" — ").append(comment);
            }
            ApplicationRows.event(c, r.id(), now, reviewer.accountId(), reviewer.organisationId(), action.json(),
                    l.task().stepId(), r.status(), r.status(), summary.toString(), null);
            made.addAll(edit.changes());
            return ApplicationRows.view(c, saved);
        });
        if (!made.isEmpty()) {
            Map<String, Object> before = new LinkedHashMap<>();
            Map<String, Object> after = new LinkedHashMap<>();
            made.forEach(ch -> {
                before.put(ch.path(), ch.before());
                after.put(ch.path(), ch.after());
            });
            audit.record(new AuditEvent(action == ReviewAction.CORRECT ? "review.correct" : "review.mark-rows",
                    reviewer.actor(clientIp), "application", result.id(), ApplicationRows.json(before),
                    ApplicationRows.json(after), "task " + taskId + (comment == null ? "" : ", " + comment)));
        }
        return result;
    }

    @Override
    public Application recommend(Caller reviewer, String taskId, String opinion, String signer, LocalDate signedOn,
            String clientIp) {
        Instant now = clock.instant();
        String text = opinion == null || opinion.isBlank() ? null : opinion.strip();
        String name = signer == null || signer.isBlank() ? null : signer.strip();
        if (text != null && text.length() > 500 || name != null && name.length() > 50) {
            throw new WorkflowException(400, "recommendation-too-long", "推荐意见不能超过500字，签名人不能超过50字。",
                    "The opinion may have at most 500 characters and the signer at most 50.");
        }
        if (signedOn != null && signedOn.isAfter(LocalDate.ofInstant(now, Windows.BEIJING))) {
            throw new WorkflowException(400, "date-in-future", "签署日期不能晚于今天。", "The signing date cannot be in the future.");
        }
        boolean[] changed = new boolean[1];
        Application result = Transactions.inTransaction(dataSource, "review", c -> {
            Locked l = lock(c, reviewer, taskId, ReviewAction.RECOMMEND);
            requirePending(l.task());
            Windows.requireStepOpen(l.descriptor(), l.task().stepId(), now);
            org.zhicheng.api.business.descriptor.Recommendation spec = l.step().recommendation();
            if (spec == null) {
                throw new WorkflowException(400, "no-recommendation", "本环节不填写推荐意见。",
                        "This step records no recommendation opinion.");
            }
            String words = text != null ? text : spec.defaultText() == null ? null : spec.defaultText().zh();
            if (words == null) {
                throw new WorkflowException(400, "opinion-required", "请填写推荐意见。", "Please enter the opinion.");
            }
            if (spec.signer() && name == null) {
                throw new WorkflowException(400, "signer-required", "请填写签名人。", "Please enter who signs.");
            }
            if (spec.date() && signedOn == null) {
                throw new WorkflowException(400, "date-required", "请填写签署日期。", "Please enter the signing date.");
            }
            Recommendation entered = new Recommendation(words, name, signedOn, now);
            Recommendation before = ApplicationRows.recommendations(c, l.application().id()).get(taskId);
            if (before != null && before.opinion().equals(words) && Objects.equals(before.signer(), name)
                    && Objects.equals(before.signedOn(), signedOn)) {
                return ApplicationRows.view(c, l.application());
            }
            ApplicationRows.putRecommendation(c, l.task(), entered, reviewer.accountId());
            ApplicationRows.event(c, l.application().id(), now, reviewer.accountId(), reviewer.organisationId(),
                    ReviewAction.RECOMMEND.json(), l.task().stepId(), l.application().status(),
                    l.application().status(), words + (name == null ? "" : " — " + name)
                            + (signedOn == null ? "" : " " + signedOn), null);
            changed[0] = true;
            return ApplicationRows.view(c, l.application());
        });
        if (changed[0]) {
            audit.record(new AuditEvent("review.recommend", reviewer.actor(clientIp), "application", result.id(), null,
                    null, "task " + taskId));
        }
        return result;
    }

    @Override
    public List<Evidence> evidence(Caller reviewer, String taskId) {
        return Transactions.inTransaction(dataSource, "review", c -> {
            Locked l = lock(c, reviewer, taskId, ReviewAction.APPROVE);
            return MatchChecks.view(c, l.application().id(), l.task().stepId(), MatchChecks.items(c,
                    l.application().id(), l.descriptor(), l.step(), l.application().answers()));
        });
    }

    @Override
    public List<Evidence> check(Caller reviewer, String taskId, List<MatchCheck> checks, String clientIp) {
        Instant now = clock.instant();
        List<MatchCheck> given = checks == null ? List.of() : checks;
        if (given.isEmpty() || given.size() > 200) {
            throw new WorkflowException(400, "invalid-checks", "请核对 1 至 200 项材料。",
                    "Give between 1 and 200 verdicts.");
        }
        List<String> recorded = new ArrayList<>();
        List<Evidence> result = Transactions.inTransaction(dataSource, "review", c -> {
            Locked l = lock(c, reviewer, taskId, ReviewAction.APPROVE);
            requirePending(l.task());
            Windows.requireStepOpen(l.descriptor(), l.task().stepId(), now);
            String applicationId = l.application().id();
            List<MatchChecks.Item> items = MatchChecks.items(c, applicationId, l.descriptor(), l.step(),
                    l.application().answers());
            for (MatchCheck check : given) {
                MatchChecks.Item item = items.stream().filter(i -> i.slotId().equals(check.slotId())
                        && Objects.equals(i.rowId(), check.rowId())).findFirst().orElseThrow(() ->
                                new WorkflowException(400, "not-checked-here", "本环节不核对这项材料，或它没有上传文件。",
                                        "This step does not check that evidence, or it holds no files."));
                String note = check.note() == null || check.note().isBlank() ? null : check.note().strip();
                if (!check.matches() && note == null) {
                    throw new WorkflowException(400, "note-required", "与原件不符时请写明哪里不符。",
                            "Say what does not match the original.");
                }
                if (note != null && note.length() > 500) {
                    throw new WorkflowException(400, "note-too-long", "说明不能超过500字。",
                            "The note may have at most 500 characters.");
                }
                if (MatchChecks.put(c, applicationId, l.task().stepId(), item, check.matches(), note,
                        reviewer.accountId(), reviewer.organisationId(), now)) {
                    recorded.add(item.slotId() + (item.rowId() == null ? "" : "[" + item.rowId() + "]") + "="
                            + (check.matches() ? "matches" : "differs") + " " + item.hash());
                }
            }
            return MatchChecks.view(c, applicationId, l.task().stepId(), items);
        });
        if (!recorded.isEmpty()) {
            audit.record(new AuditEvent("review.match-check", reviewer.actor(clientIp), "task", taskId, null, null,
                    String.join("; ", recorded)));
        }
        return result;
    }

    @Override
    public List<Outcome> batch(Caller reviewer, Selection selection, ReviewAction action, String comment,
            String reasonCode, String clientIp) {
        if (action != ReviewAction.APPROVE && action != ReviewAction.RETURN && action != ReviewAction.REJECT) {
            throw new WorkflowException(400, "action-not-batchable", "批量操作只能是通过、退回或不予通过。",
                    "A batch can approve, return or reject.");
        }
        comment(comment);
        return each(reviewer, selection, id -> act(reviewer, id, action, comment, reasonCode, clientIp));
    }

    @Override
    public List<Outcome> publicNotice(Caller reviewer, Selection selection, PublicNotice notice, String clientIp) {
        if (notice == null || notice.startsOn() == null || notice.endsOn() == null) {
            throw new WorkflowException(400, "notice-period-required", "请填写公示起止日期。",
                    "Please enter the first and last day of the public notice.");
        }
        if (notice.endsOn().isBefore(notice.startsOn()) || notice.endsOn().isAfter(notice.startsOn().plusDays(59))) {
            throw new WorkflowException(400, "invalid-notice-period", "公示结束日期须不早于开始日期，且公示期不超过60天。",
                    "The notice must end on or after its first day and last at most 60 days.");
        }
        String result = notice.result() == null || notice.result().isBlank() ? null : notice.result().strip();
        if (result != null && result.length() > 500) {
            throw new WorkflowException(400, "notice-result-too-long", "公示结果不能超过500字。",
                    "The result may have at most 500 characters.");
        }
        PublicNotice entered = new PublicNotice(notice.startsOn(), notice.endsOn(), result);
        return each(reviewer, selection, id -> enterNotice(reviewer, id, entered, clientIp));
    }

    private Application enterNotice(Caller reviewer, String taskId, PublicNotice notice, String clientIp) {
        Instant now = clock.instant();
        boolean[] changed = new boolean[1];
        Application result = Transactions.inTransaction(dataSource, "review", c -> {
            Locked l = lock(c, reviewer, taskId, ReviewAction.PUBLIC_NOTICE);
            requirePending(l.task());
            Windows.requireStepOpen(l.descriptor(), l.task().stepId(), now);
            if (notice.equals(ApplicationRows.publicNotices(c, l.application().id()).get(taskId))) {
                return ApplicationRows.view(c, l.application());
            }
            ApplicationRows.putPublicNotice(c, l.task(), notice, reviewer.accountId(), now);
            ApplicationRows.event(c, l.application().id(), now, reviewer.accountId(), reviewer.organisationId(),
                    ReviewAction.PUBLIC_NOTICE.json(), l.task().stepId(), l.application().status(),
                    l.application().status(), notice.startsOn() + " – " + notice.endsOn()
                            + (notice.result() == null ? "" : ": " + notice.result()), null);
            changed[0] = true;
            return ApplicationRows.view(c, l.application());
        });
        if (changed[0]) {
            audit.record(new AuditEvent("review.public-notice", reviewer.actor(clientIp), "application", result.id(),
                    null, null, "task " + taskId + ", " + notice.startsOn() + " – " + notice.endsOn()));
        }
        return result;
    }

    /** Runs one action per selected task, each in its own transaction, reporting what happened to each. */
    private List<Outcome> each(Caller reviewer, Selection selection, java.util.function.Function<String,
            Application> action) {
        List<Outcome> outcomes = new ArrayList<>();
        for (String taskId : select(reviewer, selection)) {
            try {
                Application a = action.apply(taskId);
                outcomes.add(new Outcome(taskId, a.id(), 200, "ok", "已完成。", "Done."));
            } catch (RefusedException e) {
                outcomes.add(new Outcome(taskId, null, e.status(), e.code(), e.zh(), e.en()));
            } catch (RuntimeException e) {
                LOG.error("Batch action on task {} failed", taskId, e);
                outcomes.add(new Outcome(taskId, null, 500, "failed", "处理失败，请稍后重试。",
                        "This one failed; please try again later."));
            }
        }
        return outcomes;
    }

    /** The task ids of a selection: the listed ones (distinct, in order), or the caller's pending tasks of a unit. */
    private List<String> select(Caller reviewer, Selection selection) {
        if (selection == null || selection.taskIds().isEmpty() == (selection.applicantOrganisationId() == null)) {
            throw new WorkflowException(400, "invalid-selection", "请选择申报，或指定一个单位（二者选一）。",
                    "Select tasks, or name one unit (one of the two).");
        }
        if (!selection.taskIds().isEmpty()) {
            List<String> ids = new ArrayList<>(new java.util.LinkedHashSet<>(selection.taskIds()));
            if (ids.size() > MAX_BATCH || ids.contains(null)) {
                throw new WorkflowException(400, "invalid-selection", "一次最多处理" + MAX_BATCH + "条。",
                        "At most " + MAX_BATCH + " tasks at once.");
            }
            return ids;
        }
        Page page = queue(reviewer, Queue.PENDING, new Filter(selection.businessId(), null,
                selection.applicantOrganisationId(), null, null, null, null, false), 0, MAX_BATCH);
        if (page.total() > MAX_BATCH) {
            throw new WorkflowException(400, "selection-too-large", "该单位有" + page.total() + "条待审，一次最多处理"
                    + MAX_BATCH + "条，请按业务或下级单位分批。", "The unit has " + page.total() + " pending tasks; at most "
                            + MAX_BATCH + " at once, so select by business or sub-unit.");
        }
        return page.tasks().stream().map(Task::taskId).toList();
    }

    @Override
    public Application assign(Caller assigner, String taskId, String organisationId, String reason,
            String clientIp) {
        String why = comment(reason);
        if (why == null) {
            throw new WorkflowException(400, "reason-required", "请填写分配交叉审核的原因。",
                    "Please give the reason for the cross-review assignment.");
        }
        if (!assigner.has("review.assign")) {
            throw taskNotFound();
        }
        Instant now = clock.instant();
        String[] from = new String[1];
        Application result = Transactions.inTransaction(dataSource, "review", c -> {
            TaskRow first = ApplicationRows.task(c, taskId).orElseThrow(DatabaseReviews::taskNotFound);
            Row r = ApplicationRows.lock(c, first.applicationId()).orElseThrow(DatabaseReviews::taskNotFound);
            TaskRow task = ApplicationRows.task(c, taskId).orElseThrow(DatabaseReviews::taskNotFound);
            String[] current = OrganisationRefs.pathAndStatus(c, task.organisationId());
            if (current == null || !assigner.canSee(current[0])) {
                throw taskNotFound();
            }
            BusinessDescriptor d = business(r).descriptor();
            if (d.step(task.stepId()).isEmpty()) {
                throw heldAtGate();
            }
            if (task.organisationId().equals(organisationId)) {
                return ApplicationRows.view(c, r);
            }
            String[] target = organisationId == null ? null : OrganisationRefs.pathAndStatus(c, organisationId);
            if (target == null || !assigner.canSee(target[0])) {
                throw new WorkflowException(400, "organisation-not-eligible", "只能分配给本辖区内的其他机构。",
                        "Assign only to another organisation within your area.");
            }
            // Back to the organisation the route chose is always possible; otherwise never the applicant's own unit.
            String routed = task.routedOrganisationId() == null ? task.organisationId() : task.routedOrganisationId();
            if (!"active".equals(target[1]) || !organisationId.equals(routed)
                    && organisationId.equals(r.organisationId())) {
                throw new WorkflowException(400, "organisation-not-eligible", "该机构已停用，或是申报人所在单位，不能承担交叉审核。",
                        "That organisation is disabled or is the applicant's own unit, so it cannot cross-review.");
            }
            requirePending(task);
            ApplicationRows.reassign(c, task, organisationId);
            ApplicationRows.event(c, r.id(), now, assigner.accountId(), assigner.organisationId(), "assign",
                    task.stepId(), r.status(), r.status(), task.organisationId() + " → " + organisationId + ": " + why,
                    null);
            from[0] = task.organisationId();
            return ApplicationRows.view(c, r);
        });
        if (from[0] != null) {
            audit.record(new AuditEvent("review.assign", assigner.actor(clientIp), "application", result.id(), from[0],
                    organisationId, "task " + taskId + ", " + why));
        }
        return result;
    }

    /** A task locked for an action: its application row is locked, the task re-read under that lock. */
    private record Locked(Row application, TaskRow task, RegisteredBusiness business, ReviewStep step) {
        BusinessDescriptor descriptor() {
            return business.descriptor();
        }
    }

    /**
     * Locks the task's application, then re-reads the task, so that of two reviewers acting at once exactly one
     * changes anything; 404 for a task not the caller's, 409 at a gate, 400 for an action the step does not allow.
     */
    private Locked lock(Connection c, Caller reviewer, String taskId, ReviewAction action) throws SQLException {
        TaskRow first = ApplicationRows.task(c, taskId).orElseThrow(DatabaseReviews::taskNotFound);
        Row r = ApplicationRows.lock(c, first.applicationId()).orElseThrow(DatabaseReviews::taskNotFound);
        TaskRow task = ApplicationRows.task(c, taskId).orElseThrow(DatabaseReviews::taskNotFound);
        if (!reviewsFor(reviewer, task.organisationId(), task.role())) {
            throw taskNotFound();
        }
        RegisteredBusiness business = business(r);
        ReviewStep step = business.descriptor().step(task.stepId()).orElseThrow(DatabaseReviews::heldAtGate);
        if (!step.actions().contains(action)) {
            throw new WorkflowException(400, "action-not-allowed", "本环节不能执行“" + action.json() + "”操作。",
                    "This step does not allow \"" + action.json() + "\".");
        }
        return new Locked(r, task, business, step);
    }

    private RegisteredBusiness business(Row r) {
        return registry.byContentHash(r.contentHash()).orElseThrow(() ->
                new IllegalStateException("descriptor of application " + r.id() + " missing"));
    }

    /** A comment or reason: stripped, null when blank, at most 2000 characters. */
    private static String comment(String comment) {
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > 2000) {
            throw new WorkflowException(400, "comment-too-long", "意见不能超过2000字。",
                    "The comment may have at most 2000 characters.");
        }
        return text;
    }

    private static Application approve(Connection c, Caller reviewer, Locked l, List<TaskRow> chain, String comment,
            Instant now) throws SQLException {
        Row r = l.application();
        TaskRow task = l.task();
        ReviewStep step = l.step();
        requirePending(task);
        if (step.recommendation() != null && step.actions().contains(ReviewAction.RECOMMEND)
                && !ApplicationRows.recommendations(c, r.id()).containsKey(task.taskId())) {
            throw new WorkflowException(409, "recommendation-missing", "请先填写本级推荐意见，再审核通过。",
                    "Enter this level's recommendation opinion before approving.");
        }
        if (!step.matchCheckSlots().isEmpty()) {
            MatchChecks.requireAllMatch(MatchChecks.view(c, r.id(), task.stepId(),
                    MatchChecks.items(c, r.id(), l.descriptor(), step, r.answers())), l.descriptor());
        }
        String opinion = comment != null ? comment : step.defaultOpinion() == null ? null : step.defaultOpinion().zh();
        requireComment(step, ReviewAction.APPROVE, opinion);
        ApplicationRows.setTask(c, task.taskId(), "pending", "approved", ReviewAction.APPROVE.json(), opinion, null,
                reviewer.accountId(), now);
        TaskRow next = chain.stream().filter(t -> t.position() == task.position() + 1).findFirst().orElse(null);
        ApplicationStatus to = next == null ? ApplicationStatus.APPROVED : ApplicationStatus.IN_REVIEW;
        if (next != null) {
            ApplicationRows.setTask(c, next.taskId(), "pending", null, null, null, null, null);
        }
        Row saved = ApplicationRows.update(c, DatabaseApplications.withStatus(r, to), now);
        ApplicationRows.event(c, r.id(), now, reviewer.accountId(), reviewer.organisationId(), "approve",
                task.stepId(), r.status(), to, opinion, null);
        return ApplicationRows.view(c, saved);
    }

    /** Return or reject: this step decides, the steps after it are cancelled. */
    private static Application close(Connection c, Caller reviewer, Locked l, List<TaskRow> chain,
            ReviewAction action, String comment, String reasonCode, Instant now) throws SQLException {
        Row r = l.application();
        TaskRow task = l.task();
        ReviewStep step = l.step();
        requirePending(task);
        if (comment == null && (step.commentRequired().contains(action) || action == ReviewAction.RETURN)) {
            throw new WorkflowException(400, "comment-required", action == ReviewAction.RETURN
                    ? "退回须填写退回原因，申报人将看到它。" : "不予通过须填写理由。", action == ReviewAction.RETURN
                            ? "A return needs a comment; the applicant will see it." : "A rejection needs a reason.");
        }
        requireReason(l.descriptor().review().reasonsFor(action), reasonCode);
        String status = action == ReviewAction.RETURN ? "returned" : "rejected";
        ApplicationRows.setTask(c, task.taskId(), "pending", status, action.json(), comment, reasonCode,
                reviewer.accountId(), now);
        for (TaskRow later : chain) {
            if (later.position() > task.position()) {
                ApplicationRows.setTask(c, later.taskId(), "cancelled", null, null, null, null, null);
            }
        }
        ApplicationStatus to = action == ReviewAction.RETURN ? ApplicationStatus.RETURNED : ApplicationStatus.REJECTED;
        Row saved = ApplicationRows.update(c, DatabaseApplications.withStatus(r, to), now);
        ApplicationRows.event(c, r.id(), now, reviewer.accountId(), reviewer.organisationId(), action.json(),
                task.stepId(), r.status(), to, comment, reasonCode);
        return ApplicationRows.view(c, saved);
    }

    /**
     * A return or rejection gives one of the business's reason codes for that action when it lists any, and none
     * otherwise.
     */
    private static void requireReason(List<org.zhicheng.api.business.descriptor.ReasonCode> reasons,
            String reasonCode) {
        if (reasons.isEmpty()) {
            if (reasonCode != null) {
                throw new WorkflowException(400, "unknown-reason-code", "这项业务的这一操作不使用原因代码。",
                        "This business lists no reason codes for this action.");
            }
            return;
        }
        if (reasons.stream().noneMatch(r -> r.code().equals(reasonCode))) {
            String zh = reasons.stream().map(r -> r.code() + "（" + r.label().zh() + "）")
                    .collect(java.util.stream.Collectors.joining("、"));
            String en = reasons.stream().map(r -> r.code() + " (" + r.label().en() + ")")
                    .collect(java.util.stream.Collectors.joining(", "));
            throw new WorkflowException(400, reasonCode == null ? "reason-code-required" : "unknown-reason-code",
                    "请选择原因：" + zh + "。", "Choose a reason: " + en + ".");
        }
    }

    /**
     * FJ-6: pulls back this step's last action while nothing after it happened: the next step has not acted, and a
     * returned application was not resubmitted.
     */
    private static Application revoke(Connection c, Caller reviewer, Row r, TaskRow task, List<TaskRow> chain,
            Instant now) throws SQLException {
        if (task.actedAt() == null || task.submission() != r.submission()) {
            throw new WorkflowException(409, "nothing-to-revoke", "本环节没有可撤销的操作。",
                    "This step has no action to revoke.");
        }
        TaskRow next = chain.stream().filter(t -> t.position() == task.position() + 1).findFirst().orElse(null);
        boolean approved = "approved".equals(task.status());
        if (approved && next != null && next.actedAt() != null) {
            throw new WorkflowException(409, "next-step-acted", "下一环节已经处理，不能撤销。",
                    "The next step has already acted; this can no longer be revoked.");
        }
        if (!approved && r.status() != (("returned".equals(task.status())) ? ApplicationStatus.RETURNED
                : ApplicationStatus.REJECTED)) {
            throw new WorkflowException(409, "application-moved-on", "申报人已重新提交，不能撤销。",
                    "The applicant has already resubmitted; this can no longer be revoked.");
        }
        ApplicationRows.setTask(c, task.taskId(), task.status(), "pending", null, null, null, null, null);
        for (TaskRow later : chain) {
            if (later.position() > task.position()) {
                ApplicationRows.setTask(c, later.taskId(), "waiting", null, null, null, null, null);
            }
        }
        Row saved = ApplicationRows.update(c, DatabaseApplications.withStatus(r, ApplicationStatus.IN_REVIEW), now);
        ApplicationRows.event(c, r.id(), now, reviewer.accountId(), reviewer.organisationId(), "revoke",
                task.stepId(), r.status(), ApplicationStatus.IN_REVIEW, task.action(), null);
        return ApplicationRows.view(c, saved);
    }

    private static void requirePending(TaskRow task) {
        if (!"pending".equals(task.status())) {
            throw new WorkflowException(409, "task-not-pending", "该申报当前不在本环节待审（状态：" + task.status() + "）。",
                    "The application is not waiting at this step (status: " + task.status() + ").");
        }
    }

    private static void requireComment(ReviewStep step, ReviewAction action, String comment) {
        if (comment == null && step.commentRequired().contains(action)) {
            throw new WorkflowException(400, "comment-required", "请填写审核意见。", "Please enter your opinion.");
        }
    }

    private static WorkflowException alreadyActed(TaskRow task) {
        String when = task.actedAt().atZone(Windows.BEIJING).toLocalDateTime().toString().replace('T', ' ');
        return new WorkflowException(409, "already-acted", "该环节已于北京时间 " + when + " 被处理（" + task.action()
                + "），无需重复操作。", "This step was already acted on at " + when + " Beijing time (" + task.action() + ").");
    }

    private static WorkflowException heldAtGate() {
        // Applications held at a submit-all gate move on only all together (GD-PHOTO-5, CQ-REV-3).
        return new WorkflowException(409, "held-at-gate", "该申报在“全部提交”环节等待，须由本单位统一提交。",
                "The application waits at a submit-all gate; your organisation submits all of them at once.");
    }

    private static WorkflowException taskNotFound() {
        return new WorkflowException(404, "task-not-found", "审核任务不存在，或不属于您的单位和角色。",
                "No such review task for your organisation and role.");
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
