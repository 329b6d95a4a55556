package org.zhicheng.identity.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Argon2id password hashing (issue P2: memory-hard, no truncation, no default password). */
class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.Settings.DEFAULTS);

    @Test
    void hashesWithTheOwaspMinimumAndVerifies() {
        String hash = hasher.hash("Zc#2026-评审");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.verify("Zc#2026-评审", hash));
        assertFalse(hasher.verify("Zc#2026-评审 ", hash));
        assertFalse(hasher.verify("zc#2026-评审", hash));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(hasher.hash("same password"), hasher.hash("same password"));
    }

    @Test
    void doesNotTruncateLongPasswords() {
        String base = "x".repeat(100);
        String hash = hasher.hash(base + "A");
        assertFalse(hasher.verify(base + "B", hash), "bcrypt would have ignored everything past byte 72");
    }

    @Test
    void normalisesUnicodeSoTheSamePasswordMatches() {
        String composed = "caf\u00e9";
        String decomposed = "cafe\u0301";
        assertTrue(hasher.verify(decomposed, hasher.hash(composed)));
    }

    @Test
    void neverMatchesMalformedOrDangerousEncodings() {
        assertFalse(hasher.verify("x", null));
        assertFalse(hasher.verify("x", "123456"));
        assertFalse(hasher.verify("x", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"));
        assertFalse(hasher.verify("x", "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g"),
                "a crafted hash cannot demand gigabytes");
    }

    @Test
    void flagsWeakerHashesForRehash() {
        PasswordHasher stronger = new PasswordHasher(new PasswordHasher.Settings(32 * 1024, 3, 1));
        String old = hasher.hash("pw");
        assertTrue(stronger.needsRehash(old));
        assertFalse(hasher.needsRehash(old));
        assertTrue(stronger.verify("pw", old), "old hashes still verify");
    }

    @Test
    void refusesSettingsBelowTheMinimum() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher.Settings(4096, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher.Settings(19 * 1024, 1, 1));
    }
}
