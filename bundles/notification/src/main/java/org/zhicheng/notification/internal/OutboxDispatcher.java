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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhicheng.api.business.descriptor.Channel;
import org.zhicheng.api.health.Health;
import org.zhicheng.api.health.HealthIndicator;
import org.zhicheng.api.identity.ContactDirectory;
import org.zhicheng.api.notification.Message;
import org.zhicheng.api.notification.SendException;
import org.zhicheng.api.notification.Sender;
import org.zhicheng.api.persistence.DatabaseSchema;

import jakarta.mail.MessagingException;

/**
 * Delivers queued messages, each through the {@link Sender} that serves its channel (FJ-5 SMS, GD-PHOTO-7 e-mail):
 * the registered sender with the highest ranking, or the built-in SMTP sender for e-mail when none outranks it. A
 * message whose channel has no sender now (or an SMS while no {@link ContactDirectory} runs) waits in the queue
 * and health turns DEGRADED; it is never dropped. An SMS's number is looked up for the attempt only: the row keeps
 * the account, and from the first attempt on the masked number.
 *
 * <p>Any number of nodes may run it: each message is claimed with {@code FOR UPDATE SKIP LOCKED}, so two nodes
 * never send the same one at once. Temporary failures are retried with growing pauses (1, 2, 4 … minutes, at most
 * 6 hours) until {@code maxAttempts}; a permanent failure (a refused address, an account without a mobile number)
 * gives up at once. A message given up is marked failed and health says so for a day. Delivery is at least once:
 * a crash between sending and recording sends again.
 */
