package org.zhicheng.workflow.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.zhicheng.api.audit.AuditEvent;
import org.zhicheng.api.audit.AuditTrail;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.NotificationEvent;
import org.zhicheng.api.business.descriptor.ReviewAction;
import org.zhicheng.api.business.descriptor.ReviewStep;
import org.zhicheng.api.identity.Caller;
import org.zhicheng.api.notification.Outbox;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.api.persistence.Transactions;
import org.zhicheng.api.registry.BusinessRegistry;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.api.workflow.ApplicationStatus;
import org.zhicheng.api.workflow.Reviews;
import org.zhicheng.api.workflow.WorkflowException;
import org.zhicheng.workflow.internal.rules.Windows;
import org.zhicheng.workflow.internal.store.ApplicationRows;
import org.zhicheng.workflow.internal.store.ApplicationRows.Row;
import org.zhicheng.workflow.internal.store.ApplicationRows.TaskRow;

/**
 * Reviewer queues and actions. An action locks the application row, then re-reads its task, so of two reviewers
 * acting at once exactly one changes anything and the other is told what the first did.
 */
@Component(service = Reviews.class)
public final class DatabaseReviews implements Reviews {

    /** The role a step names when any reviewer of its organisation may act. */
    static final String ANY_REVIEWER = "reviewer";

