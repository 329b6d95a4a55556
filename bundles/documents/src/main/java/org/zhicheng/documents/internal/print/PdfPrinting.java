package org.zhicheng.documents.internal.print;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.zhicheng.api.business.descriptor.Orientation;
import org.zhicheng.api.business.descriptor.PageSize;
import org.zhicheng.api.documents.DocumentException;
import org.zhicheng.api.documents.Printing;
import org.zhicheng.documents.pdf.Align;
import org.zhicheng.documents.pdf.Box;
import org.zhicheng.documents.pdf.CjkFont;
import org.zhicheng.documents.pdf.PaperSize;
import org.zhicheng.documents.pdf.PdfComposer;
import org.zhicheng.documents.pdf.PdfPage;
import org.zhicheng.documents.pdf.Table;

/**
 * The one layout of every business's printed forms and one-sheet tables: A4 or A3 sheets with 15 mm margins, the
 * title on the first sheet, page titles, label-and-answer grids, ruled tables whose headers repeat on every sheet,
 * a photo box of 33 × 48 mm, the barcode at the top right, page numbers and the watermark.
 */
@Component(service = Printing.class)
public final class PdfPrinting implements Printing {

    /** The smallest font a printed sheet may shrink to and stay legible (CQ-DOC-2). */
    static final float SMALLEST = 5f;

    private static final float MARGIN = Box.mm(15);
    private static final float PHOTO_WIDTH = Box.mm(33);
    private static final float PHOTO_HEIGHT = Box.mm(48);

    private final CjkFont font;

    public PdfPrinting() {
        this(CjkFont.bundled());
    }

    PdfPrinting(CjkFont font) {
        this.font = font;
    }

    @Override
    public byte[] form(Form form) {
        try (PdfComposer c = new PdfComposer(font)) {
            c.describe(form.title(), "Zhicheng", null);
            c.pageNumbers("第 %d 页，共 %d 页");
            if (form.watermark() != null && !form.watermark().isBlank()) {
                c.watermark(form.watermark());
            }
            PaperSize paper = paper(form.size());
            boolean landscape = form.orientation() == Orientation.LANDSCAPE;
            boolean first = true;
            for (Page page : form.pages()) {
                Layout layout = page.layout() == null ? Layout.DEFAULT : page.layout();
                Table.NextPage next = () -> sheet(c, paper, landscape);
                Table.Placement at = sheet(c, paper, landscape);
                if (first) {
                    at = heading(c, at, form);
                    first = false;
                }
                if (page.title() != null && !page.title().isBlank()) {
                    at = paragraph(c, at, next, page.title(), layout.fontSize() + 2, Align.LEFT, true);
                }
                for (Block block : page.blocks()) {
                    at = block(c, at, next, block, layout);
                }
            }
            if (form.pages().isEmpty()) {
                heading(c, sheet(c, paper, landscape), form);
            }
            return c.toPdf();
        }
    }

    @Override
    public byte[] oneSheet(OneSheet sheet) {
        PaperSize paper = paper(sheet.size());
        boolean landscape = sheet.orientation() == Orientation.LANDSCAPE;
        Layout layout = sheet.layout() == null ? Layout.DEFAULT : sheet.layout();
        // The largest size (in quarter points) at which everything fits: a binary search over laid-out drafts.
        int low = (int) (SMALLEST * 4);
        int high = (int) (layout.fontSize() * 4);
        String overflow = draft(sheet, paper, landscape, layout, low / 4f);
        if (overflow != null) {
            throw new DocumentException(422, "does-not-fit", String.format(Locale.ROOT,
                    "内容太多，即使字号缩小到 %.0f 磅，一张纸也放不下（从“%s”起）。请减少空白行或内容。", SMALLEST, overflow),
                    String.format(Locale.ROOT, "Too much to fit one sheet even at %.0f pt (from \"%s\" on). Remove"
                            + " blank rows or content.", SMALLEST, overflow));
        }
        while (low < high) {
            int mid = (low + high + 1) / 2;
            if (draft(sheet, paper, landscape, layout, mid / 4f) == null) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        try (PdfComposer c = new PdfComposer(font)) {
            c.describe(sheet.title(), "Zhicheng", null);
            if (lay(c, sheet, paper, landscape, layout, low / 4f) != null) {
                throw new IllegalStateException("the measured size does not fit");
            }
            return c.toPdf();
        }
    }

    /** Lays the sheet out at {@code size} and throws it away; the heading of the block that overflowed, or null. */
    private String draft(OneSheet sheet, PaperSize paper, boolean landscape, Layout layout, float size) {
        try (PdfComposer c = new PdfComposer(font)) {
            return lay(c, sheet, paper, landscape, layout, size);
        }
    }

    /** Thrown by the last column's "next page": the sheet is full. */
    private static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Full() {
            super(null, null, false, false);
        }
    }

