package org.zhicheng.api.business.descriptor;

import java.math.BigDecimal;
import java.util.List;

/**
 * One field of the form (GD-TITLE-2..4, CQ-APP-1..3, FJ-2). Its id is unique in the whole form and is the key of
 * its answer (within a row for a repeatable section).
 *
 * @param id the field id, {@code ^[a-zA-Z][a-zA-Z0-9_]{0,63}$}
 * @param label the label, e.g. 身份证号 / ID number
 * @param type the field type
 * @param help guidance shown with the field
 * @param unit a unit shown after the input, e.g. % or 年 / years
 * @param required whether an answer is required; default false
 * @param requiredWhen the answer is required only when this holds, e.g. the exam score only for deputy-senior
 *     applicants who are not exempt (CQ-APP-3)
 * @param visibleWhen the field is shown, kept and checked only when this holds; always when {@code null}
 * @param pattern a regular expression (Java syntax) the whole text answer must match, e.g. the 12-digit CHSI
 *     verification code or 无 (FJ-2)
 * @param patternMessage the message shown when {@code pattern} does not match; a generic one when {@code null}
 * @param minLength the least number of characters of a text answer
 * @param maxLength the most characters of a text answer
 * @param min the least value of a number or integer answer
 * @param max the most value of a number or integer answer, e.g. ethics satisfaction ≤ 100 (CQ-APP-3)
 * @param dictionary the dictionary a choice, multi-choice, region or organisation answer comes from
 *     (GD-TITLE-3, FJ-2)
 * @param cascadeParent the earlier field whose answer filters this field's dictionary entries by parent code:
 *     declared level → qualification → practice category → practice scope → specialty (FJ-2)
 * @param options inline choices for a choice or multi-choice field without a dictionary
 * @param maxSelections the most codes a multi-choice answer may hold
 * @param coreData whether the field is core data: highlighted, never corrected by reviewers, changed only by a
 *     documented staff process (GD-TITLE-2, GD-TITLE-8); default false
 * @param readOnlyAfterSubmit whether the answer can no longer change once first submitted, even after a return,
 *     e.g. the photo file name (GD-PHOTO-2); default false
 * @param prefill identity data the platform fills in from the verified account (GD-TITLE-8, CQ-APP-1)
 * @param computed how the platform computes the answer; a computed field is read-only (FJ-2 years held)
 * @param slot the upload slot a {@code file} field shows and whose upload is its value (GD-PHOTO-1, CQ-APP-4)
 */
public record Field(
        String id,
        BilingualText label,
        FieldType type,
        BilingualText help,
        BilingualText unit,
        Boolean required,
        Condition requiredWhen,
        Condition visibleWhen,
        String pattern,
        BilingualText patternMessage,
        Integer minLength,
        Integer maxLength,
        BigDecimal min,
        BigDecimal max,
        String dictionary,
        String cascadeParent,
        List<Option> options,
        Integer maxSelections,
        Boolean coreData,
        Boolean readOnlyAfterSubmit,
        Prefill prefill,
        Computation computed,
        String slot) {

    /** Normalises absent lists and flags to their defaults. */
    public Field {
        required = Defaults.flag(required, false);
        options = Defaults.list(options);
        coreData = Defaults.flag(coreData, false);
        readOnlyAfterSubmit = Defaults.flag(readOnlyAfterSubmit, false);
    }
}
