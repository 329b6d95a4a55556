package org.zhicheng.documents.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The CJK font every document embeds: Noto Sans SC (SIL Open Font License 1.1), fetched by the build and shipped in
 * this bundle. Its 10 MB are read once per JVM and parsed into a few {@link TrueTypeFont}s that documents borrow one
 * at a time: parsing per document would cost several times the rendering, and a parsed font is not safe for two
 * documents at once (its tables are read lazily from one stream, and subsetting reads it again at save time).
 */
public final class CjkFont {

    /** What is printed for a character the font lacks, rather than failing the whole document. */
    static final int MISSING = '\u25A1';

    private static final String RESOURCE = "fonts/400Regular/NotoSansSC_400Regular.ttf";

    private final byte[] bytes;
    private final BlockingQueue<TrueTypeFont> idle;
    private final int capacity;
    private int parsed;

    private CjkFont(byte[] bytes, int capacity) {
        this.bytes = bytes;
        this.capacity = capacity;
        this.idle = new ArrayBlockingQueue<>(capacity);
    }

    /** The bundled font, loaded on first use; as many parsed copies as there are processors, at least two. */
    public static CjkFont bundled() {
        return Bundled.FONT;
    }

    private static final class Bundled {
        static final CjkFont FONT = load();

        private static CjkFont load() {
            try (InputStream in = Objects.requireNonNull(CjkFont.class.getResourceAsStream(RESOURCE),
                    "the CJK font is missing from the bundle: " + RESOURCE)) {
                return new CjkFont(in.readAllBytes(), Math.max(2, Runtime.getRuntime().availableProcessors()));
            } catch (IOException e) {
                throw new UncheckedIOException("the CJK font cannot be read", e);
            }
        }
    }

    /** Borrows a parsed font, waiting while every copy is in use; give it back with {@link #release}. */
    TrueTypeFont borrow() {
        TrueTypeFont font = idle.poll();
        if (font != null) {
            return font;
        }
        synchronized (this) {
            if (parsed < capacity) {
                parsed++;
                return parse();
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the CJK font", e);
        }
    }

    void release(TrueTypeFont font) {
        idle.offer(font);
    }

    private TrueTypeFont parse() {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("the CJK font cannot be parsed", e);
        }
    }

    /** {@code text} with every character the font cannot draw replaced by a white square, and controls by spaces. */
    static String printable(TrueTypeFont font, String text) {
        CmapLookup cmap;
        try {
            cmap = font.getUnicodeCmapLookup();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            int replacement = Character.isISOControl(cp) ? ' ' : cmap.getGlyphId(cp) == 0 ? MISSING : cp;
            if (replacement != cp && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.appendCodePoint(replacement);
            }
            i += Character.charCount(cp);
        }
        return out == null ? text : out.toString();
    }
}
