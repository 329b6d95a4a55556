package org.zhicheng.api.business.descriptor;

/**
 * A column of a review queue or roster (GD-PHOTO-4: unit, name, barcode, status, file size, upload time, submit
 * time, file exists; CQ-REV-4 roster). Exactly one of {@code field} and {@code meta} is given.
 *
 * @param field a field of a single section whose answer is shown
 * @param meta application data that is not an answer
 * @param slot for the file metas ({@code fileSize}, {@code uploadedAt}, {@code fileExists}): the slot
 * @param label the column title; the field's label when {@code null} for a field column
 * @param filterable whether the queue or roster can be filtered by this column (CQ-REV-4); default false
 */
public record Column(String field, ColumnMeta meta, String slot, BilingualText label, Boolean filterable) {

    /** Normalises the absent flag to its default. */
    public Column {
        filterable = Defaults.flag(filterable, false);
    }
}
