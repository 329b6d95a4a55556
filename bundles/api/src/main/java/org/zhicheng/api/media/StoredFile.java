package org.zhicheng.api.media;

import java.time.Instant;
import java.util.List;

import org.zhicheng.api.business.FieldProblem;

/**
 * A file stored in an upload slot.
 *
 * @param id the file id
 * @param slotId the upload slot
 * @param rowId the row of a row slot, or {@code null}
 * @param fileName the stored name (the slot's naming rule applied, GD-PHOTO-2), with its extension
 * @param originalName the name the client gave
 * @param mediaType the type sniffed from the bytes, e.g. {@code image/jpeg}
 * @param size the length in bytes
 * @param sha256 the SHA-256 of the bytes; the evidence hash of the FJ-5 match checks
 * @param width the width in pixels as displayed, for images; {@code null} otherwise
 * @param height the height in pixels as displayed, for images; {@code null} otherwise
 * @param pages the page count, for PDFs; {@code null} otherwise
 * @param warnings what a reviewer should know but did not refuse the file (e.g. capture date older than allowed)
 * @param uploadedAt when it was stored
 */
public record StoredFile(String id, String slotId, String rowId, String fileName, String originalName,
        String mediaType, long size, String sha256, Integer width, Integer height, Integer pages,
        List<FieldProblem> warnings, Instant uploadedAt) {
}
