package org.zhicheng.identity.internal.captcha;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Counts failed sign-ins per username key and per client address, to decide when a captcha is needed (CQ-ORG-3).
 * Unknown usernames are counted like existing ones. A counter starts again after a quiet {@code window}; the
 * username's counter also after a complete sign-in.
 *
 * @param afterFailures failures on one username after which a captcha is needed (0: always)
 * @param addressAfterFailures failures from one client address after which a captcha is needed (0: always)
 * @param window how long a counter remembers its last failure
 */
public record LoginThrottle(int afterFailures, int addressAfterFailures, Duration window) {

    /** Never asks for a captcha. */
    public static final LoginThrottle OFF = new LoginThrottle(Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ofHours(1));

    public LoginThrottle {
        if (afterFailures < 0 || addressAfterFailures < 0 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("captcha thresholds >= 0 and a positive window are required");
        }
    }

    private static String user(String usernameKey) {
        return "user:" + usernameKey;
    }

    private static String address(String clientIp) {
        return "ip:" + (clientIp == null ? "unknown" : clientIp);
    }

    /**
     * Whether this attempt needs a captcha. Locks the username's counter (creating it if need be) until the
     * transaction ends, so that attempts on one username, known or not, run one after the other and always in the
     * same lock order: this counter first, then the account.
     */
    public boolean captchaRequired(Connection c, String usernameKey, String clientIp, Instant now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO login_throttle (subject, failures,"
                + " last_failure_at) VALUES (?, 0, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, user(usernameKey));
            insert.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.executeUpdate();
        }
        int userFailures = failures(c, user(usernameKey), now, true);
        return afterFailures == 0 || addressAfterFailures == 0 || userFailures >= afterFailures
                || failures(c, address(clientIp), now, false) >= addressAfterFailures;
    }

    /** As {@link #captchaRequired(Connection, String, String, Instant)}, only looking: no lock, no row. */
    public boolean captchaRequiredPeek(Connection c, String usernameKey, String clientIp, Instant now)
            throws SQLException {
        return afterFailures == 0 || addressAfterFailures == 0
                || failures(c, user(usernameKey), now, false) >= afterFailures
                || failures(c, address(clientIp), now, false) >= addressAfterFailures;
    }

    private int failures(Connection c, String subject, Instant now, boolean lock) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT failures, last_failure_at FROM login_throttle"
                + " WHERE subject = ?" + (lock ? " FOR UPDATE" : ""))) {
            select.setString(1, subject);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || rs.getObject(2, OffsetDateTime.class).toInstant().plus(window).isBefore(now)) {
                    return 0;
                }
                return rs.getInt(1);
            }
        }
    }

    /**
     * Counts a failed attempt against the username and the address. The address's counter is locked only here,
     * at the end of the attempt, so that sign-ins from one address (a hospital behind one NAT) do not queue.
     */
    public void failed(Connection c, String usernameKey, String clientIp, Instant now) throws SQLException {
        count(c, user(usernameKey), now);
        count(c, address(clientIp), now);
    }

    private void count(Connection c, String subject, Instant now) throws SQLException {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        OffsetDateTime stale = OffsetDateTime.ofInstant(now.minus(window), ZoneOffset.UTC);
        // Update, else insert; a concurrent insert of the same subject loses and updates instead.
        for (int round = 0; round < 2; round++) {
            try (PreparedStatement update = c.prepareStatement("UPDATE login_throttle SET failures = CASE WHEN"
                    + " last_failure_at < ? THEN 1 ELSE failures + 1 END, last_failure_at = ? WHERE subject = ?")) {
                update.setObject(1, stale);
                update.setObject(2, at);
                update.setString(3, subject);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO login_throttle (subject, failures,"
                    + " last_failure_at) VALUES (?, 1, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, subject);
                insert.setObject(2, at);
                if (insert.executeUpdate() > 0) {
                    return;
                }
            }
        }
        throw new SQLException("could not count a failed sign-in for " + subject);
    }

    /** A complete sign-in: the username starts afresh, and counters quiet for a whole window are dropped. */
    public void succeeded(Connection c, String usernameKey, Instant now) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM login_throttle WHERE subject = ? OR last_failure_at < ?")) {
            delete.setString(1, user(usernameKey));
            delete.setObject(2, OffsetDateTime.ofInstant(now.minus(window), ZoneOffset.UTC));
            delete.executeUpdate();
        }
    }
}
