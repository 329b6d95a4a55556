package org.zhicheng.workflow.internal.documents;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.zhicheng.api.business.descriptor.Block;
import org.zhicheng.api.business.descriptor.BusinessDescriptor;
import org.zhicheng.api.business.descriptor.Document;
import org.zhicheng.api.business.descriptor.Field;
import org.zhicheng.api.business.descriptor.FieldType;
import org.zhicheng.api.business.descriptor.Orientation;
import org.zhicheng.api.business.descriptor.Page;
import org.zhicheng.api.business.descriptor.PageSize;
import org.zhicheng.api.business.descriptor.Section;
import org.zhicheng.api.documents.ApplicationDocuments.LayoutSettings;
import org.zhicheng.api.documents.Printing;
import org.zhicheng.api.workflow.Application;
import org.zhicheng.workflow.internal.forms.ConditionContext;
import org.zhicheng.workflow.internal.forms.ConditionEvaluator;
import org.zhicheng.workflow.internal.forms.Rows;

/**
 * A document's pages and blocks (from the descriptor) filled with one application's answers as printed text: a
 * section's fields as a label-and-answer grid with the photo beside it, a repeatable section as a table of its live
 * rows (rows marked deleted never print, CQ-APP-5; with {@code rowsWhen} only the rows it admits, CQ-DOC-2), fixed
 * texts as they are.
 */
final class PrintModels {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The font a one-sheet document starts from before it shrinks to fit. */
    private static final float ONE_SHEET_START = 12f;

    private final BusinessDescriptor descriptor;
    private final Application application;
    private final AnswerTexts texts;
    private final Function<String, byte[]> photos;

    /**
     * @param photos the current image of a slot, or null
     */
    PrintModels(BusinessDescriptor descriptor, Application application, AnswerTexts texts,
            Function<String, byte[]> photos) {
        this.descriptor = descriptor;
        this.application = application;
        this.texts = texts;
        this.photos = photos;
    }

    Printing.Form form(Document document, LayoutSettings settings, String watermark, String barcode) {
        List<Printing.Page> pages = new ArrayList<>();
        for (int i = 0; i < document.pages().size(); i++) {
            Page page = document.pages().get(i);
            pages.add(new Printing.Page(page.title() == null ? null : page.title().zh(), blocks(page, settings),
                    settings.pages().getOrDefault(i + 1, Printing.Layout.DEFAULT)));
        }
        return new Printing.Form(document.name().zh(), descriptor.name().zh(), document.pageSize(),
                document.orientation(), watermark, barcode, pages);
    }

    Printing.OneSheet oneSheet(Document document, LayoutSettings settings) {
        List<Printing.Block> blocks = new ArrayList<>();
        for (Page page : document.pages()) {
            blocks.addAll(blocks(page, settings));
        }
        Printing.Layout layout = settings.pages().getOrDefault(1, new Printing.Layout(ONE_SHEET_START, 0, 0));
        return new Printing.OneSheet(document.name().zh(), document.pageSize(), document.orientation(),
                columns(document.pageSize(), document.orientation()), blocks, layout);
    }

    /** An A3 landscape sheet reads in three columns, as the CQ public-notice table does; A4 portrait in one. */
    private static int columns(PageSize size, Orientation orientation) {
        boolean landscape = orientation == Orientation.LANDSCAPE;
        if (size == PageSize.A3) {
            return landscape ? 3 : 2;
        }
        return landscape ? 2 : 1;
    }

    private List<Printing.Block> blocks(Page page, LayoutSettings settings) {
        List<Printing.Block> blocks = new ArrayList<>();
        for (Block block : page.blocks()) {
            if (block.text() != null) {
                blocks.add(new Printing.Text(block.text().zh()));
                continue;
            }
            Section section = descriptor.form().sections().stream().filter(s -> s.id().equals(block.section()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no section " + block.section()));
            List<Field> fields = block.fields().isEmpty() ? section.fields()
                    : block.fields().stream().map(id -> section.fields().stream().filter(f -> f.id().equals(id))
                            .findFirst().orElseThrow(() -> new IllegalStateException("no field " + id))).toList();
            String heading = section.title() == null ? null : section.title().zh();
            if (Boolean.TRUE.equals(section.repeatable())) {
                blocks.add(rows(section, fields, block, heading, settings.blankRows().getOrDefault(section.id(), 0)));
            } else {
                blocks.add(grid(fields, heading));
            }
        }
        return blocks;
    }

    private Printing.Fields grid(List<Field> fields, String heading) {
        List<Printing.Entry> entries = new ArrayList<>();
        byte[] photo = null;
        for (Field f : fields) {
            if (photo == null && isPhoto(f)) {
                photo = photos.apply(f.slot());
                continue;
            }
            entries.add(new Printing.Entry(f.label().zh(), texts.text(f, application.answers().get(f.id()))));
        }
        return new Printing.Fields(heading, entries, photo);
    }

    private Printing.Rows rows(Section section, List<Field> fields, Block block, String heading, int blankRows) {
        List<Field> printed = fields.stream().filter(f -> f.type() != FieldType.FILE).toList();
        ConditionContext context = ConditionContext.of(descriptor.form(), application.answers(), List.of(),
                LocalDate.now(CHINA));
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> row : Rows.live(application.answers().get(section.id()))) {
            if (block.rowsWhen() != null && !ConditionEvaluator.holds(block.rowsWhen(), context.inRow(section, row))) {
                continue;
            }
            rows.add(printed.stream().map(f -> texts.text(f, row.get(f.id()))).toList());
        }
        return new Printing.Rows(heading, printed.stream().map(f -> f.label().zh()).toList(), rows, blankRows);
    }

    /** A file field whose slot takes images is printed as the photo of its grid. */
    private boolean isPhoto(Field field) {
        return field.type() == FieldType.FILE && field.slot() != null
                && descriptor.slot(field.slot()).map(s -> s.image() != null).orElse(false);
    }

    /** The application's number as a Code 128 barcode carries it (FJ-1): its id without dashes, upper case. */
    static String barcode(Application application) {
        return application.id().replace("-", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** Every answer of fields of one type, in sections and rows alike (e.g. the organisations to name). */
    static Set<String> answersOfType(BusinessDescriptor descriptor, Application application, FieldType type) {
        Set<String> values = new LinkedHashSet<>();
        if (descriptor.form() == null) {
            return values;
        }
        for (Section section : descriptor.form().sections()) {
            for (Field f : section.fields()) {
                if (f.type() != type) {
                    continue;
                }
                if (Boolean.TRUE.equals(section.repeatable())) {
                    for (Map<String, Object> row : Rows.live(application.answers().get(section.id()))) {
                        add(values, row.get(f.id()));
                    }
                } else {
                    add(values, application.answers().get(f.id()));
                }
            }
        }
        return values;
    }

    private static void add(Set<String> values, Object value) {
        if (value instanceof String s && !s.isBlank()) {
            values.add(s);
        }
    }
}
