package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * What an upload slot's files evidence (FJ-3, FJ-5, CQ-APP-4). A reviewer compares the file with the answers of
 * {@code fields}, shown beside it, and marks it matching or not matching the original; with {@code section}, the
 * slot is a row slot: every row of that repeatable section has its own files, available once the row is saved
 * (CQ-APP-4), and removed with the row.
 *
 * @param section the repeatable section whose rows each have files; {@code null} for a form-level slot
 * @param fields the fields the files evidence; fields of {@code section} when it is given
 */
public record SlotBacking(String section, List<String> fields) {

    /** Normalises an absent list to an empty one. */
    public SlotBacking {
        fields = Defaults.list(fields);
    }
}
