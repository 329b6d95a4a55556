package org.zhicheng.identity.internal.crypto;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * RFC 6238 time-based one-time passwords (30-second steps, 6 digits, HMAC-SHA1: what every authenticator app
 * speaks), computed by java-otp. A code is accepted for the current step and one step either side (clock drift),
 * and only for a step later than the last one used, so a code works once.
 */
public final class Totp {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {
    }

    /** A fresh 160-bit secret. */
    public static byte[] newSecret() {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The secret as authenticator apps take it typed in: base32 without padding. */
    public static String base32(byte[] secret) {
        return new Base32().encodeToString(secret).replace("=", "");
    }

    /** The {@code otpauth://} URI that a QR code carries to the app. */
    public static String uri(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=30";
    }

    /** The code for an instant (for tests and tools). */
    public static String code(byte[] secret, Instant at) {
        try {
            return String.format("%06d", GENERATOR.generateOneTimePassword(key(secret), at));
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("unusable TOTP secret", e);
        }
    }

    /** The step number of an instant. */
    public static long step(Instant at) {
        return at.getEpochSecond() / STEP.getSeconds();
    }

    /**
     * Checks a code.
     *
     * @param lastStep the step of the last code accepted for this secret, or {@code null}
     * @return the step the code belongs to, or empty when it is wrong, too old, or already used
     */
    public static OptionalLong verify(byte[] secret, String code, Instant now, Long lastStep) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        String typed = code.strip();
        for (int drift = -1; drift <= 1; drift++) {
            Instant at = now.plus(STEP.multipliedBy(drift));
            long step = step(at);
            if (lastStep != null && step <= lastStep) {
                continue;
            }
            if (java.security.MessageDigest.isEqual(code(secret, at).getBytes(StandardCharsets.US_ASCII),
                    typed.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    private static SecretKeySpec key(byte[] secret) {
        return new SecretKeySpec(secret, GENERATOR.getAlgorithm());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
