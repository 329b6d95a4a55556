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
 * Writes the notifications a business declares for a workflow event (FJ-5: the candidate is told of a return by
 * SMS; reviewers see a pop-up) to the outbox, in the transaction of the action, so a notice goes out exactly when
 * the action commits. Recipients are accounts: e-mail goes to their registered addresses, SMS to the accounts
 * with a mobile number on file (the outbox looks the number up when it sends; accounts without one are skipped,
 * as nothing could reach them), and in-app messages to every account's inbox.
 */
final class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private Notifier() {
    }

    /**
     * @param outbox the outbox, or null when the notification bundle is not installed (then nothing is sent)
     * @param chain the tasks of the current submission
     * @param next the task the application moves to, if any
     * @return how many messages were queued or posted
     */
    static int notify(Connection c, Outbox outbox, BusinessDescriptor d, NotificationEvent event, Row application,
            List<TaskRow> chain, TaskRow next, String comment) throws SQLException {
        if (d.review() == null) {
            return 0;
        }
        int queued = 0;
        for (Notification n : d.review().notifications()) {
            if (n.on() != event || n.channels().isEmpty()) {
                continue;
            }
            if (outbox == null) {
                LOG.warn("Notification {} of {} not sent: the notification bundle is not running", event, d.id());
                continue;
            }
            Set<String> accounts = accounts(c, n.to(), application, chain, next);
            String purpose = "workflow." + event.json();
            for (Channel channel : new LinkedHashSet<>(n.channels())) {
                switch (channel) {
                    case EMAIL -> {
                        for (String address : emails(c, accounts)) {
                            outbox.enqueue(c, new Outbox.Email(address, subject(d, event), body(d, n, comment),
                                    purpose));
                            queued++;
                        }
                    }
                    case SMS -> {
                        for (String account : withMobile(c, accounts)) {
                            outbox.enqueue(c, new Outbox.Sms(account, sms(d, n), purpose));
                            queued++;
                        }
                    }
                    case IN_APP -> {
                        for (String account : accounts) {
                            outbox.enqueue(c, new Outbox.InApp(account, subject(d, event), body(d, n, comment),
                                    purpose));
                            queued++;
                        }
                    }
                }
            }
        }
        return queued;
    }

    /** The active accounts a recipient rule names, in a stable order, each once. */
    private static Set<String> accounts(Connection c, Recipient to, Row application, List<TaskRow> chain,
            TaskRow next) throws SQLException {
        Set<String> accounts = new LinkedHashSet<>();
        switch (to) {
            case APPLICANT -> accounts.addAll(query(c, "SELECT id FROM account WHERE id = ? AND status = 'active'",
                    application.applicantAccountId()));
            case NEXT_REVIEWERS -> {
                if (next != null) {
                    accounts.addAll(reviewers(c, next));
                }
            }
            case CHAIN_REVIEWERS -> {
                for (TaskRow t : chain) {
                    if (t.actedAt() != null) {
                        accounts.addAll(reviewers(c, t));
                    }
                }
            }
        }
        return accounts;
    }

    /** The accounts that may act on a task: its organisation's, in its role (or any reviewer). */
    private static List<String> reviewers(Connection c, TaskRow task) throws SQLException {
        if (DatabaseReviews.ANY_REVIEWER.equals(task.role())) {
            return query(c, "SELECT DISTINCT a.id FROM account a JOIN account_role r ON r.account_id = a.id"
                    + " JOIN role_permission p ON p.role = r.role WHERE a.organisation_id = ? AND a.status = 'active'"
                    + " AND p.permission = 'review.act' ORDER BY a.id", task.organisationId());
        }
        return query(c, "SELECT DISTINCT a.id FROM account a JOIN account_role r ON r.account_id = a.id"
                + " WHERE a.organisation_id = ? AND a.status = 'active' AND r.role = ? ORDER BY a.id",
                task.organisationId(), task.role());
    }

    /** The registered e-mail addresses of accounts, each address once. */
    private static Set<String> emails(Connection c, Set<String> accounts) throws SQLException {
        Set<String> addresses = new LinkedHashSet<>();
        for (String account : accounts) {
            addresses.addAll(query(c, "SELECT email FROM account WHERE id = ?", account));
        }
        return addresses;
    }

    /** The accounts whose person has a mobile number on file (FJ-2); the number itself stays encrypted. */
    private static List<String> withMobile(Connection c, Set<String> accounts) throws SQLException {
        List<String> reachable = new ArrayList<>();
        for (String account : accounts) {
            if (!query(c, "SELECT account_id FROM person WHERE account_id = ? AND mobile_enc IS NOT NULL", account)
                    .isEmpty()) {
                reachable.add(account);
            } else {
                LOG.info("SMS to account {} skipped: no mobile number on file", account);
            }
        }
        return reachable;
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

    private static String body(BusinessDescriptor d, Notification n, String comment) {
        String zh = n.message() != null ? n.message().zh() : "您的“" + d.name().zh() + "”申报有新的办理结果，请登录系统查看。";
        String en = n.message() != null ? n.message().en() : "There is news about your \"" + d.name().en()
                + "\" application; please sign in to see it.";
        String why = comment == null ? "" : "\n\n意见 / Comment: " + comment;
        return zh + "\n\n" + en + why + "\n";
    }

    /** An SMS is short and Chinese only; the comment is read after signing in. */
    private static String sms(BusinessDescriptor d, Notification n) {
        String text = "【" + d.name().zh() + "】" + (n.message() != null ? n.message().zh()
                : "您的申报有新的办理结果，请登录系统查看。");
        return text.length() > Outbox.MAX_SMS_TEXT ? text.substring(0, Outbox.MAX_SMS_TEXT) : text;
    }
}
