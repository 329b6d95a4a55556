package org.zhicheng.media.internal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhicheng.api.business.descriptor.BilingualText;
import org.zhicheng.api.business.descriptor.FileType;
import org.zhicheng.api.business.descriptor.UploadSlot;
import org.zhicheng.media.check.Finding;
import org.zhicheng.media.image.ImageInspector;
import org.zhicheng.media.image.ImageReport;
import org.zhicheng.media.pdf.PdfInspector;
import org.zhicheng.media.pdf.PdfLimits;
import org.zhicheng.media.pdf.PdfReport;
import org.zhicheng.media.sniff.Sniffed;
import org.zhicheng.media.sniff.Sniffer;

/**
 * Every check of one uploaded file against its slot, in order of cost: empty, type sniffed from the bytes,
 * polyglot, then the image or PDF rules. Refusals are thrown as one {@link Refusals#rejected} 400.
 */
final class FileChecks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileChecks.class);

    /** How long a preview may take to render; a slower file is stored without one. */
    private static final long PREVIEW_SECONDS = 10;

    private final Sniffer sniffer = new Sniffer();
    private final ImageInspector images;
    private final PdfInspector pdfs = new PdfInspector(PdfLimits.defaults());
    // Rendering has no time bound of its own (a hostile PDF page can take long): previews run here, two at a time,
    // and are given up after PREVIEW_SECONDS.
    private final ExecutorService renderers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "zhicheng-media-preview");
        t.setDaemon(true);
        return t;
    });

    FileChecks(Clock clock, long maxPixels) {
        this.images = new ImageInspector(clock, maxPixels);
    }

    /** What the checks found out about an accepted file. */
    record Checked(FileType type, String mediaType, Integer width, Integer height, Integer pages,
            List<Finding> warnings) {
    }

    Checked check(byte[] content, UploadSlot slot) {
        if (content.length == 0) {
            throw Refusals.rejected(slot, List.of(Finding.of("file-empty", "文件是空的（0 字节），请重新选择文件。",
                    "The file is empty (0 bytes); choose the file again.")));
        }
        Sniffed sniffed = sniffer.sniff(content);
        FileType type = sniffed.type();
        if (type == null || !slot.accept().contains(type)) {
            throw Refusals.rejected(slot, List.of(wrongType(sniffed, slot)));
        }
        BilingualText other = sniffer.polyglot(content, type);
        if (other != null) {
            throw Refusals.rejected(slot, List.of(Finding.of("file-polyglot", "文件同时也是" + other.zh()
                    + "，可能被篡改，请从原始文件重新导出后上传。", "The file is also " + other.en()
                    + " and may have been tampered with; export it again from the original and upload that.")));
        }
        if (type == FileType.PDF) {
            PdfReport report = pdfs.inspect(content, slot.pdf());
            if (!report.accepted()) {
                throw Refusals.rejected(slot, report.refusals());
            }
            return new Checked(type, sniffed.mediaType(), null, null, report.pages(), report.warnings());
        }
        ImageReport report = images.inspect(content, type, slot.image());
        if (!report.accepted()) {
            throw Refusals.rejected(slot, report.refusals());
        }
        return new Checked(type, FileNames.mediaType(type), report.width(), report.height(), null,
                report.warnings());
    }

    /** A preview JPEG of an accepted file, or {@code null} when none can be made (the file is still stored). */
    byte[] preview(byte[] content, FileType type, int maxSide) {
        Future<byte[]> rendering = renderers.submit(() -> type == FileType.PDF ? pdfs.preview(content, maxSide)
                : images.preview(content, type, maxSide));
        try {
            return rendering.get(PREVIEW_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            rendering.cancel(true);
            LOG.warn("no preview of an accepted {} file: rendering took longer than {} s", type, PREVIEW_SECONDS);
            return null;
        } catch (ExecutionException e) {
            LOG.warn("no preview of an accepted {} file: {}", type, e.getCause().toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        renderers.shutdownNow();
    }

    private static Finding wrongType(Sniffed sniffed, UploadSlot slot) {
        String zh = slot.accept().stream().map(FileChecks::zh).collect(Collectors.joining("、"));
        String en = slot.accept().stream().map(t -> t.name()).collect(Collectors.joining(", "));
        return Finding.of("file-type", "文件实际为" + sniffed.description().zh() + "，“" + slot.name().zh() + "”只接受 "
                + zh + " 文件（以文件内容为准，改扩展名无效），请转换格式后再上传。", "The file is really "
                + sniffed.description().en() + "; \"" + slot.name().en() + "\" accepts only " + en
                + " files (judged by the content; renaming does not help). Convert it and upload again.");
    }

    private static String zh(FileType type) {
        return type == FileType.JPEG ? "JPG/JPEG" : type.name();
    }
}
