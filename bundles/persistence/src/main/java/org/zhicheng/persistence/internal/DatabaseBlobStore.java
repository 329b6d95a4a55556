package org.zhicheng.persistence.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.zhicheng.api.persistence.BlobRef;
import org.zhicheng.api.persistence.BlobStore;
import org.zhicheng.api.persistence.BlobTooLargeException;
import org.zhicheng.api.persistence.DatabaseSchema;

/**
 * The default blob store: content in the {@code blob} table, keyed by SHA-256. Incoming bytes are spooled to a
 * temporary file while they are hashed and counted, so memory stays bounded whatever the upload size, and an
 * oversized upload is refused before anything reaches the database.
 */
@Component(service = BlobStore.class, property = "zhicheng.blobstore=database")
public final class DatabaseBlobStore implements BlobStore {

    private static final int BUFFER = 64 * 1024;

    private final DataSource dataSource;

    @Activate
    public DatabaseBlobStore(@Reference(target = "(osgi.jndi.service.name=zhicheng)") DataSource dataSource,
            @Reference DatabaseSchema schema) {
        this.dataSource = dataSource;
    }

    @Override
    public BlobRef put(InputStream content, long maxBytes) throws IOException {
        Path spool = Files.createTempFile("zhicheng-blob-", ".tmp");
        try {
            BlobRef ref = spool(content, maxBytes, spool);
            if (stat(ref.sha256()).isEmpty()) {
                try (Connection connection = dataSource.getConnection()) {
                    insert(connection, ref, spool);
                } catch (SQLException e) {
                    // Two callers storing the same new content at once: the loser finds the winner's row.
                    if (stat(ref.sha256()).isEmpty()) {
                        throw new IOException("cannot store blob " + ref.sha256(), e);
                    }
                }
            }
            return ref;
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @Override
    public BlobRef put(Connection connection, InputStream content, long maxBytes) throws IOException {
        Path spool = Files.createTempFile("zhicheng-blob-", ".tmp");
        try {
            BlobRef ref = spool(content, maxBytes, spool);
            if (!lock(connection, ref.sha256())) {
                // A savepoint, because on PostgreSQL a failed statement would otherwise abort the caller's whole
                // transaction: the concurrent writer of the same content wins and its row is locked instead.
                Savepoint beforeInsert = connection.setSavepoint();
                try {
                    insert(connection, ref, spool);
                    connection.releaseSavepoint(beforeInsert);
                } catch (SQLException e) {
                    connection.rollback(beforeInsert);
                    if (!lock(connection, ref.sha256())) {
                        throw new IOException("cannot store blob " + ref.sha256(), e);
                    }
                }
            }
            return ref;
        } catch (SQLException e) {
            throw new IOException("cannot store blob", e);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @Override
    public boolean deleteIfUnreferenced(Connection connection, String sha256, ReferenceCheck unreferenced)
            throws IOException {
        if (!BlobRef.isSha256(sha256)) {
            return false;
        }
        try {
            if (!lock(connection, sha256) || !unreferenced.test(connection, sha256)) {
                return false;
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM blob WHERE sha256 = ?")) {
                delete.setString(1, sha256);
                return delete.executeUpdate() > 0;
            }
        } catch (SQLException e) {
            throw new IOException("cannot delete blob " + sha256, e);
        }
    }

    @Override
    public ReferenceCheck schemaReferences() {
        return DatabaseBlobStore::unreferenced;
    }

    /** No application file, preview, thumbnail, certificate photo or certificate PDF refers to the blob. */
    private static boolean unreferenced(Connection c, String sha256) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM application_file WHERE sha256 = ?"
                + " OR preview_sha256 = ? OR thumbnail_sha256 = ? UNION ALL SELECT 1 FROM certificate"
                + " WHERE photo_sha256 = ? OR pdf_sha256 = ?")) {
            for (int i = 1; i <= 5; i++) {
                s.setString(i, sha256);
            }
            s.setMaxRows(1);
            try (ResultSet rs = s.executeQuery()) {
                return !rs.next();
            }
        }
    }

    /** Locks the blob's row until the transaction ends; whether it exists. */
    private static boolean lock(Connection connection, String sha256) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT sha256 FROM blob WHERE sha256 = ? FOR UPDATE")) {
            select.setString(1, sha256);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Copies the content to the spool file while hashing and counting it; refuses it past {@code maxBytes}. */
    private static BlobRef spool(InputStream content, long maxBytes, Path spool) throws IOException {
        MessageDigest sha256 = sha256();
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(spool), sha256)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = content.read(buffer)) != -1;) {
                size += n;
                if (size > maxBytes) {
                    throw new BlobTooLargeException(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        }
        return new BlobRef(HexFormat.of().formatHex(sha256.digest()), size);
    }

    private static void insert(Connection connection, BlobRef ref, Path spool) throws SQLException, IOException {
        try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO blob (sha256, size_bytes, content, created_at) VALUES (?, ?, ?, ?)");
                InputStream bytes = Files.newInputStream(spool)) {
            insert.setString(1, ref.sha256());
            insert.setLong(2, ref.size());
            insert.setBinaryStream(3, bytes, ref.size());
            insert.setTimestamp(4, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) throws IOException {
        if (!BlobRef.isSha256(sha256)) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT content FROM blob WHERE sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet rs = select.executeQuery()) {
                // The row is read while the connection is open; PostgreSQL's bytea arrives whole anyway.
                return rs.next() ? Optional.of(new ByteArrayInputStream(rs.getBytes(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IOException("cannot read blob " + sha256, e);
        }
    }

    @Override
    public Optional<BlobRef> stat(String sha256) throws IOException {
        if (!BlobRef.isSha256(sha256)) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT size_bytes FROM blob WHERE sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new BlobRef(sha256, rs.getLong(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IOException("cannot read blob " + sha256, e);
        }
    }

    @Override
    public boolean delete(String sha256) throws IOException {
        if (!BlobRef.isSha256(sha256)) {
            return false;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM blob WHERE sha256 = ?")) {
            delete.setString(1, sha256);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IOException("cannot delete blob " + sha256, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
