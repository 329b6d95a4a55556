package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * A document generated from an application or a queue: a printable form page by page (GD-TITLE-2 review form,
 * GD-TITLE-4 application form, CQ-DOC-1 review form, CQ-DOC-3 workload table), a public-notice table (CQ-DOC-2),
 * a confirmation sheet (FJ-1) or a roster (CQ-REV-4). Documents are reproducible from the stored data; rows marked
 * deleted by a reviewer never appear (CQ-APP-5).
 *
 * @param id the document id, unique among documents
 * @param name the display name, e.g. 评审表 / Review form
 * @param kind what the document is
 * @param formats the output formats (at least one)
 * @param pageSize the paper size; default {@code a4}
 * @param orientation the page orientation; default {@code portrait}
 * @param fitOnePage whether the whole document must fit exactly one sheet: content is scaled and the user
 *     adjusts font and blank lines until it fits (CQ-DOC-2); default false
 * @param adjustable the layout settings users may adjust before printing (CQ-DOC-1, CQ-DOC-2)
 * @param watermark a watermark printed until the application passes a step or gate (CQ-DOC-1 "draft");
 *     {@code null} for none
 * @param availableAfter the step or gate the application must have passed before the document can be produced
 *     (FJ-1: the confirmation sheet after the registration point approves); always when {@code null}
 * @param audience who may obtain the document; applicants and reviewers when empty
 * @param pages the pages and what each shows (forms, notices, sheets)
 * @param columns the columns (rosters, CQ-REV-4)
 * @param layout the path of a layout resource in the contributing bundle that refines the generic layout, e.g.
 *     {@code /META-INF/zhicheng/layouts/notice.html}; the generic layout when {@code null}
 */
public record Document(
        String id,
        BilingualText name,
        DocumentKind kind,
        List<DocumentFormat> formats,
        PageSize pageSize,
        Orientation orientation,
        Boolean fitOnePage,
        List<Adjustment> adjustable,
        Watermark watermark,
        String availableAfter,
        List<Audience> audience,
        List<Page> pages,
        List<Column> columns,
        String layout) {

    /** Normalises absent lists, flags and page settings to their defaults. */
    public Document {
        formats = Defaults.list(formats);
        pageSize = pageSize == null ? PageSize.A4 : pageSize;
        orientation = orientation == null ? Orientation.PORTRAIT : orientation;
        fitOnePage = Defaults.flag(fitOnePage, false);
        adjustable = Defaults.list(adjustable);
        audience = Defaults.list(audience);
        pages = Defaults.list(pages);
        columns = Defaults.list(columns);
    }
}
