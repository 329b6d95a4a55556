package org.zhicheng.identity.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer tokens (sessions, sign-in challenges, captchas, recovery links): 256 random bits, URL-safe, and stored
 * only as their SHA-256 so that a copy of the database opens nothing.
 */
public final class Tokens {

    private Tokens() {
    }

    /** 32 random bytes, base64url without padding (43 characters). */
    public static String random(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of a text (UTF-8), in lower-case hex: what is stored instead of a token. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
