package org.zhicheng.identity.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/** SM4-GCM encryption and HMAC-SM3 lookup of personal data (GB/T 39786; issue P2 item 2). */
class PiiCipherTest {

    static final byte[] KEY = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
    static final byte[] LOOKUP = "a lookup key of thirty-two bytes".getBytes(StandardCharsets.US_ASCII);

    private final PiiCipher cipher = new PiiCipher("k1", KEY, LOOKUP);

    @Test
    void sm4EngineMatchesTheStandardTestVector() {
        // GB/T 32907-2016 appendix A, example 1: the primitive the cipher is built on.
        SM4Engine sm4 = new SM4Engine();
        sm4.init(true, new KeyParameter(KEY));
        byte[] out = new byte[16];
        sm4.processBlock(KEY, 0, out, 0);
        assertEquals("681edf34d206965e86b3e94f536e4246", HexFormat.of().formatHex(out));
    }

    @Test
    void roundTripsAndNeverRepeatsACiphertext() {
        String a = cipher.encrypt("11010519491231002X", "person.idNumber");
        String b = cipher.encrypt("11010519491231002X", "person.idNumber");
        assertNotEquals(a, b, "a fresh nonce each time");
        assertTrue(a.startsWith("v1.k1."));
        assertFalse(a.contains("11010519491231002X"));
        assertEquals("11010519491231002X", cipher.decrypt(a, "person.idNumber"));
        assertEquals("13800138000", cipher.decrypt(cipher.encrypt("13800138000", "person.mobile"), "person.mobile"));
    }

    @Test
    void refusesAlteredCiphertextsOtherPurposesAndOtherKeys() {
        String sealed = cipher.encrypt("11010519491231002X", "person.idNumber");
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(sealed, "person.mobile"));
        byte[] raw = Base64.getDecoder().decode(sealed.substring("v1.k1.".length()));
        raw[raw.length - 1] ^= 1;
        String altered = "v1.k1." + Base64.getEncoder().withoutPadding().encodeToString(raw);
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(altered, "person.idNumber"));
        PiiCipher other = new PiiCipher("k2", HexFormat.of().parseHex("00112233445566778899aabbccddeeff"), LOOKUP);
        assertThrows(IllegalArgumentException.class, () -> other.decrypt(sealed, "person.idNumber"));
    }

    @Test
    void lookupHashIsStablePerValueAndPurpose() {
        String h = cipher.lookupHash("11010519491231002X", "person.idNumber");
        assertEquals(64, h.length());
        assertEquals(h, new PiiCipher("k9", HexFormat.of().parseHex("00112233445566778899aabbccddeeff"), LOOKUP)
                .lookupHash("11010519491231002X", "person.idNumber"), "independent of the encryption key");
        assertNotEquals(h, cipher.lookupHash("11010519491231002X", "person.mobile"));
        assertNotEquals(h, cipher.lookupHash("110105194912310029", "person.idNumber"));
    }

    @Test
    void missingOrMalformedKeysStopWithAClearMessage() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> PiiCipher.fromConfiguration("k1", null, ""));
        assertTrue(missing.getMessage().contains("pii.encryptionKey"));
        IllegalStateException malformed = assertThrows(IllegalStateException.class,
                () -> PiiCipher.fromConfiguration("k1", "c2hvcnQ=", Base64.getEncoder().encodeToString(LOOKUP)));
        assertTrue(malformed.getMessage().contains("malformed"));
    }
}
