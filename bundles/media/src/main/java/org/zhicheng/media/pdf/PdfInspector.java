package org.zhicheng.media.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhicheng.api.business.descriptor.PdfRule;
import org.zhicheng.documents.pdf.CompressedStreams;
import org.zhicheng.media.check.Finding;

/**
 * Checks an uploaded PDF before it is stored (CQ-APP-4: PDF only, A4 pages, upright) and renders the preview of an
 * accepted one. Uploads are untrusted, so the file is parsed in memory only, within {@link PdfLimits}, and every
 * structure that could be made to cost without bound (compressed streams, the page tree, action chains) is walked
 * with bounds before PDFBox is trusted with it. A bad file never throws: it is refused with a precise bilingual
 * message saying what to fix.
 *
 * <p>Thread-safe: holds only its limits.
 */
public final class PdfInspector {

    private static final Logger LOG = LoggerFactory.getLogger(PdfInspector.class);

    /** All compressed streams together may expand to this many times the memory bound (a CPU bound). */
    private static final int TOTAL_EXPANSION_FACTOR = 16;

    private static final byte[] ENCRYPT = "/Encrypt".getBytes(StandardCharsets.US_ASCII);

    private final PdfLimits limits;

    /**
     * An inspector applying the given platform bounds.
     *
     * @param limits the platform bounds applied to every file
     */
    public PdfInspector(PdfLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Inspects a PDF. Never throws for bad content: every problem becomes a refusal with a precise bilingual
     * message.
     *
     * @param content the whole file (already size-bounded by the caller, at most a few tens of MB)
     * @param rule the slot's PDF rule, or null (still refuses unsafe/unparseable files and applies the limits)
     * @return the page count, refusals and warnings
     */
    public PdfReport inspect(byte[] content, PdfRule rule) {
        Objects.requireNonNull(content, "content");
        if (content.length == 0) {
            return refused(PdfFindings.emptyFile());
        }
        CompressedStreams.Raw raw = scanRaw(content);
        if (raw == CompressedStreams.Raw.OVERSIZED) {
            return refused(PdfFindings.oversizedStream(limits.maxMemoryBytes()));
        }
        if (raw == CompressedStreams.Raw.TOO_MANY_STREAMS) {
            return refused(PdfFindings.tooComplex("数据流过多", "too many streams"));
        }
        PDDocument document;
        try {
            document = load(content);
        } catch (InvalidPasswordException e) {
            return refused(PdfFindings.encrypted());
        } catch (IOException | RuntimeException e) {
            LOG.debug("PDF refused as unreadable", e);
            // E.g. a certificate (public-key) security handler: PDFBox cannot open it, but it is encryption.
            boolean encrypted = CompressedStreams.indexOf(content, ENCRYPT, 0) >= 0;
            return refused(encrypted ? PdfFindings.encrypted() : PdfFindings.unreadable());
        } catch (StackOverflowError e) {
            return refused(nestedTooDeeply());
        }
        try {
            return inspect(document, rule);
        } catch (IOException | RuntimeException e) {
            LOG.debug("PDF refused as unreadable", e);
            return refused(PdfFindings.unreadable());
        } catch (StackOverflowError e) {
            return refused(nestedTooDeeply());
        } finally {
            IOUtils.closeQuietly(document);
        }
    }

    /**
     * The first page rendered for display as a JPEG fitting {@code maxSide} × {@code maxSide} pixels (at most
     * {@value PagePreview#MAX_PIXELS} pixels whatever the page's size; no metadata). Callers call it only for
     * accepted files; the checks that keep rendering bounded are repeated anyway.
     *
     * @param content the whole file
     * @param maxSide the most pixels of either side, at least 1
     * @return the JPEG bytes
     * @throws IOException when the first page cannot be rendered
     */
    public byte[] preview(byte[] content, int maxSide) throws IOException {
        Objects.requireNonNull(content, "content");
        if (maxSide < 1) {
            throw new IllegalArgumentException("maxSide must be positive: " + maxSide);
        }
        if (scanRaw(content) != CompressedStreams.Raw.WITHIN_BOUNDS) {
            throw new IOException("Compressed streams expand beyond " + limits.maxMemoryBytes()
                    + " bytes, or are too many");
        }
        try (PDDocument document = load(content)) {
            if (document.isEncrypted()) {
                throw new IOException("The PDF is encrypted");
            }
            if (!CompressedStreams.objectStreamsWithinBounds(document.getDocument(), limits.maxMemoryBytes())) {
                throw new IOException("An object stream expands beyond " + limits.maxMemoryBytes() + " bytes");
            }
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            PageTree tree = PageTree.read(catalog, limits.maxPages(), limits.maxPageTreeDepth());
            if (!tree.intact() || tree.pages().isEmpty()) {
                throw new IOException("The PDF's page tree is damaged or empty");
            }
            return PagePreview.render(document, tree.pages().get(0), maxSide, limits.maxPageTreeDepth());
        } catch (RuntimeException | StackOverflowError e) {
            throw new IOException("The PDF's first page cannot be rendered", e);
        }
    }

    private PdfReport inspect(PDDocument document, PdfRule rule) throws IOException {
        if (document.isEncrypted()) {
            return refused(PdfFindings.encrypted()); // also when it opens without a password (owner password only)
        }
        if (!CompressedStreams.objectStreamsWithinBounds(document.getDocument(), limits.maxMemoryBytes())) {
            return refused(PdfFindings.oversizedStream(limits.maxMemoryBytes()));
        }
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        PageTree tree = PageTree.read(catalog, limits.maxPages(), limits.maxPageTreeDepth());
        List<Finding> refusals = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        int pages = tree.pages().size();
        if (!tree.intact()) {
            refusals.add(tree.problem());
        } else if (pages == 0) {
            refusals.add(PdfFindings.empty());
        } else if (rule != null && rule.maxPages() != null && pages > rule.maxPages()) {
            refusals.add(PdfFindings.tooManyPages(pages, rule.maxPages()));
        }
        refusals.addAll(ActiveContent.scan(document.getDocument(), catalog, tree.pages()));
        if (tree.intact()) {
            PageRules.check(tree.pages(), rule, refusals, warnings);
        }
        return new PdfReport(tree.intact() ? pages : 0, refusals, warnings);
    }

    private CompressedStreams.Raw scanRaw(byte[] content) {
        long perStream = limits.maxMemoryBytes();
        long total = perStream > Long.MAX_VALUE / TOTAL_EXPANSION_FACTOR ? Long.MAX_VALUE
                : perStream * TOTAL_EXPANSION_FACTOR;
        return CompressedStreams.scanRaw(content, perStream, total);
    }

    /** Parses in memory only: no temporary files, stream cache bounded by the memory limit. */
    private PDDocument load(byte[] content) throws IOException {
        return Loader.loadPDF(content, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(limits.maxMemoryBytes()).streamCache);
    }

    private static Finding nestedTooDeeply() {
        return PdfFindings.tooComplex("对象嵌套过深", "objects are nested too deeply");
    }

    private static PdfReport refused(Finding finding) {
        return new PdfReport(0, List.of(finding), List.of());
    }
}
