package org.zhicheng.documents.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * One PDF being composed: pages, text measuring and wrapping, and what goes on every page at the end (a diagonal
 * watermark such as CQ-DOC-1's 草稿, page numbers). Not thread-safe: one composer per document and thread. Always
 * close it, which gives the borrowed font back.
 *
 * <p>Pages are recorded and drawn when the document is written, so that the CJK font is subsetted to exactly the
 * characters printed with fontbox's {@link TTFSubsetter} and embedded with a cmap of those characters only. PDFBox's
 * own subsetting maps each glyph back to the lowest code point the full font gives it, so text copied or searched
 * in the PDF would read Kangxi radicals (⼈, U+2F08) instead of the ideographs printed (人, U+4EBA); it also closes
 * the font it subsetted, which is shared here.
 */
public final class PdfComposer implements AutoCloseable {

    private final CjkFont fonts;
    private final TrueTypeFont ttf;
    private final CmapLookup cmap;
    private final float unitsPerEm;
    private final Map<Integer, Integer> advances = new HashMap<>();
    private final PDDocument document = new PDDocument();
    private final Set<Integer> printed = new TreeSet<>();
    private final List<PdfPage> pages = new ArrayList<>();
    private PDType0Font font;
    private boolean written;
    private String watermark;
    private String pageNumberFormat;
    private boolean closed;

    public PdfComposer(CjkFont fonts) {
        this.fonts = fonts;
        this.ttf = fonts.borrow();
        try {
            this.cmap = ttf.getUnicodeCmapLookup();
            this.unitsPerEm = ttf.getUnitsPerEm();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("the CJK font cannot be read", e);
        }
    }

    /** Adds a page at the end. */
    public PdfPage addPage(PaperSize size, boolean landscape) {
        PDPage page = new PDPage(size.rectangle(landscape));
        document.addPage(page);
        PdfPage added = new PdfPage(this, page, size, landscape);
        pages.add(added);
        return added;
    }

    public List<PdfPage> pages() {
        return List.copyOf(pages);
    }

    /** A diagonal watermark across every page, drawn over the content, e.g. 草稿 until a step has passed (CQ-DOC-1). */
    public void watermark(String text) {
        this.watermark = text;
    }

    /**
     * Numbers every page at the bottom centre; {@code format} takes the page number and the page count, e.g.
     * {@code 第 %d 页，共 %d 页}.
     */
    public void pageNumbers(String format) {
        this.pageNumberFormat = format;
    }

    /**
     * Title, author and dates in the document information. Without {@code created} the document carries no date,
     * so that printing the same data again gives the same bytes.
     */
    public void describe(String title, String author, Instant created) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setAuthor(author);
        info.setProducer("Zhicheng");
        if (created == null) {
            return;
        }
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"), Locale.ROOT);
        calendar.setTimeInMillis(created.toEpochMilli());
        info.setCreationDate(calendar);
        info.setModificationDate(calendar);
    }

    /** The width of {@code text} in points at {@code size}. */
    public float width(String text, float size) {
        String shown = printable(text);
        float units = 0;
        for (int i = 0; i < shown.length();) {
            int cp = shown.codePointAt(i);
            units += advances.computeIfAbsent(cp, this::advance);
            i += Character.charCount(cp);
        }
        return units / unitsPerEm * size;
    }

    private int advance(int codePoint) {
        try {
            return ttf.getAdvanceWidth(cmap.getGlyphId(codePoint));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code text} broken into lines no wider than {@code width}: at its line breaks, then where Chinese and English
     * allow a break (between CJK characters, at spaces, never before closing punctuation such as ，。), and inside
     * a word only when the word alone is too wide. Nothing is dropped.
     */
    public List<String> wrap(String text, float width, float size) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : (text == null ? "" : text).split("\r\n|\n|\r", -1)) {
            wrapParagraph(printable(paragraph), width, size, lines);
        }
        return lines;
    }

    private void wrapParagraph(String paragraph, float width, float size, List<String> lines) {
        BreakIterator breaks = BreakIterator.getLineInstance(Locale.SIMPLIFIED_CHINESE);
        breaks.setText(paragraph);
        StringBuilder line = new StringBuilder();
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String piece = paragraph.substring(start, end);
            if (width(line + piece.stripTrailing(), size) <= width) {
                line.append(piece);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            // A piece wider than the whole line (a long number or word) is cut where it must be.
            while (width(piece.stripTrailing(), size) > width && piece.length() > 1) {
                int cut = 1;
                while (cut < piece.length() && width(piece.substring(0, cut + 1), size) <= width) {
                    cut++;
                }
                if (Character.isHighSurrogate(piece.charAt(cut - 1)) && cut < piece.length()) {
                    cut++;
                }
                lines.add(piece.substring(0, cut));
                piece = piece.substring(cut);
            }
            line.append(piece);
        }
        lines.add(line.toString().stripTrailing());
    }

    /** The finished document's bytes; once only. The composer must still be closed afterwards. */
    public byte[] toPdf() {
        if (written) {
            throw new IllegalStateException("the document was written already");
        }
        written = true;
        try {
            for (int i = 0; i < pages.size(); i++) {
                PdfPage page = pages.get(i);
                if (pageNumberFormat != null) {
                    String number = String.format(Locale.ROOT, pageNumberFormat, i + 1, pages.size());
                    float size = 9;
                    page.text(number, (page.width() - width(number, size)) / 2, page.height() - 20, size, false);
                }
                if (watermark != null) {
                    stampWatermark(page);
                }
            }
            font = PDType0Font.load(document, new ByteArrayInputStream(subset()), false);
            for (PdfPage page : pages) {
                page.draw();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF cannot be written", e);
        }
    }

    /** The font cut down to the characters printed, its name tagged as PDF subsets are (ISO 32000-1, 9.6.4). */
    private byte[] subset() throws IOException {
        TTFSubsetter subsetter = new TTFSubsetter(ttf, List.of("head", "hhea", "loca", "maxp", "cvt ", "prep",
                "glyf", "hmtx", "fpgm", "gasp", "cmap", "OS/2", "post", "name"));
        subsetter.addAll(printed);
        subsetter.setPrefix(tag(printed.hashCode()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        subsetter.writeToStream(out);
        return out.toByteArray();
    }

    /** Six capital letters from the printed characters, so the same document always gets the same tag. */
    private static String tag(int hash) {
        StringBuilder tag = new StringBuilder(7);
        long h = hash & 0xFFFFFFFFL;
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + h % 26));
            h /= 26;
        }
        return tag.append('+').toString();
    }

    /** Large grey text at 45° through the page's centre, translucent so that the content stays legible. */
    private void stampWatermark(PdfPage page) {
        String text = printable(watermark);
        note(text);
        float diagonal = (float) Math.hypot(page.width(), page.height());
        float size = Math.min(160, diagonal * 0.6f / Math.max(1, width(text, 1)));
        float angle = (float) Math.atan2(page.height(), page.width());
        PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
        translucent.setNonStrokingAlphaConstant(0.18f);
        page.record((s, font) -> {
            s.saveGraphicsState();
            s.setGraphicsStateParameters(translucent);
            s.setNonStrokingColor(0.3f, 0.3f, 0.3f);
            s.beginText();
            s.setFont(font, size);
            Matrix m = Matrix.getRotateInstance(angle, page.width() / 2, page.height() / 2);
            m.translate(-width(text, size) / 2, -size * 0.35f);
            s.setTextMatrix(m);
            s.showText(text);
            s.endText();
            s.restoreGraphicsState();
        });
    }

    PDDocument document() {
        return document;
    }

    PDType0Font font() {
        return font;
    }

    /** Remembers the characters of text that will be drawn, for the subset. */
    void note(String printable) {
        printable.codePoints().forEach(printed::add);
    }

    String printable(String text) {
        return CjkFont.printable(ttf, text == null ? "" : text);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            document.close();
        } catch (IOException e) {
            // Nothing was written; the memory is released either way.
        } finally {
            fonts.release(ttf);
        }
    }
}
