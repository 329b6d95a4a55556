package org.zhicheng.api.persistence;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The address of stored content.
 *
 * @param sha256 lower-case hex SHA-256 of the content (64 characters)
 * @param size the content length in bytes
 */
public record BlobRef(String sha256, long size) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public BlobRef {
        Objects.requireNonNull(sha256, "sha256");
        if (!isSha256(sha256)) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size: " + size);
        }
    }

    /** Whether {@code text} is a lower-case hex SHA-256, the only form a blob address takes. */
    public static boolean isSha256(String text) {
        return text != null && SHA256_HEX.matcher(text).matches();
    }
}
