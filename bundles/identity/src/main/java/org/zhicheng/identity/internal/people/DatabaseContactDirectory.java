package org.zhicheng.identity.internal.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhicheng.api.identity.ContactDirectory;
import org.zhicheng.api.persistence.DatabaseSchema;
import org.zhicheng.identity.internal.auth.IdentitySettings;
import org.zhicheng.identity.internal.crypto.PiiCipher;

/**
 * Decrypts what the platform needs of the person behind an account, stored SM4-GCM encrypted by {@link PersonRows}:
 * the mobile number (FJ-2) for the outbox's SMS (FJ-5) and the ID number that names their photos (GD-PHOTO-2). Like
 * the other people services it does not start without the personal-data keys; SMS then wait in the outbox, photo
 * uploads named by ID number are refused, and health says so.
 */
@Component(service = ContactDirectory.class, configurationPid = "org.zhicheng.identity")
public final class DatabaseContactDirectory implements ContactDirectory {

    private final DataSource dataSource;
    private final PiiCipher cipher;

    @Activate
    public DatabaseContactDirectory(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema, IdentitySettings settings) {
        this(dataSource, PiiCipher.fromConfiguration(settings.pii_keyId(), settings.pii_encryptionKey(),
                settings.pii_lookupKey()));
    }

    public DatabaseContactDirectory(DataSource dataSource, PiiCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    @Override
    public Optional<String> mobile(String accountId) {
        return decrypted(accountId, "mobile_enc", PersonRows.MOBILE_PURPOSE, "mobile number");
    }

    @Override
    public Optional<String> idNumber(String accountId) {
        return decrypted(accountId, "id_number_enc", PersonRows.ID_PURPOSE, "ID number");
    }

    private Optional<String> decrypted(String accountId, String column, String purpose, String what) {
        String sealed;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT p." + column
                + " FROM person p JOIN account a ON a.id = p.account_id"
                + " WHERE p.account_id = ? AND a.status <> 'deleted'")) {
            s.setString(1, accountId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                sealed = rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("contact directory unavailable: database unavailable", e);
        }
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(cipher.decrypt(sealed, purpose));
        } catch (IllegalArgumentException e) {
            // E.g. data protected with a key this node was not given: say so, never the ciphertext.
            throw new IllegalStateException("the " + what + " of account " + accountId + " cannot be read: "
                    + e.getMessage(), e);
        }
    }
}