    private String lay(PdfComposer c, OneSheet sheet, PaperSize paper, boolean landscape, Layout layout,
            float size) {
        PdfPage page = c.addPage(paper, landscape);
        Box area = new Box(MARGIN, MARGIN, page.width() - 2 * MARGIN, page.height() - 2 * MARGIN);
        float titleSize = Math.min(size * 1.6f, 22);
        float titleHeight = page.paragraph(sheet.title(), area, titleSize, 1.4f, Align.CENTRE, true) + 4;
        float gap = Box.mm(4);
        float columnWidth = (area.width() - gap * (sheet.columns() - 1)) / sheet.columns();
        float top = area.top() + titleHeight;
        int[] column = {0};
        Table.NextPage next = () -> {
            if (++column[0] >= sheet.columns()) {
                throw new Full();
            }
            return new Table.Placement(page, new Box(area.left() + column[0] * (columnWidth + gap), top, columnWidth,
                    area.bottom() - top));
        };
        Table.Placement at = new Table.Placement(page, new Box(area.left(), top, columnWidth, area.bottom() - top));
        Layout scaled = new Layout(size, 0, layout.rowHeight());
        for (Block block : sheet.blocks()) {
            try {
                at = block(c, at, next, block, scaled);
            } catch (Full full) {
                return heading(block);
            }
        }
        return null;
    }

    private static String heading(Block block) {
        String heading = block instanceof Fields f ? f.heading() : block instanceof Rows r ? r.heading() : null;
        if (heading != null) {
            return heading;
        }
        return block instanceof Text t ? t.text().substring(0, Math.min(12, t.text().length())) : "";
    }

