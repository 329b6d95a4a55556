package org.zhicheng.workflow.internal.documents;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.zhicheng.api.business.descriptor.Adjustment;
import org.zhicheng.api.business.descriptor.Block;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Document;
import org.zhicheng.api.business.descriptor.Section;
import org.zhicheng.api.documents.ApplicationDocuments.LayoutSettings;
import org.zhicheng.api.documents.DocumentException;
import org.zhicheng.api.documents.Printing;

/** Layout settings a document allows (CQ-DOC-1, CQ-DOC-2): its pages, its tables, the kinds it declares adjustable. */
final class LayoutChecks {

    private LayoutChecks() {
    }

    static void check(BusinessDescriptor descriptor, Document document, LayoutSettings wanted) {
        int pages = document.fitOnePage() ? 1 : document.pages().size();
        for (Map.Entry<Integer, Printing.Layout> page : wanted.pages().entrySet()) {
            if (page.getKey() < 1 || page.getKey() > pages) {
                throw refused("no-such-page", "“" + document.name().zh() + "”没有第 " + page.getKey() + " 页（共 " + pages
                        + " 页）。", "\"" + document.name().en() + "\" has no page " + page.getKey() + " (it has "
                                + pages + ").");
            }
            Printing.Layout l = page.getValue();
            require(document, Adjustment.FONT_SIZE, l.fontSize() != Printing.Layout.DEFAULT.fontSize(), "字号",
                    "the font size");
            require(document, Adjustment.BLANK_LINES, l.blankLines() != 0, "空行", "blank lines");
            require(document, Adjustment.ROW_HEIGHT, l.rowHeight() != 0, "行高", "the row height");
        }
        Set<String> tables = document.pages().stream().flatMap(p -> p.blocks().stream()).map(Block::section)
                .filter(id -> id != null && repeatable(descriptor, id)).collect(Collectors.toSet());
        for (Map.Entry<String, Integer> rows : wanted.blankRows().entrySet()) {
            if (!tables.contains(rows.getKey())) {
                throw refused("no-such-table", "“" + document.name().zh() + "”中没有表格“" + rows.getKey() + "”。",
                        "\"" + document.name().en() + "\" has no table \"" + rows.getKey() + "\".");
            }
            if (rows.getValue() < 0 || rows.getValue() > 40) {
                throw refused("invalid-layout", "空白行数应在 0 到 40 之间。", "Blank rows must be between 0 and 40.");
            }
            require(document, Adjustment.BLANK_LINES, rows.getValue() != 0, "空行", "blank lines");
        }
    }

    private static boolean repeatable(BusinessDescriptor descriptor, String sectionId) {
        return descriptor.form().sections().stream().filter(s -> s.id().equals(sectionId))
                .anyMatch(Section::repeatable);
    }

    private static void require(Document document, Adjustment adjustment, boolean changed, String zh, String en) {
        if (changed && !document.adjustable().contains(adjustment)) {
            throw refused("not-adjustable", "“" + document.name().zh() + "”的" + zh + "不能调整。",
                    "The layout of \"" + document.name().en() + "\" does not allow changing " + en + ".");
        }
    }

    private static DocumentException refused(String code, String zh, String en) {
        return new DocumentException(400, code, zh, en);
    }
}
