package org.zhicheng.api.business.descriptor;

/**
 * The name an uploaded file must have or is given (GD-PHOTO-2: the photo is named with the applicant's ID number
 * and the name cannot change after submission; GD-PHOTO-7 matches photos to certificates by it).
 *
 * @param source where the name comes from
 * @param field the field whose answer is the name, when {@code source} is {@code field}
 * @param mode whether the platform renames the file or refuses a wrongly named one; default {@code rename}
 */
public record FileNameRule(FileNameSource source, String field, FileNameMode mode) {

    /** Normalises the absent mode to {@code rename}. */
    public FileNameRule {
        mode = mode == null ? FileNameMode.RENAME : mode;
    }
}
