package org.zhicheng.media.internal;

import java.text.Normalizer;
import java.util.Locale;

import org.zhicheng.api.business.descriptor.FileType;

/**
 * Names of stored files. A name from the client is only ever displayed or offered for download, never used as a
 * path: it is cut to its last segment, stripped of control and reserved characters, and given the extension of
 * the type the bytes really are (a {@code photo.png} that is a JPEG is stored as {@code photo.jpg}).
 */
final class FileNames {

    /** The longest stored name, in characters, before the extension. */
    static final int MAX_BASE = 100;

    private FileNames() {
    }

    /** The extension, with its dot, of a type. */
    static String extension(FileType type) {
        return switch (type) {
            case JPEG -> ".jpg";
            case PNG -> ".png";
            case BMP -> ".bmp";
            case PDF -> ".pdf";
        };
    }

    /** The media type served for a type. */
    static String mediaType(FileType type) {
        return switch (type) {
            case JPEG -> "image/jpeg";
            case PNG -> "image/png";
            case BMP -> "image/bmp";
            case PDF -> "application/pdf";
        };
    }

    /**
     * The base name (without extension) of a name a client gave, made safe; {@code fallback} when nothing is left.
     */
    static String base(String clientName, String fallback) {
        if (clientName == null) {
            return fallback;
        }
        String name = Normalizer.normalize(clientName, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        StringBuilder safe = new StringBuilder();
        name.codePoints().filter(cp -> !Character.isISOControl(cp) && "<>:\"/\\|?*".indexOf(cp) < 0
                && Character.getType(cp) != Character.FORMAT).forEach(safe::appendCodePoint);
        String cleaned = safe.toString().strip();
        while (cleaned.startsWith(".")) {
            cleaned = cleaned.substring(1);
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_BASE) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_BASE));
        }
        return cleaned.isBlank() ? fallback : cleaned;
    }

    /** A client's whole name made safe for display, with its own extension; {@code file} when nothing is left. */
    static String display(String clientName) {
        String base = base(clientName, "file");
        if (clientName == null) {
            return base;
        }
        String last = clientName.substring(Math.max(clientName.lastIndexOf('/'), clientName.lastIndexOf('\\')) + 1);
        int dot = last.lastIndexOf('.');
        String extension = dot > 0 ? base(last.substring(dot + 1), "") : "";
        return extension.isEmpty() || extension.length() > 10 ? base : base + "." + extension;
    }

    /** Whether a client's name, without extension, is {@code required} (case-insensitive, e.g. a trailing x). */
    static boolean named(String clientName, String required) {
        return base(clientName, "").toUpperCase(Locale.ROOT).equals(required.toUpperCase(Locale.ROOT));
    }
}
