package org.zhicheng.media.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The first page of an accepted PDF as a display JPEG: rendered at the scale that fits the requested square and a
 * pixel budget whatever the page's box claims, then re-encoded by the JDK's JPEG writer into memory with no
 * metadata beyond the JFIF header.
 */
final class PagePreview {

    /** The most pixels a preview may have, whatever the requested size (4 Mpx ≈ 12 MB of RGB raster). */
    static final long MAX_PIXELS = 4_000_000;

    private static final float QUALITY = 0.85f;

    private PagePreview() {
    }

    /**
     * Renders the first page.
     *
     * @param document the loaded document, its page tree already checked
     * @param first the first page as the checked page tree read it
     * @param maxSide the most pixels of either side
     * @param maxDepth the most levels of parents the page may have
     */
    static byte[] render(PDDocument document, Page first, int maxSide, int maxDepth) throws IOException {
        requireShallowParents(first.dictionary(), maxDepth);
        PDPage page = document.getPage(0);
        if (page.getCOSObject() != first.dictionary()) {
            throw new IOException("The page tree's counts do not lead to its first page");
        }
        PDRectangle box = page.getCropBox();
        double width = box.getWidth();
        double height = box.getHeight();
        if (!(width > 0 && height > 0 && Double.isFinite(width * height))) {
            throw new IOException("The first page has no area: " + box);
        }
        double scale = Math.min(maxSide / Math.max(width, height), Math.sqrt(MAX_PIXELS / (width * height)));
        PDFRenderer renderer = new PDFRenderer(document);
        renderer.setSubsamplingAllowed(true); // big scans are read at the resolution shown, not in full
        BufferedImage image = renderer.renderImage(0, (float) scale, ImageType.RGB);
        return jpeg(image);
    }

    /** PDFBox looks inherited attributes up through /Parent recursively; a cycle there would overflow the stack. */
    private static void requireShallowParents(COSDictionary page, int maxDepth) throws IOException {
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        COSDictionary node = page;
        while (node != null) {
            if (!seen.add(node) || seen.size() > maxDepth + 2) {
                throw new IOException("The first page's parents loop or nest too deeply");
            }
            node = node.getCOSDictionary(COSName.PARENT);
        }
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = jdkJpegWriter();
        try {
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(QUALITY);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            // In memory: ImageIO.createImageOutputStream would use a temporary file cache.
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), parameters);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    /** The JDK's own writer, which needs no plug-in scan; another registered one only if it is missing. */
    private static ImageWriter jdkJpegWriter() throws IOException {
        ImageWriter fallback = null;
        for (Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg"); writers.hasNext();) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith("com.sun.imageio.")) {
                if (fallback != null) {
                    fallback.dispose();
                }
                return writer;
            }
            if (fallback == null) {
                fallback = writer;
            } else {
                writer.dispose();
            }
        }
        if (fallback == null) {
            throw new IOException("No JPEG writer available");
        }
        return fallback;
    }
}
