package org.zhicheng.media.pdf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.zhicheng.media.check.Finding;
import org.zhicheng.media.pdf.PdfFindings.Place;

/**
 * Finds active and carrier content an evidence PDF must not have (CQ-APP-4; issue P4: no JavaScript, no open
 * action, no embedded files): scripts, launch / submit / import actions, attachments, multimedia and XFA forms.
 *
 * <p>Two passes, both bounded. The first walks the places viewers act on (catalog, name trees, open action,
 * additional actions, pages, annotations, form fields, bookmarks, action chains), so messages can say where. The
 * second looks at every object in the cross-reference table for the same markers, so content hidden where the
 * first pass does not look is still refused (up to a bound on objects; beyond it the first pass stands alone).
 * Every walk keeps a visited set and a visit budget: cycles end, and a file with too much for the first pass to
 * look at is refused rather than looked at for ever.
 */
final class ActiveContent {

    /** Dictionaries and array entries the first pass may visit; far above any genuine document. */
    static final int MAX_VISITS = 200_000;

    /** Objects the second pass looks at; a larger document is covered by the first pass only. */
    static final int MAX_SWEEP_OBJECTS = 100_000;

    /** Dictionaries and arrays the second pass may visit before it stops. */
    static final int MAX_SWEEP_VISITS = 1_000_000;

    private static final int SWEEP_NESTING = 16;
    private static final COSName JS = COSName.getPDFName("JS");
    private static final COSName JAVA_SCRIPT = COSName.getPDFName("JavaScript");
    private static final COSName LAUNCH = COSName.getPDFName("Launch");
    private static final COSName SUBMIT_FORM = COSName.getPDFName("SubmitForm");
    private static final COSName IMPORT_DATA = COSName.getPDFName("ImportData");
    private static final COSName URI = COSName.getPDFName("URI");
    private static final COSName EF = COSName.getPDFName("EF");
    private static final COSName EMBEDDED_FILE = COSName.getPDFName("EmbeddedFile");
    private static final COSName EMBEDDED_FILES = COSName.getPDFName("EmbeddedFiles");
    private static final COSName FILE_ATTACHMENT = COSName.getPDFName("FileAttachment");
    private static final COSName AF = COSName.getPDFName("AF");
    private static final COSName XFA = COSName.getPDFName("XFA");
    private static final COSName OUTLINES = COSName.getPDFName("Outlines");
    private static final Set<COSName> MULTIMEDIA = Set.of(COSName.getPDFName("RichMedia"),
            COSName.getPDFName("Movie"), COSName.getPDFName("Sound"), COSName.getPDFName("Screen"),
            COSName.getPDFName("3D"));

    private final Map<String, Set<Place>> found = new LinkedHashMap<>();
    private final Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final int maxVisits;
    private int visits;
    private boolean exhausted;

    private ActiveContent(int maxVisits) {
        this.maxVisits = maxVisits;
    }

    /**
     * The refusals for the active or embedded content of a document.
     *
     * @param document the parsed document
     * @param catalog its catalog
     * @param pages the pages read from its page tree
     */
    static List<Finding> scan(COSDocument document, COSDictionary catalog, List<Page> pages) {
        ActiveContent scan = new ActiveContent(MAX_VISITS);
        scan.catalog(catalog);
        for (Page page : pages) {
            scan.page(page);
        }
        scan.sweep(document);
        List<Finding> refusals = new ArrayList<>();
        scan.found.forEach((code, places) -> refusals.add(PdfFindings.active(code, List.copyOf(places))));
        if (scan.exhausted) {
            refusals.add(PdfFindings.tooComplex("链接、批注、书签或表单域过多",
                    "too many links, annotations, bookmarks or form fields"));
        }
        return refusals;
    }

