package org.zhicheng.certificates.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Numbering;
import org.zhicheng.api.certificates.CertificateException;

/**
 * Certificate numbers by the business's rule (GD-CERT-2), e.g. {@code {province}{year}{seq:8}}: the sequence row of
 * the business and year is incremented in the issuing transaction, which holds its lock until it commits, so
 * numbers are unique and a failed issue gives its number back: no gaps, whatever runs at once.
 */
final class Numbers {

    private static final Pattern SEQUENCE = Pattern.compile("\\{seq:(\\d{1,2})}");

    private Numbers() {
    }

    /** Creates the sequence row of the business and year if there is none yet, in a transaction of its own. */
    static void ensure(DataSource dataSource, String businessId, Numbering rule, LocalDate today) {
        int year = year(rule, today);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM certificate_sequence WHERE business_id = ?"
                    + " AND issue_year = ?")) {
                s.setString(1, businessId);
                s.setInt(2, year);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO certificate_sequence (business_id, issue_year,"
                    + " last_value) VALUES (?, ?, 0)")) {
                s.setString(1, businessId);
                s.setInt(2, year);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            // Another issuer created it at the same moment; the increment below finds it either way.
        }
    }

    /** The next number, taken under the sequence row's lock until the caller's transaction ends. */
    static String next(Connection c, BusinessDescriptor descriptor, Numbering rule, LocalDate today)
            throws SQLException {
        int year = year(rule, today);
        try (PreparedStatement s = c.prepareStatement("UPDATE certificate_sequence SET last_value = last_value + 1"
                + " WHERE business_id = ? AND issue_year = ?")) {
            s.setString(1, descriptor.id());
            s.setInt(2, year);
            if (s.executeUpdate() != 1) {
                throw new SQLException("no certificate sequence for " + descriptor.id() + " " + year);
            }
        }
        long value;
        try (PreparedStatement s = c.prepareStatement("SELECT last_value FROM certificate_sequence"
                + " WHERE business_id = ? AND issue_year = ?")) {
            s.setString(1, descriptor.id());
            s.setInt(2, year);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                value = rs.getLong(1);
            }
        }
        return format(rule.pattern(), descriptor.province(), today.getYear(), value);
    }

    static String format(String pattern, String province, int year, long value) {
        Matcher m = SEQUENCE.matcher(pattern);
        if (!m.find()) {
            throw new IllegalStateException("numbering pattern without {seq:N}: " + pattern);
        }
        int digits = Integer.parseInt(m.group(1));
        String sequence = String.format("%0" + digits + "d", value);
        if (sequence.length() > digits) {
            throw new CertificateException(409, "numbering-exhausted", "证书编号已用尽（" + digits + " 位序号）。",
                    "The certificate numbers are used up (" + digits + "-digit sequence).");
        }
        return m.replaceFirst(sequence).replace("{year}", String.valueOf(year))
                .replace("{province}", province.toUpperCase(java.util.Locale.ROOT));
    }

    private static int year(Numbering rule, LocalDate today) {
        return Boolean.TRUE.equals(rule.resetYearly()) ? today.getYear() : 0;
    }
}
