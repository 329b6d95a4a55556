package org.zhicheng.documents.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * Bounds on how far compressed streams may expand, checked before PDFBox expands them. PDFBox decodes a stream
 * wholly into memory (not into the bounded stream cache), and it decodes object and cross-reference streams while
 * loading, or all object streams at once when it repairs a damaged file; a few kilobytes of deflate data can
 * expand to gigabytes. So: before loading, every stream in the raw bytes is inflated into nothing, as PDFBox's own
 * flate decoder would, counting the bytes; after loading, each object stream is decoded through its whole filter
 * chain, counting the same way, before any object in it is read. Every place that parses a PDF from outside uses
 * it: evidence uploads (media) and the public certificate check (certificates).
 */
public final class CompressedStreams {

    private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
    private static final Set<COSName> STREAMING_FILTERS = Set.of(COSName.FLATE_DECODE,
            COSName.FLATE_DECODE_ABBREVIATION, COSName.LZW_DECODE, COSName.LZW_DECODE_ABBREVIATION,
            COSName.ASCII_HEX_DECODE, COSName.ASCII_HEX_DECODE_ABBREVIATION, COSName.ASCII85_DECODE,
            COSName.ASCII85_DECODE_ABBREVIATION, COSName.RUN_LENGTH_DECODE, COSName.RUN_LENGTH_DECODE_ABBREVIATION);

    private CompressedStreams() {
    }

    /** What the raw scan found. */
    public enum Raw {
        /** Every stream within the bounds. */
        WITHIN_BOUNDS,
        /** A stream, or all of them together, expands beyond the bounds. */
        OVERSIZED,
        /** More streams than any genuine file of this size has; not worth the time to try them all. */
        TOO_MANY_STREAMS
    }

    /** How many streams the raw scan tries to inflate; far above any genuine file (each try costs microseconds). */
    public static final int MAX_STREAMS = 50_000;

    /**
     * Scans the raw file: every deflate stream must expand to at most {@code perStream} bytes, and all of them
     * together to at most {@code total}.
     */
    public static Raw scanRaw(byte[] pdf, long perStream, long total) {
        byte[] sink = new byte[64 * 1024];
        // PDFBox's flate decoder skips the two-byte zlib header whatever it is and inflates the rest raw.
        Inflater inflater = new Inflater(true);
        try {
            long expanded = 0;
            int streams = 0;
            int from = 0;
            int keyword;
            while ((keyword = indexOf(pdf, STREAM, from)) >= 0) {
                from = keyword + STREAM.length;
                int data = streamData(pdf, keyword);
                if (data < 0) {
                    continue;
                }
                if (data + 2 >= pdf.length) {
                    break;
                }
                if (++streams > MAX_STREAMS) {
                    return Raw.TOO_MANY_STREAMS;
                }
                inflater.reset();
                inflater.setInput(pdf, data + 2, pdf.length - data - 2);
                long produced = 0;
                try {
                    int idle = 0;
                    while (!inflater.finished() && idle < 4) {
                        int n = inflater.inflate(sink);
                        if (n == 0) {
                            if (inflater.needsInput() || inflater.needsDictionary()) {
                                break;
                            }
                            idle++;
                        }
                        produced += n;
                        expanded += n;
                        if (produced > perStream || expanded > total) {
                            return Raw.OVERSIZED;
                        }
                    }
                } catch (DataFormatException notDeflate) {
                    // Not deflate data, or damaged: PDFBox stops there too; what was produced is already counted.
                }
                // Compressed data cannot hold another stream; resume after what the inflater consumed.
                from = (int) Math.min(pdf.length, Math.max(from, data + 2 + inflater.getBytesRead()));
            }
            return Raw.WITHIN_BOUNDS;
        } finally {
            inflater.end();
        }
    }

