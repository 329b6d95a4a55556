package org.zhicheng.api.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Content-addressed storage for bytes (uploads, generated documents, frozen certificate photos). A blob is named
 * by the SHA-256 of its content, so storing the same bytes twice keeps one copy. Callers never reach a blob by a
 * name or path from a request: they keep its {@link BlobRef} in the owning record and check the caller's
 * permission on that record first.
 */
@ProviderType
public interface BlobStore {

    /**
     * Stores the bytes read from {@code content} (read to its end, not closed).
     *
     * @param content the bytes to store
     * @param maxBytes the most bytes accepted; reading stops and {@link BlobTooLargeException} is thrown past it
     * @return the reference of the stored content
     * @throws BlobTooLargeException when the content is longer than {@code maxBytes}
     * @throws IOException when reading or storing fails
     */
    BlobRef put(InputStream content, long maxBytes) throws IOException;

    /**
     * Stores the bytes read from {@code content} within the caller's transaction, so that the blob and the record
     * referring to it commit or roll back together: a failure leaves neither an orphan blob nor a dangling
     * reference. The blob's row stays locked until that transaction ends, so a concurrent
     * {@link #deleteIfUnreferenced} cannot remove content this transaction is about to refer to.
     *
     * @param connection the caller's connection, in a transaction
     * @param content the bytes to store
     * @param maxBytes the most bytes accepted
     * @return the reference of the stored content
     * @throws BlobTooLargeException when the content is longer than {@code maxBytes}
     * @throws IOException when reading or storing fails
     */
    BlobRef put(Connection connection, InputStream content, long maxBytes) throws IOException;

    /**
     * Deletes a blob within the caller's transaction when nothing refers to it any more. The blob's row is locked
     * first and only then is {@code unreferenced} asked, so a concurrent {@link #put(Connection, InputStream, long)}
     * of the same content either finishes first (and its reference is seen) or waits and stores the content again.
     *
     * @param connection the caller's connection, in a transaction
     * @param sha256 lower-case hex SHA-256 of the content
     * @param unreferenced answers, on that connection, whether no record refers to the blob any more
     * @return whether a blob was deleted
     * @throws IOException when the store cannot be written
     */
    boolean deleteIfUnreferenced(Connection connection, String sha256, ReferenceCheck unreferenced)
            throws IOException;

    /**
     * The check of every reference the platform's schema keeps to blobs: application files with their previews and
     * thumbnails, and certificates' frozen photos and signed PDFs (GD-CERT-3). Pass it to
     * {@link #deleteIfUnreferenced}, so that no owner of blobs can delete one another still holds.
     *
     * @since 1.2
     */
    ReferenceCheck schemaReferences();

    /** Whether no record refers to a blob, asked on the deleting transaction's connection. */
    @FunctionalInterface
    interface ReferenceCheck {
        boolean test(Connection connection, String sha256) throws java.sql.SQLException;
    }

    /**
     * Opens a stored blob.
     *
     * @param sha256 lower-case hex SHA-256 of the content
     * @return a stream over the content that the caller closes, or empty when no such blob exists
     * @throws IOException when the store cannot be read
     */
    Optional<InputStream> open(String sha256) throws IOException;

    /**
     * Describes a stored blob without reading it.
     *
     * @param sha256 lower-case hex SHA-256 of the content
     * @return its reference, or empty when no such blob exists
     * @throws IOException when the store cannot be read
     */
    Optional<BlobRef> stat(String sha256) throws IOException;

    /**
     * Deletes a blob irrevocably (e.g. CQ-APP-6, an applicant deleting an unreviewed application). The caller
     * makes sure no other record still refers to it.
     *
     * @param sha256 lower-case hex SHA-256 of the content
     * @return whether a blob was deleted
     * @throws IOException when the store cannot be written
     */
    boolean delete(String sha256) throws IOException;
}
