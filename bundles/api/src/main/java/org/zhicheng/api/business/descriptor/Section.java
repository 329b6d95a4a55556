package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * A section of the form: a single group of fields (basic information) or a repeatable table of rows (study and
 * training rows, CQ-APP-3; education rows, FJ-2; the 21 sections of GD-TITLE-2).
 *
 * @param id the section id; for a repeatable section also the answer key of its rows
 * @param title the section title, e.g. 学习培训经历 / Study and training
 * @param help guidance shown with the section, e.g. "only courses of 3 months or more"
 * @param repeatable whether the section is a table of rows; default false
 * @param minRows the least number of rows (repeatable only); default 0
 * @param maxRows the most rows (repeatable only), {@code null} for no limit (CQ-APP-3: 8 study rows, 10
 *     achievement rows, 6 paper rows)
 * @param orderable whether the applicant may reorder rows (CQ-APP-3, CQ-APP-5); default false
 * @param saveFirst whether this section must be saved before any other section can be edited (GD-TITLE-5);
 *     default false
 * @param visibleWhen the section is shown (and its answers kept and checked) only when this holds, e.g. case
 *     analyses instead of papers for grassroots GPs (CQ-APP-3); always when {@code null}
 * @param fields the fields in display order
 * @param rowRules rules every row must satisfy, e.g. each study row lasts at least 3 months (CQ-APP-3)
 * @param rowOrder the order rows must be in, e.g. research national → provincial → bureau → district (CQ-APP-3);
 *     {@code null} when any order is allowed
 */
public record Section(
        String id,
        BilingualText title,
        BilingualText help,
        Boolean repeatable,
        Integer minRows,
        Integer maxRows,
        Boolean orderable,
        Boolean saveFirst,
        Condition visibleWhen,
        List<Field> fields,
        List<Rule> rowRules,
        RowOrder rowOrder) {

    /** Normalises absent lists and flags to their defaults. */
    public Section {
        repeatable = Defaults.flag(repeatable, false);
        orderable = Defaults.flag(orderable, false);
        saveFirst = Defaults.flag(saveFirst, false);
        fields = Defaults.list(fields);
        rowRules = Defaults.list(rowRules);
    }

    /** {@link #minRows()} with its default 0 applied. */
    public int minRowsOrDefault() {
        return minRows == null ? 0 : minRows;
    }
}
