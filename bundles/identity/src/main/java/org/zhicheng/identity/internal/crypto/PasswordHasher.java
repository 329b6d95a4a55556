package org.zhicheng.identity.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing with Argon2id (Bouncy Castle), encoded in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) so that parameters can rise later without breaking stored
 * hashes. The defaults are OWASP's minimum for Argon2id: 19 MiB of memory, 2 passes, 1 lane. The whole password is
 * hashed (no truncation), after Unicode NFC normalisation so the same password typed on different systems matches.
 */
public final class PasswordHasher {

    /** Settings of the hash. */
    public record Settings(int memoryKiB, int iterations, int parallelism) {
        public Settings {
            if (memoryKiB < 19 * 1024 || iterations < 2 || parallelism < 1) {
                throw new IllegalArgumentException("Argon2id below the OWASP minimum (m >= 19456 KiB, t >= 2, p >= 1)");
            }
        }

        /** OWASP's recommended minimum. */
        public static final Settings DEFAULTS = new Settings(19 * 1024, 2, 1);
    }

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Settings settings;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Hashes a password with a fresh random salt. */
    public String hash(CharSequence password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, settings.memoryKiB(), settings.iterations(), settings.parallelism());
        return "$argon2id$v=19$m=" + settings.memoryKiB() + ",t=" + settings.iterations() + ",p="
                + settings.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether {@code password} matches {@code encoded}, compared in constant time. A malformed or unknown
     * encoding never matches.
     */
    public boolean verify(CharSequence password, String encoded) {
        Matcher m = encoded == null ? null : PHC.matcher(encoded);
        if (m == null || !m.matches()) {
            return false;
        }
        int memory = Integer.parseInt(m.group(1));
        int iterations = Integer.parseInt(m.group(2));
        int parallelism = Integer.parseInt(m.group(3));
        // Bounds so a crafted hash cannot make verification exhaust the server.
        if (memory > 1024 * 1024 || iterations > 20 || parallelism > 16) {
            return false;
        }
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = argon2(password, B64D.decode(m.group(4)), memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether a stored hash was made with weaker settings than the current ones (rehash at the next login). */
    public boolean needsRehash(String encoded) {
        Matcher m = encoded == null ? null : PHC.matcher(encoded);
        return m == null || !m.matches() || Integer.parseInt(m.group(1)) < settings.memoryKiB()
                || Integer.parseInt(m.group(2)) < settings.iterations();
    }

    private static byte[] argon2(CharSequence password, byte[] salt, int memory, int iterations, int parallelism) {
        return argon2(password, salt, memory, iterations, parallelism, HASH_BYTES);
    }

    private static byte[] argon2(CharSequence password, byte[] salt, int memory, int iterations, int parallelism,
            int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        byte[] utf8 = Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        generator.generateBytes(utf8, out);
        java.util.Arrays.fill(utf8, (byte) 0);
        return out;
    }
}
