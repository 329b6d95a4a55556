package org.zhicheng.documents.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * A ruled table whose rows flow over as many pages as they need, its header repeated at the top of each (rosters,
 * the CQ-DOC-2 public-notice table, the rows of a review form). Cells wrap Chinese text; a row is never split
 * unless it alone is taller than a whole page, and then it continues on the next page: nothing is dropped.
 */
public final class Table {

    /**
     * A column.
     *
     * @param header the header text
     * @param weight the column's share of the table's width
     * @param align how its cells are aligned
     */
    public record Column(String header, float weight, Align align) {
        public Column {
            if (!(weight > 0)) {
                throw new IllegalArgumentException("a column's weight must be positive: " + header);
            }
        }
    }

    /** Where the table goes on the pages after the first: a new page and the area to fill on it. */
    @FunctionalInterface
    public interface NextPage {
        Placement next();
    }

    /** A page and the area of it the table may fill. */
    public record Placement(PdfPage page, Box area) {
    }

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();
    private float fontSize = 10.5f;
    private float padding = 3f;
    private float minRowHeight;
    private float leading = 1.3f;
    private boolean header = true;
    private boolean ruled = true;
    private boolean labelColumns;

    public Table(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = List.copyOf(columns);
    }

    /** The font size of header and cells (default 10.5 pt, 五号). */
    public Table fontSize(float size) {
        this.fontSize = size;
        return this;
    }

    /** The least height of a row, e.g. the row height a user set for a printed form (CQ-DOC-1). */
    public Table minRowHeight(float height) {
        this.minRowHeight = height;
        return this;
    }

    public Table padding(float padding) {
        this.padding = padding;
        return this;
    }

    /** Leaves the header row out (a grid of labels and answers, a paragraph flowing over pages). */
    public Table withoutHeader() {
        this.header = false;
        return this;
    }

    /** Leaves the rules out, for text that flows like a paragraph. */
    public Table unruled() {
        this.ruled = false;
        return this;
    }

    /** Prints the first, third, fifth … columns bold, as the labels of a label-and-answer grid. */
    public Table labelsInOddColumns() {
        this.labelColumns = true;
        return this;
    }

    /** Adds a row; missing trailing cells print empty. */
    public Table row(List<String> cells) {
        if (cells.size() > columns.size()) {
            throw new IllegalArgumentException("a row has " + cells.size() + " cells for " + columns.size()
                    + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    public int rowCount() {
        return rows.size();
    }

    /** The height the whole table needs at {@code width} on one endless page, to shrink it until it fits (CQ-DOC-2). */
    public float height(PdfComposer composer, float width) {
        float[] widths = widths(width);
        float total = header ? lines(composer, headers(), widths).height : 0;
        for (List<String> row : rows) {
            total += lines(composer, row, widths).height;
        }
        return total;
    }

    /**
     * Draws the table from the top of {@code first}'s area, asking {@code next} for a page whenever one is full.
     *
     * @return what is left of the last page's area under the table
     */
    public Placement draw(PdfComposer composer, Placement first, NextPage next) {
        float[] widths = widths(first.area().width());
        Laid headerRow = lines(composer, headers(), widths);
        Placement at = first;
        float y = drawHeader(at, headerRow, widths);
        boolean bodyOnPage = false;
        for (List<String> cells : rows) {
            Laid row = lines(composer, cells, widths);
            while (row != null) {
                float room = at.area().bottom() - y;
                if (row.height <= room) {
                    y = drawRow(at, row, widths, y, false);
                    bodyOnPage = true;
                    row = null;
                } else if (bodyOnPage || room < row.lineStep + 2 * padding) {
                    at = next.next();
                    y = drawHeader(at, headerRow, widths);
                    bodyOnPage = false;
                } else {
                    // Taller than a whole page: what fits here, the rest on the next page.
                    Laid[] parts = row.split((int) ((room - 2 * padding) / row.lineStep));
                    y = drawRow(at, parts[0], widths, y, false);
                    bodyOnPage = true;
                    row = parts[1];
                }
            }
        }
        Box area = at.area();
        return new Placement(at.page(), new Box(area.left(), y, area.width(), Math.max(0, area.bottom() - y)));
    }

    private float drawHeader(Placement at, Laid headerRow, float[] widths) {
        return header ? drawRow(at, headerRow, widths, at.area().top(), true) : at.area().top();
    }

    private List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    private float[] widths(float total) {
        float weights = 0;
        for (Column c : columns) {
            weights += c.weight();
        }
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = total * columns.get(i).weight() / weights;
        }
        return widths;
    }

    /** A row's cells broken into lines, and the height they need. */
    private final class Laid {
        final List<List<String>> cells;
        final float lineStep = fontSize * leading;
        final float height;

        Laid(List<List<String>> cells) {
            this.cells = cells;
            int most = 1;
            for (List<String> lines : cells) {
                most = Math.max(most, lines.size());
            }
            this.height = Math.max(minRowHeight, most * lineStep + 2 * padding);
        }

        Laid[] split(int linesHere) {
            List<List<String>> here = new ArrayList<>();
            List<List<String>> rest = new ArrayList<>();
            for (List<String> lines : cells) {
                int cut = Math.min(Math.max(1, linesHere), lines.size());
                here.add(lines.subList(0, cut));
                rest.add(lines.subList(cut, lines.size()));
            }
            return new Laid[] {new Laid(here), new Laid(rest)};
        }
    }

    private Laid lines(PdfComposer composer, List<String> cells, float[] widths) {
        List<List<String>> laid = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            String text = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
            laid.add(composer.wrap(text, widths[i] - 2 * padding, fontSize));
        }
        return new Laid(laid);
    }

    private float drawRow(Placement at, Laid row, float[] widths, float top, boolean isHeader) {
        PdfPage page = at.page();
        float left = at.area().left();
        for (int i = 0; i < widths.length; i++) {
            Box cell = new Box(left, top, widths[i], row.height);
            if (ruled) {
                page.box(cell, 0.6f);
            }
            String text = String.join("\n", row.cells.get(i));
            Align align = isHeader ? Align.CENTRE : columns.get(i).align();
            boolean bold = isHeader || labelColumns && i % 2 == 0;
            Box inner = cell.inset(padding);
            float needed = row.cells.get(i).size() * row.lineStep;
            // Cells are centred vertically, as Chinese forms print them.
            float offset = Math.max(0, (inner.height() - needed) / 2);
            page.paragraph(text, new Box(inner.left(), inner.top() + offset, inner.width(), needed), fontSize,
                    leading, align, bold);
            left += widths[i];
        }
        return top + row.height;
    }
}