@Component(service = HealthIndicator.class, immediate = true, configurationPid = "org.zhicheng.notification",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = EmailSettings.class)
public final class OutboxDispatcher implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration LONGEST_PAUSE = Duration.ofHours(6);
    private static final int MAX_ERROR = 500;

    private final DataSource dataSource;
    private final Clock clock;
    private final Senders senders = new Senders();
    private final int maxAttempts;
    private final String configurationProblem;
    private volatile ContactDirectory contacts;
    private ScheduledExecutorService scheduler;

    @Activate
    public OutboxDispatcher(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, EmailSettings settings) {
        this(dataSource, Clock.systemUTC(), settings);
        // Always polled: senders come and go at run time, and a waiting message must leave once one appears.
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zhicheng-outbox");
            t.setDaemon(true);
            return t;
        });
        int poll = Math.max(1, settings.pollSeconds());
        scheduler.scheduleWithFixedDelay(this::deliverQuietly, poll, poll, TimeUnit.SECONDS);
    }

    /** For tests: deliveries happen when {@link #deliverDue()} is called; senders are added by hand. */
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
        this.configurationProblem = problem;
        if (configured != null) {
            // Ranking 0 and before every registered service: a registered e-mail sender needs a ranking above 0.
            senders.add(configured, 0, -1L);
        }
    }

    /** A sender registered by any bundle (the logging SMS sender, an SMS gateway, another mail service). */
    @Reference(service = Sender.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeSender")
    public void addSender(Sender sender, Map<String, Object> properties) {
        try {
            senders.add(sender, properties);
        } catch (IllegalArgumentException e) {
            LOG.warn("Sender {} ignored: {}", sender.getClass().getName(), e.getMessage());
        }
    }

    public void removeSender(Sender sender) {
        senders.remove(sender);
    }

    /** The identity bundle's directory of mobile numbers; without it SMS wait. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetContacts")
    public void setContacts(ContactDirectory directory) {
        this.contacts = directory;
    }

    public void unsetContacts(ContactDirectory directory) {
        if (this.contacts == directory) {
            this.contacts = null;
        }
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

    /** The channels whose messages can leave now: a sender serves them, and for SMS the directory runs. */
    private List<Channel> ready() {
        List<Channel> ready = new ArrayList<>(senders.channels());
        if (contacts == null) {
            ready.remove(Channel.SMS);
        }
        return ready;
    }

    /**
     * Sends every message that is due and whose channel can leave now, one claim at a time.
     *
     * @return how many were sent
     */
    public int deliverDue() {
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
        List<Channel> ready = ready();
        if (ready.isEmpty()) {
            return null;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Boolean outcome = claimAndSend(c, ready);
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

    /** A claimed row. */
    private record Claimed(String id, Channel channel, String recipient, String accountId, String subject,
            String body, String purpose, int attempts) {
    }

    private Boolean claimAndSend(Connection c, List<Channel> ready) throws SQLException {
        Instant now = clock.instant();
        Claimed row;
        String in = String.join(", ", java.util.Collections.nCopies(ready.size(), "?"));
        try (PreparedStatement select = c.prepareStatement("SELECT id, channel, recipient, recipient_account_id,"
                + " subject, body, purpose, attempts FROM notification_outbox WHERE status = 'queued'"
                + " AND next_attempt_at <= ? AND channel IN (" + in + ") ORDER BY next_attempt_at"
                + " FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED")) {
            select.setObject(1, utc(now));
            for (int i = 0; i < ready.size(); i++) {
                select.setString(i + 2, ready.get(i).json());
            }
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                row = new Claimed(rs.getString(1), Channel.fromJson(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8) + 1);
            }
        }
        Optional<Sender> sender = senders.forChannel(row.channel());
        if (sender.isEmpty()) {
            // Its sender left between the look and the claim: the message stays as it was, for the next round.
            return null;
        }
        String address = row.recipient();
        String shown = row.recipient();
        if (row.channel() == Channel.SMS) {
            ContactDirectory directory = contacts;
            if (directory == null) {
                return null;
            }
            Optional<String> number;
            try {
                number = directory.mobile(row.accountId());
            } catch (RuntimeException e) {
                return failed(c, row, shown, null, false, "contact directory: " + e.getMessage(), now);
            }
            if (number.isEmpty()) {
                return failed(c, row, shown, null, true, "no mobile number on file for account " + row.accountId()
                        + " / 该账号未登记手机号", now);
            }
            address = number.get();
            shown = Masks.mobile(address);
        }
        try {
            sender.get().send(new Message(row.id(), row.channel(), address, row.subject(), row.body(), row.purpose()));
        } catch (SendException e) {
            return failed(c, row, shown, address, e.permanent(), e.getMessage(), now);
        } catch (RuntimeException e) {
            return failed(c, row, shown, address, false, e.getClass().getSimpleName() + ": " + e.getMessage(), now);
        }
        // The body may hold a one-time link: once delivered it is not kept.
        try (PreparedStatement update = c.prepareStatement("UPDATE notification_outbox SET attempts = ?,"
                + " status = 'sent', sent_at = ?, body = '', last_error = NULL, recipient = ? WHERE id = ?")) {
            update.setInt(1, row.attempts());
            update.setObject(2, utc(clock.instant()));
            update.setString(3, shown);
            update.setString(4, row.id());
            update.executeUpdate();
        }
        return true;
    }

    /**
     * Records a failed attempt: queued again after a pause, or failed for good when it is permanent or the last
     * attempt. The plain address never reaches the row or the log, even when the sender's error repeats it.
     */
    private Boolean failed(Connection c, Claimed row, String shown, String address, boolean permanent, String why,
            Instant now) throws SQLException {
        int attempts = row.attempts();
        boolean giveUp = permanent || attempts >= maxAttempts;
        Duration pause = Duration.ofMinutes(1L << Math.min(attempts - 1, 20));
        if (pause.compareTo(LONGEST_PAUSE) > 0) {
            pause = LONGEST_PAUSE;
        }
        String error = String.valueOf(why);
        if (address != null && !address.isEmpty()) {
            error = error.replace(address, row.channel() == Channel.EMAIL ? Masks.email(address) : shown);
        }
        if (error.length() > MAX_ERROR) {
            error = error.substring(0, MAX_ERROR);
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE notification_outbox SET attempts = ?,"
                + " status = ?, next_attempt_at = ?, last_error = ?, recipient = ? WHERE id = ?")) {
            update.setInt(1, attempts);
            update.setString(2, giveUp ? "failed" : "queued");
            // A failed message keeps the time it gave up, for health's "failed in the last day".
            update.setObject(3, utc(giveUp ? now : now.plus(pause)));
            update.setString(4, error);
            update.setString(5, shown);
            update.setString(6, row.id());
            update.executeUpdate();
        }
        LOG.warn("{} {} for {} not delivered (attempt {} of {}{}): {}", row.channel().json(), row.id(),
                row.purpose(), attempts, maxAttempts, permanent ? ", permanent" : "", error);
        return false;
    }

    @Override
    public String name() {
        return "notification";
    }

    @Override
    public Health check() {
        Map<String, Object> details = new LinkedHashMap<>();
        Optional<Sender> email = senders.forChannel(Channel.EMAIL);
        details.put("email", email.isPresent() ? "configured" : configurationProblem != null ? "misconfigured"
                : "not configured");
        if (configurationProblem != null) {
            details.put("problem", configurationProblem);
        }
        Optional<Sender> sms = senders.forChannel(Channel.SMS);
        details.put("sms", sms.isEmpty() ? "no sender" : contacts == null ? "no contact directory"
                : sms.get() instanceof LoggingSmsSender ? "logged only (no gateway)" : "gateway");
        List<Channel> ready = ready();
        int queued = 0;
        int failed = 0;
        Map<String, Integer> waiting = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement count = c.prepareStatement(
                "SELECT status, channel, COUNT(*) FROM notification_outbox WHERE status = 'queued'"
                        + " OR status = 'failed' AND next_attempt_at > ? GROUP BY status, channel")) {
            count.setObject(1, utc(clock.instant().minus(Duration.ofDays(1))));
            try (ResultSet rs = count.executeQuery()) {
                while (rs.next()) {
                    int n = rs.getInt(3);
                    if ("queued".equals(rs.getString(1))) {
                        queued += n;
                        String channel = rs.getString(2);
                        if (ready.stream().noneMatch(r -> r.json().equals(channel))) {
                            waiting.merge(channel, n, Integer::sum);
                        }
                    } else {
                        failed += n;
                    }
                }
            }
        } catch (SQLException e) {
            details.put("problem", "outbox unavailable");
            return Health.down(details);
        }
        details.put("queued", queued);
        if (!waiting.isEmpty()) {
            // Messages that cannot leave until a sender (or, for SMS, the contact directory) appears.
            details.put("waitingForSender", waiting);
        }
        details.put("failedInLastDay", failed);
        return new Health(!waiting.isEmpty() || failed > 0 || configurationProblem != null ? Health.Status.DEGRADED
                : Health.Status.UP, details);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