    private final DataSource dataSource;
    private final BusinessRegistry registry;
    private final AuditTrail audit;
    private final Clock clock;

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
    public List<Task> queue(Caller reviewer, Queue queue, String businessId, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new WorkflowException(400, "invalid-page", "分页参数无效：offset ≥ 0，limit 为 1 至 500。",
                    "Invalid page: offset >= 0 and limit 1 to 500.");
        }
        String sql = "SELECT t.task_id, t.application_id, a.business_id, t.step_id,"
                + " COALESCE(p.name, acc.display_name), a.organisation_id, a.status, a.submitted_at, t.acted_at,"
                + " t.role FROM review_task t JOIN application a ON a.id = t.application_id"
                + " JOIN account acc ON acc.id = a.applicant_account_id"
                + " LEFT JOIN person p ON p.account_id = a.applicant_account_id"
                + " WHERE t.organisation_id = ? AND t.status = ? AND t.kind = 'step'"
                + (businessId == null ? "" : " AND a.business_id = ?")
                + " ORDER BY a.submitted_at, t.task_id";
        List<Task> tasks = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, reviewer.organisationId());
            s.setString(2, queue.name().toLowerCase(Locale.ROOT));
            if (businessId != null) {
                s.setString(3, businessId);
            }
            int skipped = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next() && tasks.size() < limit) {
                    // The role filter is applied here: roles are few, and the query stays one index range.
                    if (!reviewsFor(reviewer, reviewer.organisationId(), rs.getString(10)) || skipped++ < offset) {
                        continue;
                    }
                    tasks.add(new Task(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), ApplicationStatus.valueOf(rs.getString(7)).text(),
                            instant(rs.getObject(8, OffsetDateTime.class)), instant(rs.getObject(9,
                                    OffsetDateTime.class))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("review queue unavailable: database unavailable", e);
        }
        return tasks;
    }

    @Override
    public Map<Queue, Integer> counts(Caller reviewer, String businessId) {
        Map<Queue, Integer> counts = new EnumMap<>(Queue.class);
        for (Queue q : Queue.values()) {
            counts.put(q, 0);
        }
        String sql = "SELECT t.status, t.role, COUNT(*) FROM review_task t JOIN application a ON a.id = t.application_id"
                + " WHERE t.organisation_id = ? AND t.kind = 'step'" + (businessId == null ? "" : " AND a.business_id = ?")
                + " GROUP BY t.status, t.role";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, reviewer.organisationId());
            if (businessId != null) {
                s.setString(2, businessId);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (!reviewsFor(reviewer, reviewer.organisationId(), rs.getString(2))) {
                        continue;
                    }
                    for (Queue q : Queue.values()) {
                        if (q.name().equalsIgnoreCase(rs.getString(1))) {
                            counts.merge(q, rs.getInt(3), Integer::sum);
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
        Instant now = clock.instant();
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > 2000) {
            throw new WorkflowException(400, "comment-too-long", "意见不能超过2000字。",
                    "The comment may have at most 2000 characters.");
        }
        boolean[] changed = new boolean[1];
        Application result = Transactions.inTransaction(dataSource, "review", c -> {
            TaskRow first = ApplicationRows.task(c, taskId).orElseThrow(DatabaseReviews::taskNotFound);
            Row r = ApplicationRows.lock(c, first.applicationId()).orElseThrow(DatabaseReviews::taskNotFound);
            // Re-read under the application's lock: another reviewer may have acted meanwhile.
            TaskRow task = ApplicationRows.task(c, taskId).orElseThrow(DatabaseReviews::taskNotFound);
            if (!reviewsFor(reviewer, task.organisationId(), task.role())) {
                throw taskNotFound();
            }
            BusinessDescriptor d = registry.byContentHash(r.contentHash()).orElseThrow(() ->
                    new IllegalStateException("descriptor of application " + r.id() + " missing")).descriptor();
            ReviewStep step = d.step(task.stepId()).orElse(null);
            if (step == null) {
                // Applications held at a submit-all gate move on only all together (GD-PHOTO-5, CQ-REV-3).
                throw new WorkflowException(409, "held-at-gate", "该申报在“全部提交”环节等待，须由本单位统一提交。",
                        "The application waits at a submit-all gate; your organisation submits all of them at once.");
            }
            if (!step.actions().contains(action)) {
                throw new WorkflowException(400, "action-not-allowed", "本环节不能执行“" + action.json() + "”操作。",
                        "This step does not allow \"" + action.json() + "\".");
            }
            if (action != ReviewAction.REVOKE && task.actedAt() != null) {
                if (reviewer.accountId().equals(task.actedBy()) && action.json().equals(task.action())) {
                    return ApplicationRows.view(c, r);
                }
                throw alreadyActed(task);
            }
            Windows.requireStepOpen(d, task.stepId(), now);
            changed[0] = true;
            List<TaskRow> chain = ApplicationRows.chain(c, r.id(), task.submission());
            Application after = switch (action) {
                case APPROVE -> approve(c, reviewer, r, task, chain, step, text, now);
                case RETURN -> close(c, reviewer, r, task, chain, step, ReviewAction.RETURN, text, reasonCode, now);
                case REJECT -> close(c, reviewer, r, task, chain, step, ReviewAction.REJECT, text, reasonCode, now);
                case REVOKE -> revoke(c, reviewer, r, task, chain, now);
                default -> throw new WorkflowException(501, "action-not-built",
                        "“" + action.json() + "”操作尚未开放。", "The \"" + action.json() + "\" action is not available yet.");
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
            Notifier.notify(c, outbox, d, event, r, updated, next, text);
            return after;
        });
        if (changed[0]) {
            audit.record(new AuditEvent("review." + action.json(), reviewer.actor(clientIp), "application", result.id(), null, null, "task " + taskId
                            + (reasonCode == null ? "" : ", reason " + reasonCode)));
        }
        return result;
    }

    private static Application approve(Connection c, Caller reviewer, Row r, TaskRow task, List<TaskRow> chain,
            ReviewStep step, String comment, Instant now) throws SQLException {
        requirePending(task);
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
    private static Application close(Connection c, Caller reviewer, Row r, TaskRow task, List<TaskRow> chain,
            ReviewStep step, ReviewAction action, String comment, String reasonCode, Instant now) throws SQLException {
        requirePending(task);
        if (comment == null && (step.commentRequired().contains(action) || action == ReviewAction.RETURN)) {
            throw new WorkflowException(400, "comment-required", action == ReviewAction.RETURN
                    ? "退回须填写退回原因，申报人将看到它。" : "不予通过须填写理由。", action == ReviewAction.RETURN
                            ? "A return needs a comment; the applicant will see it." : "A rejection needs a reason.");
        }
        if (reasonCode != null && !reasonCode.matches("[a-zA-Z0-9._-]{1,64}")) {
            throw new WorkflowException(400, "invalid-reason-code", "原因代码格式不正确。", "The reason code is malformed.");
        }
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

    private static WorkflowException taskNotFound() {
        return new WorkflowException(404, "task-not-found", "审核任务不存在，或不属于您的单位和角色。",
                "No such review task for your organisation and role.");
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