    private void catalog(COSDictionary catalog) {
        COSBase openAction = catalog.getDictionaryObject(COSName.OPEN_ACTION);
        if (openAction != null) {
            // Even a plain "go to page" (action or destination) is refused: the issue refuses every open action.
            add(PdfFindings.OPEN_ACTION, Place.OPEN_ACTION);
            if (openAction instanceof COSDictionary) {
                action(openAction, Place.OPEN_ACTION);
            }
        }
        additionalActions(catalog.getDictionaryObject(COSName.AA), Place.DOCUMENT_EVENTS);
        if (catalog.getDictionaryObject(COSName.NAMES) instanceof COSDictionary names) {
            if (nonEmptyTree(names.getDictionaryObject(JAVA_SCRIPT))) {
                add(PdfFindings.JAVASCRIPT, Place.DOCUMENT_SCRIPTS);
            }
            if (nonEmptyTree(names.getDictionaryObject(EMBEDDED_FILES))) {
                add(PdfFindings.EMBEDDED_FILE, Place.ATTACHMENTS);
            }
        }
        if (catalog.getDictionaryObject(AF) instanceof COSArray files && files.size() > 0) {
            add(PdfFindings.EMBEDDED_FILE, Place.ATTACHMENTS);
        }
        if (catalog.getDictionaryObject(COSName.ACRO_FORM) instanceof COSDictionary form) {
            if (form.getDictionaryObject(XFA) != null) {
                add(PdfFindings.XFA, Place.FORM);
            }
            fields(form.getDictionaryObject(COSName.FIELDS));
        }
        if (catalog.getDictionaryObject(OUTLINES) instanceof COSDictionary outlines) {
            bookmarks(outlines.getDictionaryObject(COSName.FIRST));
        }
    }

    private void page(Page page) {
        COSDictionary dictionary = page.dictionary();
        additionalActions(dictionary.getDictionaryObject(COSName.AA), Place.pageEvents(page.number()));
        if (dictionary.getDictionaryObject(COSName.ANNOTS) instanceof COSArray annotations) {
            Place place = Place.annotation(page.number());
            for (COSBase entry : annotations) {
                if (!tick()) {
                    return;
                }
                if (resolve(entry) instanceof COSDictionary annotation && seen.add(annotation)) {
                    classify(annotation, place);
                    action(annotation.getDictionaryObject(COSName.A), place);
                    additionalActions(annotation.getDictionaryObject(COSName.AA), place);
                }
            }
        }
    }

    /** Form fields and their widgets, through /Kids. */
    private void fields(COSBase roots) {
        Deque<COSBase> todo = new ArrayDeque<>();
        pushIfPresent(todo, roots);
        while (!todo.isEmpty() && tick()) {
            COSBase base = resolve(todo.pop());
            if (base instanceof COSArray array && seen.add(array)) {
                array.forEach(todo::push);
            } else if (base instanceof COSDictionary field && seen.add(field)) {
                classify(field, Place.FORM);
                action(field.getDictionaryObject(COSName.A), Place.FORM);
                additionalActions(field.getDictionaryObject(COSName.AA), Place.FORM);
                pushIfPresent(todo, field.getItem(COSName.KIDS));
            }
        }
    }

    /** Outline items: each one's action, its first child and its next sibling. */
    private void bookmarks(COSBase first) {
        Deque<COSBase> todo = new ArrayDeque<>();
        pushIfPresent(todo, first);
        while (!todo.isEmpty() && tick()) {
            if (resolve(todo.pop()) instanceof COSDictionary item && seen.add(item)) {
                action(item.getDictionaryObject(COSName.A), Place.BOOKMARKS);
                pushIfPresent(todo, item.getItem(COSName.NEXT));
                pushIfPresent(todo, item.getItem(COSName.FIRST));
            }
        }
    }

    /** An additional-actions dictionary: every trigger's action. */
    private void additionalActions(COSBase actions, Place place) {
        if (resolve(actions) instanceof COSDictionary triggers) {
            for (COSBase action : triggers.getValues()) {
                if (!tick()) {
                    return;
                }
                action(action, place);
            }
        }
    }

    /** An action and the chain of actions after it (/Next: one action or an array of them). */
    private void action(COSBase start, Place place) {
        Deque<COSBase> todo = new ArrayDeque<>();
        pushIfPresent(todo, start);
        while (!todo.isEmpty() && tick()) {
            COSBase base = resolve(todo.pop());
            if (base instanceof COSArray array && seen.add(array)) {
                array.forEach(todo::push);
            } else if (base instanceof COSDictionary action && seen.add(action)) {
                classify(action, place);
                pushIfPresent(todo, action.getItem(COSName.NEXT));
            }
        }
    }

