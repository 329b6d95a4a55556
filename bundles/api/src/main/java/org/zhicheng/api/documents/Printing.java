package org.zhicheng.api.documents;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.zhicheng.api.business.descriptor.Orientation;
import org.zhicheng.api.business.descriptor.PageSize;

/**
 * Lays printed documents out as PDF in the embedded CJK font: forms page by page (CQ-DOC-1 review form, CQ-DOC-3
 * workload table, FJ-1 confirmation sheet, GD-TITLE-4 application form) and an application's summary on exactly one
 * sheet (CQ-DOC-2 public notice). The caller has already chosen what is printed and turned every value into
 * its display text (choices by their labels, dates formatted, rows marked deleted left out); this service only
 * lays it out, so that one layout serves every business.
 */
@ProviderType
public interface Printing {

    /**
     * Settings a user may adjust before printing, kept per application and page (CQ-DOC-1).
     *
     * @param fontSize the font size in points (5 to 20)
     * @param blankLines empty rows added to each table of the page, to leave ruled room for handwriting (0 to 40)
     * @param rowHeight the least height of table rows in points; 0 for as tall as the text needs (0 to 200)
     */
    record Layout(float fontSize, int blankLines, float rowHeight) {

        public static final Layout DEFAULT = new Layout(10.5f, 0, 0);

        public Layout {
            if (!(fontSize >= 5 && fontSize <= 20) || blankLines < 0 || blankLines > 40 || !(rowHeight >= 0
                    && rowHeight <= 200)) {
                throw new IllegalArgumentException("font size 5-20 pt, blank lines 0-40, row height 0-200 pt");
            }
        }
    }

    /** What a page shows, in order. */
    sealed interface Block permits Fields, Rows, Text {
    }

    /**
     * Labelled answers in a two-column grid, the photo (if any) beside them.
     *
     * @param heading the block's heading (the section's title); none when {@code null}
     * @param entries label and display text, in order
     * @param photo a JPEG or PNG printed at the top right in the proportions of a 1-inch photo; {@code null} for none
     */
    record Fields(String heading, List<Entry> entries, byte[] photo) implements Block {
        public Fields {
            entries = List.copyOf(entries);
        }
    }

    /** A label and its display text. */
    record Entry(String label, String value) {
    }

    /**
     * A repeatable section as a table, one row per row of the section.
     *
     * @param heading the block's heading; none when {@code null}
     * @param headers the column headers
     * @param rows the rows' display texts, in order
     * @param blankRows empty rows added under the rows, to fill a sheet or leave room for handwriting (CQ-DOC-2)
     */
    record Rows(String heading, List<String> headers, List<List<String>> rows, int blankRows) implements Block {
        public Rows {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            if (blankRows < 0 || blankRows > 40) {
                throw new IllegalArgumentException("blank rows 0-40");
            }
        }
    }

    /** A fixed text, e.g. a pledge. */
    record Text(String text) implements Block {
    }

    /**
     * A page of a form.
     *
     * @param title the page's title; none when {@code null}
     * @param blocks what it shows
     * @param layout the adjustable settings
     */
    record Page(String title, List<Block> blocks, Layout layout) {
        public Page {
            blocks = List.copyOf(blocks);
        }
    }

    /**
     * A form. Each page starts a new sheet; a page whose content is longer than a sheet continues on the next, its
     * table headers repeated; every sheet is numbered.
     *
     * @param title the document's title, printed on the first sheet
     * @param subtitle a line under the title (e.g. the applicant and the business); none when {@code null}
     * @param size the paper size
     * @param orientation the orientation
     * @param watermark a diagonal watermark on every sheet, e.g. 草稿 (CQ-DOC-1); none when {@code null}
     * @param barcode a Code 128 value printed at the top right with its text, e.g. the application number (FJ-1);
     *     none when {@code null}
     * @param pages the pages
     */
    record Form(String title, String subtitle, PageSize size, Orientation orientation, String watermark,
            String barcode, List<Page> pages) {
        public Form {
            pages = List.copyOf(pages);
        }
    }

    /**
     * An application summarised on exactly one sheet, its blocks flowing down the sheet's columns as a newspaper's
     * do (CQ-DOC-2: the public-notice table on one A3 sheet). The font shrinks from {@code layout.fontSize} until
     * everything fits.
     *
     * @param title the title across the top
     * @param size the paper size
     * @param orientation the orientation
     * @param columns how many columns the blocks flow through (1 to 4)
     * @param blocks what the sheet shows, in order
     * @param layout the largest font size to try and the least row height ({@code blankLines} is not used: blank
     *     rows are set per block)
     */
    record OneSheet(String title, PageSize size, Orientation orientation, int columns, List<Block> blocks,
            Layout layout) {
        public OneSheet {
            blocks = List.copyOf(blocks);
            if (columns < 1 || columns > 4) {
                throw new IllegalArgumentException("1 to 4 columns");
            }
        }
    }

    /** The form as PDF. */
    byte[] form(Form form);

    /**
     * The sheet as a one-page PDF.
     *
     * @throws DocumentException when it does not fit even at the smallest legible font size (5 pt), naming the
     *     first block that does not fit
     */
    byte[] oneSheet(OneSheet sheet);
}
