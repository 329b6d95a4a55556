package org.zhicheng.api.persistence;

import java.io.IOException;

/** Thrown when content exceeds the limit given to {@link BlobStore#put}; nothing was stored. */
public class BlobTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    public BlobTooLargeException(long maxBytes) {
        super("content exceeds " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    /** The limit that was exceeded. */
    public long maxBytes() {
        return maxBytes;
    }
}
