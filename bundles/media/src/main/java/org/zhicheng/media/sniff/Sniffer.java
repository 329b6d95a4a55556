package org.zhicheng.media.sniff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.zhicheng.api.business.descriptor.BilingualText;
import org.zhicheng.api.business.descriptor.FileType;

/**
 * Decides a file's type from its magic bytes with Apache Tika's type database, and nothing else: no name, no
 * declared type (DESIGN: media). Also recognises polyglots, files that are valid as two formats at once, which an
 * image or PDF decoder alone would accept.
 */
public final class Sniffer {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    /** Browsers sniff markup in the first 512 bytes; PDF readers look for their header in the first 1024. */
    private static final int HEAD = 1024;
    private static final String[] MARKUP = {"<html", "<script", "<svg", "<!doctype", "<body", "<iframe"};

    private static final Map<String, FileType> ACCEPTED = Map.of(
            "image/jpeg", FileType.JPEG,
            "image/png", FileType.PNG,
            "image/bmp", FileType.BMP,
            "image/x-ms-bmp", FileType.BMP,
            "application/pdf", FileType.PDF);

    private static final Map<String, BilingualText> NAMES = Map.ofEntries(
            Map.entry("image/jpeg", new BilingualText("JPEG 图片", "a JPEG image")),
            Map.entry("image/png", new BilingualText("PNG 图片", "a PNG image")),
            Map.entry("image/bmp", new BilingualText("BMP 图片", "a BMP image")),
            Map.entry("image/x-ms-bmp", new BilingualText("BMP 图片", "a BMP image")),
            Map.entry("application/pdf", new BilingualText("PDF 文档", "a PDF document")),
            Map.entry("image/gif", new BilingualText("GIF 图片", "a GIF image")),
            Map.entry("image/webp", new BilingualText("WebP 图片", "a WebP image")),
            Map.entry("image/heic", new BilingualText("HEIC 图片（苹果手机照片格式）", "a HEIC image (the iPhone photo format)")),
            Map.entry("image/heif", new BilingualText("HEIF 图片", "a HEIF image")),
            Map.entry("image/avif", new BilingualText("AVIF 图片", "an AVIF image")),
            Map.entry("image/tiff", new BilingualText("TIFF 图片", "a TIFF image")),
            Map.entry("image/svg+xml", new BilingualText("SVG 矢量图", "an SVG drawing")),
            Map.entry("text/html", new BilingualText("网页文件", "a web page")),
            Map.entry("application/zip", new BilingualText("压缩包", "a zip archive")),
            Map.entry("application/x-rar-compressed", new BilingualText("压缩包", "a RAR archive")),
            Map.entry("application/x-7z-compressed", new BilingualText("压缩包", "a 7-Zip archive")),
            Map.entry("application/msword", new BilingualText("Word 文档", "a Word document")),
            Map.entry("application/x-tika-msoffice", new BilingualText("Office 文档", "an Office document")),
            Map.entry("application/x-tika-ooxml", new BilingualText("Office 文档", "an Office document")),
            Map.entry("text/plain", new BilingualText("文本文件", "a text file")));

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes(MimeTypes.class.getClassLoader());

    /**
     * Sniffs a file.
     *
     * @param content the file's bytes
     * @return what it is
     */
    public Sniffed sniff(byte[] content) {
        // The accepted types by their signatures first: Tika's full magic table costs about half a millisecond and
        // is needed only to name what a refused file is. The decoders verify the rest of an accepted file.
        String mediaType = signature(content);
        if (mediaType == null) {
            mediaType = detect(content);
        }
        FileType type = ACCEPTED.get(mediaType);
        return new Sniffed(mediaType, type, describe(mediaType));
    }

    /**
     * Whether the bytes are also another format than {@code type}: a zip archive appended (its end record sits at
     * the end of the file), a PDF header inside an image's first kilobyte, or markup a browser would render.
     *
     * @param content the file's bytes
     * @param type the type it was sniffed as
     * @return what else it is, or {@code null} when nothing
     */
    public BilingualText polyglot(byte[] content, FileType type) {
        if (hasZipEnd(content)) {
            return NAMES.get("application/zip");
        }
        int head = Math.min(HEAD, content.length);
        if (type != FileType.PDF && indexOf(content, PDF_MAGIC, head) >= 0) {
            return NAMES.get("application/pdf");
        }
        String start = new String(content, 0, head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String tag : MARKUP) {
            if (start.contains(tag)) {
                return NAMES.get("text/html");
            }
        }
        return null;
    }

    private static String signature(byte[] content) {
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(content, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        return null;
    }

    private static boolean startsWith(byte[] content, int... signature) {
        if (content.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((content[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private String detect(byte[] content) {
        try {
            MediaType detected = types.detect(new ByteArrayInputStream(content), new Metadata());
            return detected.getBaseType().toString();
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array cannot fail", e);
        }
    }

    private BilingualText describe(String mediaType) {
        BilingualText known = NAMES.get(mediaType);
        if (known != null) {
            return known;
        }
        if (MediaType.OCTET_STREAM.toString().equals(mediaType)) {
            return new BilingualText("无法识别的文件", "a file of unknown type");
        }
        return new BilingualText("其他类型的文件（" + mediaType + "）", "a file of another type (" + mediaType + ")");
    }

    /** A zip end-of-central-directory record whose comment length reaches exactly the end of the file. */
    private static boolean hasZipEnd(byte[] content) {
        int last = content.length - 22;
        int stop = Math.max(0, last - 0xFFFF);
        for (int i = last; i >= stop; i--) {
            if (content[i] == 'P' && content[i + 1] == 'K' && content[i + 2] == 5 && content[i + 3] == 6) {
                int commentLength = (content[i + 20] & 0xFF) | (content[i + 21] & 0xFF) << 8;
                if (i + 22 + commentLength == content.length) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] content, byte[] pattern, int limit) {
        outer:
        for (int i = 0; i + pattern.length <= limit; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (content[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
