package org.zhicheng.media.pdf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.zhicheng.media.check.Finding;

/**
 * The pages of a document, read by walking the page tree ourselves with bounds on depth, node count and page count
 * and with cycle detection, instead of trusting {@code /Count} as PDFBox does: a crafted tree (a node listing itself,
 * a node repeated at every level, a {@code /Count} of 100 000 000) must cost no more than a well-formed one.
 *
 * @param pages the pages in document order; when there is a problem, only those read before it
 * @param problem why the tree cannot be trusted ({@code pdf-page-tree} or {@code pdf-too-many-pages}), or null
 */
record PageTree(List<Page> pages, Finding problem) {

    private static final float LETTER_WIDTH = 612;
    private static final float LETTER_HEIGHT = 792;

    PageTree {
        pages = List.copyOf(pages);
    }

    /** Whether every page was read and the tree is consistent. */
    boolean intact() {
        return problem == null;
    }

    /**
     * Reads the page tree of a catalog.
     *
     * @param catalog the document catalog
     * @param maxPages the most pages to read; one more is a {@code pdf-too-many-pages} problem
     * @param maxDepth the most levels of page-tree nodes
     */
    static PageTree read(COSDictionary catalog, int maxPages, int maxDepth) {
        if (!(catalog.getDictionaryObject(COSName.PAGES) instanceof COSDictionary root)) {
            return new PageTree(List.of(), PdfFindings.pageTreeMissing());
        }
        // A well-formed tree has fewer inner nodes than pages; anything far beyond is padding or a bomb.
        long maxNodes = 2L * maxPages + 64;
        List<Page> pages = new ArrayList<>();
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Step> todo = new ArrayDeque<>();
        todo.push(new Step(root, 0, Inherited.NONE));
        while (!todo.isEmpty()) {
            Step step = todo.pop();
            COSBase base = step.node() instanceof COSObject reference ? reference.getObject() : step.node();
            if (!(base instanceof COSDictionary node)) {
                continue; // PDFBox and viewers skip kids that are not dictionaries
            }
            if (!seen.add(node)) {
                return new PageTree(pages, PdfFindings.pageTreeCycle());
            }
            if (seen.size() > maxNodes) {
                return new PageTree(pages, PdfFindings.pageTreeTooLarge());
            }
            Inherited inherited = step.inherited().with(node);
            if (COSName.PAGES.equals(node.getCOSName(COSName.TYPE)) || node.containsKey(COSName.KIDS)) {
                if (step.depth() >= maxDepth) {
                    return new PageTree(pages, PdfFindings.pageTreeTooDeep(maxDepth));
                }
                if (node.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
                    if (kids.size() > maxPages) {
                        return new PageTree(pages, PdfFindings.tooManyPagesForPlatform(maxPages));
                    }
                    for (int i = kids.size() - 1; i >= 0; i--) {
                        todo.push(new Step(kids.get(i), step.depth() + 1, inherited));
                    }
                }
            } else {
                if (pages.size() == maxPages) {
                    return new PageTree(pages, PdfFindings.tooManyPagesForPlatform(maxPages));
                }
                pages.add(page(pages.size() + 1, node, inherited));
            }
        }
        COSBase count = root.getDictionaryObject(COSName.COUNT);
        if (!(count instanceof COSNumber declared)) {
            return new PageTree(pages, PdfFindings.pageCountMissing(pages.size()));
        }
        if (declared.longValue() != pages.size()) {
            // PDFBox and viewers index pages by /Count: a wrong one shows missing or phantom pages.
            return new PageTree(pages, PdfFindings.pageCountMismatch(declared.longValue(), pages.size()));
        }
        return new PageTree(pages, null);
    }

    private static Page page(int number, COSDictionary node, Inherited inherited) {
        float[] media = rectangle(inherited.mediaBox());
        if (media == null) {
            media = new float[] {0, 0, LETTER_WIDTH, LETTER_HEIGHT}; // what PDFBox and viewers assume
        }
        float[] box = media;
        float[] crop = rectangle(inherited.cropBox());
        if (crop != null) {
            // The crop box is clipped to the media box (ISO 32000-1, 14.11.2).
            box = new float[] {Math.max(crop[0], media[0]), Math.max(crop[1], media[1]),
                Math.min(crop[2], media[2]), Math.min(crop[3], media[3])};
        }
        int rotation = inherited.rotate() instanceof COSNumber n ? Math.floorMod(n.intValue(), 360) : 0;
        float userUnit = 1;
        if (node.getDictionaryObject(COSName.getPDFName("UserUnit")) instanceof COSNumber unit) {
            float value = unit.floatValue();
            if (Float.isFinite(value) && value > 0) {
                userUnit = value;
            }
        }
        return new Page(number, node, Math.max(0, box[2] - box[0]), Math.max(0, box[3] - box[1]), rotation,
                userUnit);
    }

    /** A rectangle normalised to lower-left / upper-right, or null when the entry is not one. */
    private static float[] rectangle(COSBase base) {
        if (!(base instanceof COSArray array) || array.size() < 4) {
            return null;
        }
        float[] values = new float[4];
        for (int i = 0; i < 4; i++) {
            if (!(array.getObject(i) instanceof COSNumber number) || !Float.isFinite(number.floatValue())) {
                return null;
            }
            values[i] = number.floatValue();
        }
        return new float[] {Math.min(values[0], values[2]), Math.min(values[1], values[3]),
            Math.max(values[0], values[2]), Math.max(values[1], values[3])};
    }

    private record Step(COSBase node, int depth, Inherited inherited) {
    }

    /** The inheritable page attributes that matter here, passed down the tree (not looked up through /Parent). */
    private record Inherited(COSBase mediaBox, COSBase cropBox, COSBase rotate) {

        static final Inherited NONE = new Inherited(null, null, null);

        Inherited with(COSDictionary node) {
            return new Inherited(own(node, COSName.MEDIA_BOX, mediaBox), own(node, COSName.CROP_BOX, cropBox),
                    own(node, COSName.ROTATE, rotate));
        }

        private static COSBase own(COSDictionary node, COSName key, COSBase inherited) {
            COSBase value = node.getDictionaryObject(key);
            return value != null ? value : inherited;
        }
    }
}
