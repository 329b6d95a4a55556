package org.zhicheng.api.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored audit event.
 *
 * @param seq its number: 1 for the first entry, consecutive after that
 * @param at when it was recorded, to the microsecond
 * @param event what happened
 * @param previousHash the hash of entry {@code seq - 1} (64 zeros for the first)
 * @param hash SHA-256 over {@code previousHash} and this entry's content, lower-case hex
 */
public record AuditEntry(long seq, Instant at, AuditEvent event, String previousHash, String hash) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
