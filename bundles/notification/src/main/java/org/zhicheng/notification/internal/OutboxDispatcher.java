package org.zhicheng.notification.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhicheng.api.health.Health;
import org.zhicheng.api.health.HealthIndicator;
import org.zhicheng.api.persistence.DatabaseSchema;

import jakarta.mail.MessagingException;

/**
 * Delivers queued e-mails. Any number of nodes may run it: each message is claimed with {@code FOR UPDATE SKIP
 * LOCKED}, so two nodes never send the same one at once. Failures are retried with growing pauses (1, 2, 4 …
 * minutes, at most 6 hours) until {@code maxAttempts}; then the message is marked failed and health says so
 * for a day.
 * Delivery is at least once: a crash between sending and recording sends again.
 */
@Component(service = HealthIndicator.class, immediate = true, configurationPid = "org.zhicheng.notification",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = EmailSettings.class)
public final class OutboxDispatcher implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration LONGEST_PAUSE = Duration.ofHours(6);

    private final DataSource dataSource;
    private final Clock clock;
    private final SmtpSender sender;
    private final int maxAttempts;
    private final String configurationProblem;
    private ScheduledExecutorService scheduler;

    @Activate
    public OutboxDispatcher(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, EmailSettings settings) {
        this(dataSource, Clock.systemUTC(), settings);
        if (sender != null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "zhicheng-outbox");
                t.setDaemon(true);
                return t;
            });
            int poll = Math.max(1, settings.pollSeconds());
            scheduler.scheduleWithFixedDelay(this::deliverQuietly, poll, poll, TimeUnit.SECONDS);
        }
    }

    /** For tests: deliveries happen when {@link #deliverDue()} is called. */
    public OutboxDispatcher(DataSource dataSource, Clock clock, EmailSettings settings) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.maxAttempts = Math.max(1, settings.maxAttempts());
        SmtpSender configured = null;
        String problem = null;
        if (!settings.smtp_host().isBlank()) {
            try {
                configured = new SmtpSender(settings);
            } catch (MessagingException | IllegalArgumentException e) {
                problem = e.getMessage();
                LOG.error("E-mail delivery is off, its configuration is wrong: {}", problem);
            }
        }
        this.sender = configured;
        this.configurationProblem = problem;
    }

    @Deactivate
    void deactivate() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void deliverQuietly() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            LOG.warn("Outbox delivery round failed: {}", e.getMessage());
        }
    }

    /**
     * Sends every message that is due, one claim at a time.
     *
     * @return how many were sent
     */
    public int deliverDue() {
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        while (true) {
            Boolean outcome = deliverOne();
            if (outcome == null) {
                return sent;
            }
            if (outcome) {
                sent++;
            }
        }
    }

    /** True: sent; false: failed this time; null: nothing due. */
    private Boolean deliverOne() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Boolean outcome = claimAndSend(c);
                c.commit();
                return outcome;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("outbox unavailable: " + e.getMessage(), e);
        }
    }

    private Boolean claimAndSend(Connection c) throws SQLException {
        Instant now = clock.instant();
        String id;
        String recipient;
        String subject;
        String body;
        int attempts;
        try (PreparedStatement select = c.prepareStatement("SELECT id, recipient, subject, body, attempts FROM"
                + " notification_outbox WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at"
                + " FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED")) {
            select.setObject(1, utc(now));
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                id = rs.getString(1);
                recipient = rs.getString(2);
                subject = rs.getString(3);
                body = rs.getString(4);
                attempts = rs.getInt(5) + 1;
            }
        }
        try {
            sender.send(recipient, subject, body);
        } catch (MessagingException | RuntimeException e) {
            boolean giveUp = attempts >= maxAttempts;
            Duration pause = Duration.ofMinutes(1L << Math.min(attempts - 1, 20));
            if (pause.compareTo(LONGEST_PAUSE) > 0) {
                pause = LONGEST_PAUSE;
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE notification_outbox SET attempts = ?,"
                    + " status = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")) {
                update.setInt(1, attempts);
                update.setString(2, giveUp ? "failed" : "queued");
                // A failed message keeps the time it gave up, for health's "failed in the last day".
                update.setObject(3, utc(giveUp ? now : now.plus(pause)));
                String error = String.valueOf(e.getMessage());
                update.setString(4, error.length() > 500 ? error.substring(0, 500) : error);
                update.setString(5, id);
                update.executeUpdate();
            }
            LOG.warn("E-mail {} not delivered (attempt {} of {}): {}", id, attempts, maxAttempts, e.getMessage());
            return false;
        }
        // The body may hold a one-time link: once delivered it is not kept.
        try (PreparedStatement update = c.prepareStatement("UPDATE notification_outbox SET attempts = ?,"
                + " status = 'sent', sent_at = ?, body = '', last_error = NULL WHERE id = ?")) {
            update.setInt(1, attempts);
            update.setObject(2, utc(clock.instant()));
            update.setString(3, id);
            update.executeUpdate();
        }
        return true;
    }

    @Override
    public String name() {
        return "notification";
    }

    @Override
    public Health check() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("email", sender != null ? "configured" : configurationProblem != null ? "misconfigured"
                : "not configured");
        if (configurationProblem != null) {
            details.put("problem", configurationProblem);
        }
        int queued;
        int failed;
        try (Connection c = dataSource.getConnection(); PreparedStatement count = c.prepareStatement(
                "SELECT status, COUNT(*) FROM notification_outbox WHERE status = 'queued'"
                        + " OR status = 'failed' AND next_attempt_at > ? GROUP BY status")) {
            count.setObject(1, utc(clock.instant().minus(Duration.ofDays(1))));
            queued = 0;
            failed = 0;
            try (ResultSet rs = count.executeQuery()) {
                while (rs.next()) {
                    if ("queued".equals(rs.getString(1))) {
                        queued = rs.getInt(2);
                    } else {
                        failed = rs.getInt(2);
                    }
                }
            }
        } catch (SQLException e) {
            details.put("problem", "outbox unavailable");
            return Health.down(details);
        }
        details.put("queued", queued);
        details.put("failedInLastDay", failed);
        // Nothing is wrong until a message waits that cannot leave, or one gave up.
        boolean stuck = sender == null && queued > 0;
        return new Health(stuck || failed > 0 || configurationProblem != null ? Health.Status.DEGRADED
                : Health.Status.UP, details);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
