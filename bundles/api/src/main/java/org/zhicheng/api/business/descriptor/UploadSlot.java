package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * A place where the applicant uploads files, with the rules every file must pass before it is stored
 * (GD-PHOTO-2 photo; CQ-APP-4 PDF evidence; FJ-3 certificate images). The platform sniffs the content, bounds the
 * decoded size before decoding and refuses what it cannot parse, whatever the file's name says.
 *
 * @param id the slot id, unique in the business; also the {@code {slot}} of the files API
 * @param name the display name, e.g. 居民身份证（正面） / ID card (front)
 * @param help guidance shown with the slot, e.g. what the scan must show
 * @param accept the accepted file types (at least one)
 * @param maxBytes the most bytes of one file (GD-PHOTO-2: 600 KB; FJ-3: 3 MB; CQ-APP-4: 10 MB)
 * @param minFiles the least number of files when the slot is required; default 1
 * @param maxFiles the most files the slot holds (per row for a row slot); default 1 (CQ-APP-4: one PDF per slot)
 * @param required whether the slot must hold a file at submission; default false
 * @param requiredWhen the slot is required only when this holds, e.g. when the field it backs is answered (FJ-3)
 *     or for "other" applicants only (CQ-APP-1 archive check)
 * @param backs the answers the files evidence, shown beside the file for the match check (FJ-5), and the
 *     repeatable section whose rows each have their own files (CQ-APP-4); {@code null} when the slot stands alone
 * @param image rules for image files; {@code null} when there are none
 * @param pdf rules for PDF files; {@code null} when there are none
 * @param fileName the rule naming the stored file (GD-PHOTO-2: by ID number); {@code null} to keep the name
 * @param template a document the applicant downloads, signs and uploads here (CQ-DOC-3 workload table)
 */
public record UploadSlot(
        String id,
        BilingualText name,
        BilingualText help,
        List<FileType> accept,
        Long maxBytes,
        Integer minFiles,
        Integer maxFiles,
        Boolean required,
        Condition requiredWhen,
        SlotBacking backs,
        ImageRule image,
        PdfRule pdf,
        FileNameRule fileName,
        String template) {

    /** Normalises absent lists, counts and flags to their defaults. */
    public UploadSlot {
        accept = Defaults.list(accept);
        minFiles = minFiles == null ? Integer.valueOf(1) : minFiles;
        maxFiles = maxFiles == null ? Integer.valueOf(1) : maxFiles;
        required = Defaults.flag(required, false);
    }
}