    /**
     * Where the data of a stream starts, if the {@code stream} at {@code keyword} is the keyword: after whitespace
     * or a dictionary's {@code >}, not {@code endstream}, and followed by an end of line (spaces before it are
     * tolerated, as PDFBox does). -1 otherwise, e.g. for "mainstream" or "streams" in uncompressed text.
     */
    private static int streamData(byte[] pdf, int keyword) {
        if (keyword > 0) {
            byte before = pdf[keyword - 1];
            if (!(before == '>' || before == ' ' || before == '\n' || before == '\r' || before == '\t'
                    || before == '\f' || before == 0)) {
                return -1;
            }
        }
        int at = keyword + STREAM.length;
        while (at < pdf.length && at - keyword < 64 && (pdf[at] == ' ' || pdf[at] == '\t')) {
            at++;
        }
        if (at >= pdf.length || (pdf[at] != '\r' && pdf[at] != '\n')) {
            return -1;
        }
        if (pdf[at] == '\r') {
            at++;
        }
        if (at < pdf.length && pdf[at] == '\n') {
            at++;
        }
        return at;
    }

    /**
     * Whether every object stream of a loaded document decodes to at most {@code limit} bytes, and all of them
     * together too. Object streams with image or unknown filters are not decoded and count as over the limit.
     */
    public static boolean objectStreamsWithinBounds(COSDocument document, long limit) throws IOException {
        Set<Long> numbers = new TreeSet<>();
        for (Map.Entry<COSObjectKey, Long> entry : document.getXrefTable().entrySet()) {
            if (entry.getValue() != null && entry.getValue() < 0) {
                numbers.add(-entry.getValue()); // a compressed object: minus the number of its object stream
            }
        }
        long total = 0;
        for (long number : numbers) {
            if (document.getObjectFromPool(new COSObjectKey(number, 0)).getObject() instanceof COSStream stream) {
                long length = decodedLength(stream, limit - total);
                if (length < 0) {
                    return false;
                }
                total += length;
            }
        }
        return true;
    }

    /** The decoded length of a stream, or -1 when it exceeds {@code limit} or cannot be decoded safely. */
    private static long decodedLength(COSStream stream, long limit) throws IOException {
        List<COSName> filters = filters(stream.getFilters());
        if (filters == null) {
            return -1;
        }
        if (filters.isEmpty()) {
            return stream.getLength();
        }
        InputStream in = stream.createRawInputStream();
        try {
            for (int i = 0;; i++) {
                boolean last = i == filters.size() - 1;
                Bounded out = new Bounded(limit, !last);
                try {
                    FilterFactory.INSTANCE.getFilter(filters.get(i)).decode(in, out, stream, i);
                } catch (IOException damaged) {
                    // Over the limit, or damaged data: PDFBox keeps what decoded, so the count so far stands.
                }
                if (out.exceeded) {
                    return -1;
                }
                if (last) {
                    return out.count;
                }
                in.close();
                in = out.kept();
            }
        } finally {
            in.close();
        }
    }

    private static List<COSName> filters(COSBase base) {
        List<COSName> names = new ArrayList<>();
        if (base instanceof COSName name) {
            names.add(name);
        } else if (base instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (!(array.getObject(i) instanceof COSName name)) {
                    return null;
                }
                names.add(name);
            }
        } else if (base != null) {
            return null;
        }
        return names.stream().allMatch(STREAMING_FILTERS::contains) ? names : null;
    }

    public static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Counts what a filter writes, keeping it only when another filter must read it, and stops at a limit. */
    private static final class Bounded extends OutputStream {

        private final long limit;
        private final ByteArrayOutputStream kept;
        long count;
        boolean exceeded;

        Bounded(long limit, boolean keep) {
            this.limit = limit;
            this.kept = keep ? new ByteArrayOutputStream() : null;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
            if (count > limit) {
                exceeded = true;
                throw new IOException("decoded stream exceeds " + limit + " bytes");
            }
            if (kept != null) {
                kept.write(b, off, len);
            }
        }

        InputStream kept() {
            return new ByteArrayInputStream(kept == null ? new byte[0] : kept.toByteArray());
        }
    }
}
