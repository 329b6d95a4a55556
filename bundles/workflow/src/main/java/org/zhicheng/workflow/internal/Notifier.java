package org.zhicheng.workflow.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Channel;
import org.zhicheng.api.business.descriptor.Notification;
import org.zhicheng.api.business.descriptor.NotificationEvent;
import org.zhicheng.api.business.descriptor.Recipient;
import org.zhicheng.api.notification.Outbox;
import org.zhicheng.workflow.internal.store.ApplicationRows.Row;
import org.zhicheng.workflow.internal.store.ApplicationRows.TaskRow;

/**
 * Writes the notifications a business declares for a workflow event (FJ-5) to the outbox, in the transaction of
 * the action, so a notice goes out exactly when the action commits. E-mail goes to registered addresses; SMS and
 * in-app channels need gateways the platform does not have yet, and are skipped with a log line.
 */
final class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private Notifier() {
    }

    /**
     * @param outbox the outbox, or null when the notification bundle is not installed (then nothing is sent)
     * @param chain the tasks of the current submission
     * @param next the task the application moves to, if any
     */
    static int notify(Connection c, Outbox outbox, BusinessDescriptor d, NotificationEvent event, Row application,
            List<TaskRow> chain, TaskRow next, String comment) throws SQLException {
        if (d.review() == null) {
            return 0;
        }
        int queued = 0;
        for (Notification n : d.review().notifications()) {
            if (n.on() != event) {
                continue;
            }
            if (!n.channels().contains(Channel.EMAIL)) {
                LOG.info("Notification {} of {} skipped: only e-mail is delivered so far", event, d.id());
                continue;
            }
            if (outbox == null) {
                LOG.warn("Notification {} of {} not sent: the notification bundle is not running", event, d.id());
                continue;
            }
            for (String address : addresses(c, n.to(), application, chain, next)) {
                outbox.enqueue(c, new Outbox.Email(address, subject(d, event), body(d, n, event, comment),
                        "workflow." + event.json()));
                queued++;
            }
        }
        return queued;
    }

    private static Set<String> addresses(Connection c, Recipient to, Row application, List<TaskRow> chain,
            TaskRow next) throws SQLException {
        Set<String> addresses = new LinkedHashSet<>();
        switch (to) {
            case APPLICANT -> addresses.addAll(query(c, "SELECT email FROM account WHERE id = ? AND status = 'active'",
                    application.applicantAccountId()));
            case NEXT_REVIEWERS -> {
                if (next != null) {
                    addresses.addAll(reviewers(c, next));
                }
            }
            case CHAIN_REVIEWERS -> {
                for (TaskRow t : chain) {
                    if (t.actedAt() != null) {
                        addresses.addAll(reviewers(c, t));
                    }
                }
            }
        }
        return addresses;
    }

    private static List<String> reviewers(Connection c, TaskRow task) throws SQLException {
        if (DatabaseReviews.ANY_REVIEWER.equals(task.role())) {
            return query(c, "SELECT DISTINCT a.email FROM account a JOIN account_role r ON r.account_id = a.id"
                    + " JOIN role_permission p ON p.role = r.role WHERE a.organisation_id = ? AND a.status = 'active'"
                    + " AND p.permission = 'review.act'", task.organisationId());
        }
        return query(c, "SELECT DISTINCT a.email FROM account a JOIN account_role r ON r.account_id = a.id"
                + " WHERE a.organisation_id = ? AND a.status = 'active' AND r.role = ?", task.organisationId(),
                task.role());
    }

    private static List<String> query(Connection c, String sql, String... params) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        values.add(rs.getString(1));
                    }
                }
            }
        }
        return values;
    }

    private static String subject(BusinessDescriptor d, NotificationEvent event) {
        return "【" + d.name().zh() + "】" + switch (event) {
            case SUBMITTED -> "已提交 / submitted";
            case APPROVED -> "审核通过 / approved at a step";
            case RETURNED -> "已退回 / returned";
            case REJECTED -> "不予通过 / rejected";
            case REVOKED -> "审核已撤销 / action revoked";
            case COMPLETED -> "已办结 / completed";
        };
    }

    private static String body(BusinessDescriptor d, Notification n, NotificationEvent event, String comment) {
        String zh = n.message() != null ? n.message().zh() : "您的“" + d.name().zh() + "”申报有新的办理结果，请登录系统查看。";
        String en = n.message() != null ? n.message().en() : "There is news about your \"" + d.name().en()
                + "\" application; please sign in to see it.";
        String why = comment == null ? "" : "\n\n意见 / Comment: " + comment;
        return zh + "\n\n" + en + why + "\n";
    }
}
