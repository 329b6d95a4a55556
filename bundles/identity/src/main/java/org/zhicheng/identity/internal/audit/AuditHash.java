package org.zhicheng.identity.internal.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.zhicheng.api.audit.AuditEvent;

/**
 * The chain hash of one audit entry: SHA-256 over the previous entry's hash and this entry's content. Every
 * field is written length-prefixed (null as -1), so no two different entries serialise alike.
 */
final class AuditHash {

    /** The "previous hash" of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    static String of(String previousHash, long seq, Instant at, AuditEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(previousHash.getBytes(StandardCharsets.US_ASCII));
            out.writeLong(seq);
            out.writeLong(ChronoUnit.MICROS.between(Instant.EPOCH, at));
            text(out, event.action());
            text(out, event.actor().accountId());
            text(out, event.actor().organisationId());
            text(out, event.actor().role());
            text(out, event.actor().ip());
            text(out, event.objectType());
            text(out, event.objectId());
            text(out, event.before());
            text(out, event.after());
            text(out, event.detail());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(sha256().digest(bytes.toByteArray()));
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