    /** The markers of active or embedded content a single dictionary may carry. */
    private void classify(COSDictionary dictionary, Place place) {
        COSName type = dictionary.getCOSName(COSName.S);
        if (JAVA_SCRIPT.equals(type) || dictionary.containsKey(JS)) {
            add(PdfFindings.JAVASCRIPT, place);
        } else if (LAUNCH.equals(type)) {
            add(PdfFindings.LAUNCH, place);
        } else if (SUBMIT_FORM.equals(type)) {
            add(PdfFindings.SUBMIT_FORM, place);
        } else if (IMPORT_DATA.equals(type)) {
            add(PdfFindings.IMPORT_DATA, place);
        } else if (URI.equals(type) && dictionary.getDictionaryObject(URI) instanceof COSString uri
                && uri.getString().strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
            add(PdfFindings.JAVASCRIPT, place);
        }
        COSName subtype = dictionary.getCOSName(COSName.SUBTYPE);
        if (dictionary.containsKey(EF) || EMBEDDED_FILE.equals(dictionary.getCOSName(COSName.TYPE))
                || FILE_ATTACHMENT.equals(subtype)) {
            add(PdfFindings.EMBEDDED_FILE, place);
        }
        if (subtype != null && MULTIMEDIA.contains(subtype)) {
            add(PdfFindings.MULTIMEDIA, place);
        }
        if (dictionary.containsKey(XFA)) {
            add(PdfFindings.XFA, place);
        }
    }

    /**
     * The second pass: every indirect object and the dictionaries nested directly in it. Codes the first pass
     * already found are not repeated; new ones are reported as found elsewhere.
     */
    private void sweep(COSDocument document) {
        Set<COSObjectKey> keys = document.getXrefTable().keySet();
        if (keys.size() > MAX_SWEEP_OBJECTS) {
            return;
        }
        Set<String> before = Set.copyOf(found.keySet());
        Map<String, Set<Place>> elsewhere = new LinkedHashMap<>();
        ActiveContent probe = new ActiveContent(MAX_SWEEP_VISITS);
        for (COSObjectKey key : List.copyOf(keys)) {
            COSBase object = document.getObjectFromPool(key).getObject();
            probe.nested(object, 0);
        }
        probe.found.keySet().stream().filter(code -> !before.contains(code))
                .forEach(code -> elsewhere.computeIfAbsent(code, c -> new LinkedHashSet<>()).add(Place.ELSEWHERE));
        elsewhere.forEach((code, places) -> found.computeIfAbsent(code, c -> new LinkedHashSet<>()).addAll(places));
    }

    private void nested(COSBase base, int depth) {
        if (depth > SWEEP_NESTING || !tick()) {
            return;
        }
        if (base instanceof COSDictionary dictionary) {
            classify(dictionary, Place.ELSEWHERE);
            for (COSBase value : dictionary.getValues()) {
                if (value instanceof COSDictionary || value instanceof COSArray) {
                    nested(value, depth + 1);
                }
            }
        } else if (base instanceof COSArray array) {
            for (COSBase value : array) {
                if (value instanceof COSDictionary || value instanceof COSArray) {
                    nested(value, depth + 1);
                }
            }
        }
    }

    /** Whether a name tree (JavaScript, EmbeddedFiles) has any entry or child at its root. */
    private static boolean nonEmptyTree(COSBase tree) {
        if (!(tree instanceof COSDictionary node)) {
            return tree != null && !(tree instanceof COSNull);
        }
        return node.getDictionaryObject(COSName.NAMES) instanceof COSArray names && names.size() > 0
                || node.getDictionaryObject(COSName.KIDS) instanceof COSArray kids && kids.size() > 0;
    }

    private void add(String code, Place place) {
        found.computeIfAbsent(code, c -> new LinkedHashSet<>()).add(place);
    }

    private boolean tick() {
        if (++visits > maxVisits) {
            exhausted = true;
        }
        return !exhausted;
    }

    private static void pushIfPresent(Deque<COSBase> todo, COSBase base) {
        if (base != null) {
            todo.push(base);
        }
    }

    private static COSBase resolve(COSBase base) {
        return base instanceof COSObject reference ? reference.getObject() : base;
    }
}