    /** Columns as wide as their text needs on average, within bounds, so that long contents get room. */
    private static List<Table.Column> columns(PdfComposer c, List<String> headers, List<List<String>> rows) {
        List<Table.Column> columns = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            double total = 0;
            for (List<String> row : rows) {
                total += i < row.size() && row.get(i) != null ? c.width(row.get(i), 1) : 0;
            }
            double mean = rows.isEmpty() ? 0 : total / rows.size();
            float header = c.width(headers.get(i), 1);
            float weight = (float) Math.max(Math.min(Math.sqrt(Math.max(mean, 1)) * 3, 40), Math.min(header, 6) + 1);
            columns.add(new Table.Column(headers.get(i), weight, Align.LEFT));
        }
        return columns;
    }

    private static Table table(List<Table.Column> columns, float size, float rowHeight, List<List<String>> rows) {
        Table table = new Table(columns).fontSize(size).padding(Math.max(1.5f, size * 0.25f)).minRowHeight(rowHeight);
        rows.forEach(table::row);
        return table;
    }

    private Table.Placement sheet(PdfComposer c, PaperSize paper, boolean landscape) {
        PdfPage page = c.addPage(paper, landscape);
        return new Table.Placement(page, new Box(MARGIN, MARGIN, page.width() - 2 * MARGIN,
                page.height() - 2 * MARGIN - 14));
    }

    /** The title, centred, the subtitle under it and the barcode at the top right (FJ-1). */
    private static Table.Placement heading(PdfComposer c, Table.Placement at, Form form) {
        Box area = at.area();
        float barcodeWidth = form.barcode() == null ? 0 : Math.min(Box.mm(55), area.width() / 3);
        float titleSize = 16;
        float height = at.page().paragraph(form.title(), new Box(area.left() + barcodeWidth, area.top(),
                area.width() - 2 * barcodeWidth, titleSize * 3), titleSize, 1.4f, Align.CENTRE, true);
        if (form.subtitle() != null) {
            height += at.page().paragraph(form.subtitle(), new Box(area.left() + barcodeWidth, area.top() + height,
                    area.width() - 2 * barcodeWidth, 24), 10, 1.4f, Align.CENTRE, false);
        }
        if (form.barcode() != null) {
            at.page().code128(form.barcode(), new Box(area.right() - barcodeWidth, area.top(), barcodeWidth,
                    Box.mm(14)), true);
            height = Math.max(height, Box.mm(15));
        }
        float top = area.top() + height + 8;
        return new Table.Placement(at.page(), new Box(area.left(), top, area.width(), area.bottom() - top));
    }

    private Table.Placement block(PdfComposer c, Table.Placement at, Table.NextPage next, Block block,
            Layout layout) {
        float size = layout.fontSize();
        if (block instanceof Fields fields) {
            return fields(c, at, next, fields, layout);
        }
        if (block instanceof Rows rows) {
            Table.Placement here = heading(c, at, next, rows.heading(), size);
            int blank = rows.blankRows() + layout.blankLines();
            List<List<String>> cells = new ArrayList<>(rows.rows().isEmpty() && blank == 0
                    ? List.of(List.of("（无）")) : rows.rows());
            // The page's blank lines (CQ-DOC-1) and the block's own blank rows (CQ-DOC-2) leave ruled room to write.
            for (int i = 0; i < blank; i++) {
                cells.add(List.of());
            }
            Table table = table(columns(c, rows.headers(), rows.rows()), size, layout.rowHeight(), cells);
            return space(table.draw(c, here, next), size * 0.8f);
        }
        Text text = (Text) block;
        return space(paragraph(c, at, next, text.text(), size, Align.LEFT, false), size * 0.8f);
    }

    /** Labels and answers two pairs to a row; the photo in a 33 × 48 mm box at the right of the first rows. */
    private Table.Placement fields(PdfComposer c, Table.Placement at, Table.NextPage next, Fields fields,
            Layout layout) {
        float size = layout.fontSize();
        Table.Placement here = heading(c, at, next, fields.heading(), size);
        Box area = here.area();
        boolean photo = fields.photo() != null;
        if (photo && area.height() < PHOTO_HEIGHT + 4) {
            here = next.next();
            area = here.area();
        }
        float gridWidth = photo ? area.width() - PHOTO_WIDTH - 6 : area.width();
        Table grid = new Table(List.of(new Table.Column("", 2, Align.CENTRE), new Table.Column("", 3, Align.LEFT),
                new Table.Column("", 2, Align.CENTRE), new Table.Column("", 3, Align.LEFT)))
                .withoutHeader().labelsInOddColumns().fontSize(size).minRowHeight(Math.max(layout.rowHeight(),
                        size * 2.2f));
        List<Entry> entries = fields.entries();
        for (int i = 0; i < entries.size(); i += 2) {
            Entry a = entries.get(i);
            Entry b = i + 1 < entries.size() ? entries.get(i + 1) : new Entry("", "");
            grid.row(List.of(a.label(), a.value() == null ? "" : a.value(), b.label(),
                    b.value() == null ? "" : b.value()));
        }
        if (photo) {
            Box box = new Box(area.right() - PHOTO_WIDTH, area.top(), PHOTO_WIDTH, PHOTO_HEIGHT);
            here.page().box(box, 0.6f);
            here.page().image(fields.photo(), "photo", box.inset(1));
        }
        Table.Placement after = grid.rowCount() == 0 ? here
                : grid.draw(c, new Table.Placement(here.page(), new Box(area.left(), area.top(), gridWidth,
                        area.height())), next);
        if (photo && after.page() == here.page() && after.area().top() < area.top() + PHOTO_HEIGHT) {
            float top = area.top() + PHOTO_HEIGHT;
            after = new Table.Placement(here.page(), new Box(area.left(), top, area.width(), area.bottom() - top));
        } else {
            after = new Table.Placement(after.page(), new Box(area.left(), after.area().top(), area.width(),
                    after.area().height()));
        }
        return space(after, size * 0.8f);
    }

    private static Table.Placement heading(PdfComposer c, Table.Placement at, Table.NextPage next, String heading,
            float size) {
        if (heading == null || heading.isBlank()) {
            return at;
        }
        // A heading never stays alone at the bottom of a sheet.
        Table.Placement here = at.area().height() < size * 6 ? next.next() : at;
        return paragraph(c, here, next, heading, size + 1, Align.LEFT, true);
    }

    /** Text flowing over sheets as it needs: an unruled one-column table without header. */
    private static Table.Placement paragraph(PdfComposer c, Table.Placement at, Table.NextPage next, String text,
            float size, Align align, boolean bold) {
        Table flow = new Table(List.of(new Table.Column("", 1, align))).withoutHeader().unruled().fontSize(size)
                .padding(1);
        if (bold) {
            flow.labelsInOddColumns();
        }
        flow.row(List.of(text));
        return flow.draw(c, at, next);
    }

    private static Table.Placement space(Table.Placement at, float height) {
        Box area = at.area();
        if (height >= area.height()) {
            // Full: the next block asks for a new sheet (or column) itself if it has anything to print.
            return new Table.Placement(at.page(), new Box(area.left(), area.bottom(), area.width(), 0));
        }
        return new Table.Placement(at.page(), new Box(area.left(), area.top() + height, area.width(),
                area.height() - height));
    }

    private static PaperSize paper(PageSize size) {
        return size == PageSize.A3 ? PaperSize.A3 : PaperSize.A4;
    }
}
