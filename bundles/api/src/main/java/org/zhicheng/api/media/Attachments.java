package org.zhicheng.api.media;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.zhicheng.api.identity.Caller;

/**
 * The files of applications. Uploads are the applicant's, into a draft, returned or withdrawn application of their
 * own; reading is for whoever may read the application. Every change is one transaction with the stored bytes and
 * is audited.
 */
@ProviderType
public interface Attachments {

    /**
     * Checks a file against its slot's rules and stores it. Nothing is stored when any check refuses it.
     *
     * @return the stored file, with any warnings a reviewer should see (e.g. an old capture date)
     * @throws MediaException 400 with one problem per failed check; 404 for an application or slot the caller
     *         cannot see; 409 when the application is not editable or the slot is full; 413 past the size limit or
     *         the application's quota
     */
    StoredFile upload(Caller applicant, String applicationId, Upload upload, String clientIp);

    /** The files of an application the caller may read, and the quota they use. */
    Listing list(Caller caller, String applicationId);

    /**
     * Opens one file of a slot for download.
     *
     * @throws MediaException 404 for a file the caller cannot see or that does not exist; 403 for the original of an
     *         application the caller only observes without {@code canDownload} (GD-PHOTO-6)
     */
    Download open(Caller caller, String applicationId, String slotId, String fileId, Variant variant);

    /**
     * Deletes one file of a slot of the caller's editable application.
     *
     * @throws MediaException 404 when absent; 409 when the application is not editable
     */
    void delete(Caller applicant, String applicationId, String slotId, String fileId, String clientIp);

    /**
     * Writes a zip of one slot's current files of every application of a business in the caller's scope, each
     * named as the slot's naming rule says (GD-PHOTO-6: by ID number).
     *
     * @param organisationId the unit or authority whose subtree to include; the caller's own when {@code null}
     * @return how many files were written
     * @throws MediaException 403 without {@code media.export}; 404 for an unknown business or slot
     */
    int zip(Caller caller, String businessId, String slotId, String organisationId, OutputStream out)
            throws IOException;

    /** Which bytes of a stored file to serve. */
    enum Variant {
        /** The bytes as uploaded, kept as evidence; always served as an attachment. */
        ORIGINAL,
        /** A re-encoded JPEG without metadata, for display (at most 1200 px). */
        PREVIEW,
        /** A small re-encoded JPEG for lists (at most 240 px). */
        THUMBNAIL
    }

    /**
     * A file to store.
     *
     * @param slotId the upload slot of the business
     * @param rowId the row of the slot's repeatable section, for a row slot (CQ-APP-4); {@code null} otherwise
     * @param fileName the name the client gave, used only for display and the extension's sanity
     * @param declaredLength the length the client declared, or -1; a declared length past the limit is refused
     *        before anything is read
     * @param content the bytes; read until the limit and not beyond
     * @param replaceFileId the file this one replaces (GD-CERT-3), or {@code null} to add
     */
    record Upload(String slotId, String rowId, String fileName, long declaredLength, java.io.InputStream content,
            String replaceFileId) {
    }

    /**
     * The files of an application.
     *
     * @param files the files, by slot and upload time
     * @param usedBytes the bytes they take
     * @param quotaBytes the business's quota per application, or {@code null} for none (CQ-APP-4: 120 MB)
     */
    record Listing(List<StoredFile> files, long usedBytes, Long quotaBytes) {
    }

    /**
     * Bytes to serve.
     *
     * @param fileName the name to offer (the slot's naming rule applied), with the variant's extension
     * @param mediaType the content type sniffed at upload, or {@code image/jpeg} for previews
     * @param size the length in bytes
     * @param sha256 the content's SHA-256, a strong ETag
     * @param content opens the bytes; the caller closes the stream
     */
    record Download(String fileName, String mediaType, long size, String sha256, Opener content) {
    }

    /** Opens the bytes of a download when the response is written. */
    @FunctionalInterface
    interface Opener {
        java.io.InputStream open() throws IOException;
    }
}
