package org.zhicheng.identity.internal.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Protects personal data at rest as GB/T 39786 expects: ID and phone numbers are encrypted with SM4 in GCM mode
 * (authenticated: a changed ciphertext fails to decrypt) and looked up by a keyed hash, HMAC-SM3, which stays the
 * same for the same (normalised) value so that uniqueness can be enforced without decrypting.
 *
 * <p>Each ciphertext names its key ({@code v1.<keyId>.<base64>}) so keys can be rotated, and is bound to its
 * purpose (e.g. {@code person.idNumber}) as associated data, so a ciphertext copied into another column does not
 * decrypt. Keys come from configuration outside the repository; there is no default key.
 */
public final class PiiCipher {

    private static final int KEY_BYTES = 16;
    private static final int LOOKUP_KEY_MIN_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String FORMAT = "v1";

    private final String keyId;
    private final byte[] encryptionKey;
    private final byte[] lookupKey;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param keyId a short name of the key pair, stored with every ciphertext (letters and digits)
     * @param encryptionKey the 128-bit SM4 key
     * @param lookupKey the HMAC-SM3 key, at least 256 bits
     */
    public PiiCipher(String keyId, byte[] encryptionKey, byte[] lookupKey) {
        Objects.requireNonNull(keyId, "keyId");
        if (!keyId.matches("[A-Za-z0-9]{1,16}")) {
            throw new IllegalArgumentException("key id must be 1-16 letters or digits");
        }
        if (encryptionKey == null || encryptionKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("the SM4 key must be exactly 16 bytes");
        }
        if (lookupKey == null || lookupKey.length < LOOKUP_KEY_MIN_BYTES) {
            throw new IllegalArgumentException("the lookup key must be at least 32 bytes");
        }
        this.keyId = keyId;
        this.encryptionKey = encryptionKey.clone();
        this.lookupKey = lookupKey.clone();
    }

    /**
     * Builds the cipher from base64 configuration values.
     *
     * @throws IllegalStateException naming the missing or malformed setting, so the feature stops with a clear
     *         message instead of running unprotected
     */
    public static PiiCipher fromConfiguration(String keyId, String encryptionKeyBase64, String lookupKeyBase64) {
        if (isBlank(encryptionKeyBase64) || isBlank(lookupKeyBase64)) {
            throw new IllegalStateException("Personal-data keys are not configured: set pii.encryptionKey (16 bytes, "
                    + "base64) and pii.lookupKey (32 bytes or more, base64) in etc/org.zhicheng.identity.cfg");
        }
        try {
            return new PiiCipher(keyId, Base64.getDecoder().decode(encryptionKeyBase64.trim()),
                    Base64.getDecoder().decode(lookupKeyBase64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Personal-data keys in etc/org.zhicheng.identity.cfg are malformed: "
                    + e.getMessage(), e);
        }
    }

    /** Encrypts {@code plaintext} for {@code purpose}. */
    public String encrypt(String plaintext, String purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        GCMBlockCipher gcm = gcm(true, nonce, purpose);
        byte[] in = plaintext.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[gcm.getOutputSize(in.length)];
        int n = gcm.processBytes(in, 0, in.length, out, 0);
        try {
            gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM encryption failed", e);
        }
        ByteBuffer sealed = ByteBuffer.allocate(NONCE_BYTES + out.length).put(nonce).put(out);
        return FORMAT + "." + keyId + "." + Base64.getEncoder().withoutPadding().encodeToString(sealed.array());
    }

    /**
     * Decrypts a value made by {@link #encrypt} for the same purpose.
     *
     * @throws IllegalArgumentException when the value was made with another key, for another purpose, or altered
     */
    public String decrypt(String sealed, String purpose) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", 3);
        if (parts.length != 3 || !FORMAT.equals(parts[0])) {
            throw new IllegalArgumentException("not a protected value");
        }
        if (!keyId.equals(parts[1])) {
            throw new IllegalArgumentException("protected with key " + parts[1] + ", not the configured " + keyId);
        }
        byte[] all = Base64.getDecoder().decode(parts[2]);
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("protected value is truncated");
        }
        byte[] nonce = java.util.Arrays.copyOfRange(all, 0, NONCE_BYTES);
        GCMBlockCipher gcm = gcm(false, nonce, purpose);
        byte[] out = new byte[gcm.getOutputSize(all.length - NONCE_BYTES)];
        int n = gcm.processBytes(all, NONCE_BYTES, all.length - NONCE_BYTES, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalArgumentException("protected value was altered or belongs to another purpose", e);
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** The keyed hash of a normalised value, for lookups and unique constraints (64 hex characters). */
    public String lookupHash(String normalisedValue, String purpose) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(lookupKey));
        byte[] p = purpose.getBytes(StandardCharsets.UTF_8);
        byte[] v = normalisedValue.getBytes(StandardCharsets.UTF_8);
        mac.update(p, 0, p.length);
        mac.update((byte) 0);
        mac.update(v, 0, v.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    private GCMBlockCipher gcm(boolean encrypt, byte[] nonce, String purpose) {
        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(encryptionKey), TAG_BITS, nonce,
                purpose.getBytes(StandardCharsets.UTF_8)));
        return gcm;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
