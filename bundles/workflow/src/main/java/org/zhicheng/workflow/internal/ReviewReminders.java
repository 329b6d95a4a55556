package org.zhicheng.workflow.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhicheng.api.notification.Outbox;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.api.persistence.Transactions;

/**
 * Reminds reviewers of applications waiting for them (FJ-5: reviewers see a pop-up reminder). Once a day, from
 * {@code reminder.hour} (Asia/Shanghai) on, every active reviewer account with pending review steps it may act on
 * that have waited longer than {@code reminder.afterDays} gets one in-app message with their count. A step waits
 * from when the step before it acted (or from the submission, for the first step).
 *
 * <p>Every node runs it; a row per account and day in {@code review_reminder}, written in the same transaction
 * as the message, makes sure an account is reminded at most once a day whichever node comes first. The set is
 * fixed for the day (steps waiting since before today's reminder hour minus {@code afterDays}), so a node that
 * starts late in the day still reminds, and a later look the same day reminds nobody twice.
 */
@Component(immediate = true, configurationPid = "org.zhicheng.workflow",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ReviewReminders.Settings.class)
public final class ReviewReminders {

    /** The workflow settings ({@code etc/org.zhicheng.workflow.cfg}). */
    @ObjectClassDefinition(name = "Zhicheng workflow")
    public @interface Settings {

        @AttributeDefinition(description = "Remind reviewers of review steps waiting longer than this many days;"
                + " 0 turns reminders off.")
        int reminder_afterDays() default 3;

        @AttributeDefinition(description = "The hour of the day (0-23, Asia/Shanghai) from which the day's reminders"
                + " are written.")
        int reminder_hour() default 9;
    }

    /** The time zone of the reminder hour and of "a day". */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** What the messages are for, in the inbox and in statistics. */
    static final String PURPOSE = "workflow.review-reminder";

    private static final Logger LOG = LoggerFactory.getLogger(ReviewReminders.class);
    private static final Duration LOOK_EVERY = Duration.ofMinutes(15);
    private static final int KEEP_DAYS = 31;

    private final DataSource dataSource;
    private final Outbox outbox;
    private final Clock clock;
    private final int afterDays;
    private final int hour;
    private ScheduledExecutorService scheduler;

    @Activate
    public ReviewReminders(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, @Reference Outbox outbox, Settings settings) {
        this(dataSource, outbox, Clock.systemUTC(), settings.reminder_afterDays(), settings.reminder_hour());
        if (afterDays == 0) {
            LOG.info("Review reminders are off (reminder.afterDays = 0)");
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zhicheng-review-reminders");
            t.setDaemon(true);
            return t;
        });
        // Looked at every quarter of an hour: cheap, and robust to restarts across the reminder hour.
        scheduler.scheduleWithFixedDelay(this::remindQuietly, 1, LOOK_EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    /**
     * For tests: reminders are written when {@link #remindDue()} is called, at the clock's time.
     *
     * @param afterDays 0 for off, else the days a step waits before its reviewers are reminded
     * @param hour 0 to 23, Asia/Shanghai
     */
    public ReviewReminders(DataSource dataSource, Outbox outbox, Clock clock, int afterDays, int hour) {
        if (afterDays < 0 || hour < 0 || hour > 23) {
            throw new IllegalArgumentException("reminder.afterDays must be 0 or more and reminder.hour 0 to 23, not "
                    + afterDays + " and " + hour);
        }
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.clock = clock;
        this.afterDays = afterDays;
        this.hour = hour;
    }

    @Deactivate
    void deactivate() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void remindQuietly() {
        try {
            remindDue();
        } catch (RuntimeException e) {
            LOG.warn("Review reminders failed this time: {}", e.getMessage());
        }
    }

    /**
     * Writes today's reminders not yet written (by this node or any other).
     *
     * @return how many accounts were reminded now; 0 when off, before the reminder hour, or all done already
     */
    public int remindDue() {
        if (afterDays == 0) {
            return 0;
        }
        ZonedDateTime now = clock.instant().atZone(ZONE);
        if (now.getHour() < hour) {
            return 0;
        }
        LocalDate today = now.toLocalDate();
        OffsetDateTime waitingSince = today.atTime(hour, 0).atZone(ZONE).minusDays(afterDays).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        Map<String, Integer> due = due(today, waitingSince);
        int reminded = 0;
        for (Map.Entry<String, Integer> account : due.entrySet()) {
            if (remind(account.getKey(), account.getValue(), today)) {
                reminded++;
            }
        }
        if (reminded > 0) {
            LOG.info("Reminded {} reviewer account(s) of review steps waiting more than {} days", reminded, afterDays);
            forgetBefore(today.minusDays(KEEP_DAYS));
        }
        return reminded;
    }

    /** Per account not yet reminded today: how many steps it may act on have waited since before the cut-off. */
    private Map<String, Integer> due(LocalDate today, OffsetDateTime waitingSince) {
        Map<String, Integer> due = new LinkedHashMap<>();
        // A step may be acted on by its organisation's reviewers in its role, or by any reviewer there when the
        // step names none (DatabaseReviews.reviewsFor); review.act is needed either way.
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT a.id, COUNT(DISTINCT t.task_id) FROM review_task t"
                        + " JOIN account a ON a.organisation_id = t.organisation_id AND a.status = 'active'"
                        + " JOIN account_role r ON r.account_id = a.id"
                        + " JOIN role_permission p ON p.role = r.role AND p.permission = 'review.act'"
                        + " WHERE t.status = 'pending' AND t.kind = 'step' AND (t.role = ? OR t.role = r.role)"
                        + " AND COALESCE((SELECT MAX(b.acted_at) FROM review_task b WHERE"
                        + " b.application_id = t.application_id AND b.submission = t.submission"
                        + " AND b.position < t.position), t.created_at) < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM review_reminder d WHERE d.account_id = a.id"
                        + " AND d.reminded_on = ?)"
                        + " GROUP BY a.id ORDER BY a.id")) {
            s.setString(1, DatabaseReviews.ANY_REVIEWER);
            s.setObject(2, waitingSince);
            s.setObject(3, today);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due.put(rs.getString(1), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("review reminders: database unavailable", e);
        }
        return due;
    }

    /** The claim rows only need to outlive their day; a month is kept for operators' questions. */
    private void forgetBefore(LocalDate day) {
        Transactions.inTransaction(dataSource, "review reminder clean-up", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM review_reminder WHERE reminded_on < ?")) {
                s.setObject(1, day);
                return s.executeUpdate();
            }
        });
    }

    /** Claims today's reminder of one account and posts it, together; false when another node was first. */
    private boolean remind(String accountId, int steps, LocalDate today) {
        return Transactions.inTransaction(dataSource, "review reminder", c -> {
            try (PreparedStatement claim = c.prepareStatement("INSERT INTO review_reminder (account_id, reminded_on,"
                    + " task_count, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                claim.setString(1, accountId);
                claim.setObject(2, today);
                claim.setInt(3, steps);
                claim.setObject(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                if (claim.executeUpdate() == 0) {
                    return false;
                }
            }
            outbox.enqueue(c, new Outbox.InApp(accountId, "待审提醒 / Review reminder",
                    "您有 " + steps + " 件申报等待审核已超过 " + afterDays + " 天，请及时处理。\n\n" + steps
                            + " application(s) have been waiting for your review for more than " + afterDays
                            + " days; please deal with them.\n", PURPOSE));
            return true;
        });
    }
}
