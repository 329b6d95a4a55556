package org.zhicheng.identity.internal.people;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhicheng.identity.internal.crypto.PiiCipher;
import org.zhicheng.persistence.internal.TestDatabases;

/**
 * FJ-5 SMS: the outbox reaches an applicant by account; the directory decrypts the number registered with the
 * person (FJ-2), which is stored only encrypted.
 */
class DatabaseContactDirectoryTest {

    @ParameterizedTest
    @MethodSource("org.zhicheng.persistence.internal.TestDatabases#both")
    void findsTheDecryptedMobileOfAnAccountsPersonOnly(TestDatabases.Factory factory) throws Exception {
        try (DatabaseRegistrationsTest.Fixture f = DatabaseRegistrationsTest.fixture(factory)) {
            String accountId = f.registrations().register(DatabaseRegistrationsTest.application("li.na",
                    DatabaseRegistrationsTest.ID, f.hospitalA()), "10.0.0.1");
            try (Connection c = f.db().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                    "SELECT mobile_enc, mobile_masked FROM person WHERE account_id = ?")) {
                s.setString(1, accountId);
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next());
                    assertFalse(rs.getString(1).contains("13800138000"), "stored only encrypted");
                    assertEquals("138****8000", rs.getString(2));
                }
            }
            DatabaseContactDirectory directory = new DatabaseContactDirectory(f.db().dataSource(),
                    DatabaseRegistrationsTest.CIPHER);
            assertEquals(Optional.of("13800138000"), directory.mobile(accountId));
            assertEquals(Optional.empty(), directory.mobile(f.reviewerA().accountId()), "no person, no number");
            assertEquals(Optional.empty(), directory.mobile("no-such-account"));
            // GD-PHOTO-2: files are named by the ID number, decrypted only for that.
            assertEquals(Optional.of(DatabaseRegistrationsTest.ID.toUpperCase(java.util.Locale.ROOT)),
                    directory.idNumber(accountId));
            assertEquals(Optional.empty(), directory.idNumber(f.reviewerA().accountId()));

            PiiCipher otherKey = new PiiCipher("t2", HexFormat.of().parseHex("00112233445566778899aabbccddeeff"),
                    "another lookup key, 32 bytes ok!".getBytes(StandardCharsets.US_ASCII));
            IllegalStateException unreadable = assertThrows(IllegalStateException.class,
                    () -> new DatabaseContactDirectory(f.db().dataSource(), otherKey).mobile(accountId));
            assertFalse(unreadable.getMessage().contains("v1."), "never the ciphertext: " + unreadable.getMessage());

            try (Connection c = f.db().dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                    "UPDATE account SET status = 'deleted' WHERE id = ?")) {
                s.setString(1, accountId);
                s.executeUpdate();
            }
            assertEquals(Optional.empty(), directory.mobile(accountId), "a deleted account is not reached");
            assertEquals(Optional.empty(), directory.idNumber(accountId));
        }
    }
}
