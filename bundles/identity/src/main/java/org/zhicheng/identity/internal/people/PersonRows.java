package org.zhicheng.identity.internal.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.zhicheng.identity.internal.crypto.PiiCipher;
import org.zhicheng.identity.internal.validation.ResidentIdNumber;

/**
 * The {@code person} table: ID and mobile numbers only encrypted (SM4-GCM), with their keyed hashes for lookup
 * and their masked forms (CQ-APP-1, CQ-ORG-5).
 */
final class PersonRows {

    static final String ID_PURPOSE = "person.idNumber";
    static final String MOBILE_PURPOSE = "person.mobile";

    private PersonRows() {
    }

    /** Inserts the person behind an account. */
    static void insert(Connection c, PiiCipher cipher, Clock clock, ResidentIdNumber number, String name,
            String mobile, String staffType, String accountId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO person (id, id_type, id_number_enc,"
                + " id_number_hash, id_number_masked, name, sex, birth_date, mobile_enc, mobile_hash, mobile_masked,"
                + " staff_type, account_id, created_at, row_version)"
                + " VALUES (?, 'resident-id', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            s.setString(1, UUID.randomUUID().toString());
            s.setString(2, cipher.encrypt(number.value(), ID_PURPOSE));
            s.setString(3, cipher.lookupHash(number.value(), ID_PURPOSE));
            s.setString(4, number.masked());
            s.setString(5, name);
            s.setString(6, number.sex().name().toLowerCase(Locale.ROOT));
            s.setObject(7, number.birthDate());
            s.setString(8, mobile == null ? null : cipher.encrypt(mobile, MOBILE_PURPOSE));
            s.setString(9, mobile == null ? null : cipher.lookupHash(mobile, MOBILE_PURPOSE));
            s.setString(10, mobile == null ? null : mobile.substring(0, 3) + "****" + mobile.substring(7));
            s.setString(11, staffType);
            s.setString(12, accountId);
            s.setObject(13, OffsetDateTime.now(clock));
            s.executeUpdate();
        }
    }

    /** The unit (id and name) and the account holding a registration of this ID number, if any (CQ-ORG-5). */
    static Optional<String[]> unitHolding(Connection c, String idHash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT o.id, o.name, a.id FROM person p"
                + " JOIN account a ON a.id = p.account_id JOIN organisation o ON o.id = a.organisation_id"
                + " WHERE p.id_type = 'resident-id' AND p.id_number_hash = ?")) {
            s.setString(1, idHash);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                        : Optional.empty();
            }
        }
    }

    /** A mobile number without spaces or dashes, or a problem when given but not 11 digits starting with 1. */
    static String mobile(String typed) {
        return typed == null || typed.isBlank() ? null : typed.replaceAll("[\\s-]", "");
    }

    static boolean validMobile(String mobile) {
        return mobile == null || mobile.matches("1\\d{10}");
    }
}
