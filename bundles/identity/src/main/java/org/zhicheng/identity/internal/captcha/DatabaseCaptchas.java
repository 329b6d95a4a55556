package org.zhicheng.identity.internal.captcha;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhicheng.api.identity.Captchas;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.identity.internal.crypto.Tokens;
import org.zhicheng.api.persistence.Transactions;

/**
 * Captchas kept in the database, so that any node can check one another node issued. Only hashes are stored;
 * {@link #consume} deletes the captcha whatever the answer, so each gets one guess.
 */
@Component(service = Captchas.class)
public final class DatabaseCaptchas implements Captchas {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final int DIGITS = 5;

    private final DataSource dataSource;
    private final Clock clock;
    private final Supplier<String> answers;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public DatabaseCaptchas(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema) {
        this(dataSource, Clock.systemUTC(), null);
    }

    /**
     * @param answers where answers come from (tests pass known ones); null for random digits
     */
    public DatabaseCaptchas(DataSource dataSource, Clock clock, Supplier<String> answers) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.answers = answers != null ? answers : this::randomDigits;
    }

    private String randomDigits() {
        StringBuilder digits = new StringBuilder(DIGITS);
        for (int i = 0; i < DIGITS; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    @Override
    public Captcha issue() {
        String id = Tokens.random(random);
        String answer = answers.get();
        byte[] png = CaptchaImage.png(answer, random);
        Instant now = clock.instant();
        Instant expires = now.plus(LIFETIME);
        Transactions.inTransaction(dataSource, "captcha", c -> {
            try (PreparedStatement purge = c.prepareStatement("DELETE FROM captcha WHERE expires_at < ?")) {
                purge.setObject(1, utc(now));
                purge.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO captcha (id_hash, answer_hash, expires_at) VALUES (?, ?, ?)")) {
                insert.setString(1, Tokens.sha256(id));
                insert.setString(2, Tokens.sha256(id + ':' + answer));
                insert.setObject(3, utc(expires));
                insert.executeUpdate();
            }
            return null;
        });
        return new Captcha(id, png, expires);
    }

    /**
     * Uses up a captcha: true when it exists, has not expired and the answer matches (full-width digits and
     * surrounding spaces are forgiven).
     */
    public static boolean consume(Connection c, String id, String answer, Instant now) throws SQLException {
        if (id == null || id.isEmpty() || id.length() > 100 || answer == null || answer.length() > 20) {
            return false;
        }
        String idHash = Tokens.sha256(id);
        String expected;
        Instant expires;
        try (PreparedStatement select = c.prepareStatement(
                "SELECT answer_hash, expires_at FROM captcha WHERE id_hash = ? FOR UPDATE")) {
            select.setString(1, idHash);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                expected = rs.getString(1);
                expires = rs.getObject(2, OffsetDateTime.class).toInstant();
            }
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM captcha WHERE id_hash = ?")) {
            delete.setString(1, idHash);
            delete.executeUpdate();
        }
        String typed = Normalizer.normalize(answer, Normalizer.Form.NFKC).strip();
        return now.isBefore(expires) && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                Tokens.sha256(id + ':' + typed).getBytes(StandardCharsets.US_ASCII));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
