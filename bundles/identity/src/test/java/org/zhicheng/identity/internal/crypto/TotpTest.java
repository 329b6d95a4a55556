package org.zhicheng.identity.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** RFC 6238 codes (appendix B test vectors, SHA-1, last 6 digits) and the once-only rule. */
class TotpTest {

    static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfcTestVectors() {
        assertEquals("287082", Totp.code(RFC_SECRET, Instant.ofEpochSecond(59)));
        assertEquals("081804", Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111109)));
        assertEquals("050471", Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111111)));
        assertEquals("005924", Totp.code(RFC_SECRET, Instant.ofEpochSecond(1234567890)));
    }

    @Test
    void acceptsOneStepOfDriftAndEachStepOnce() {
        Instant now = Instant.ofEpochSecond(1234567890);
        String previous = Totp.code(RFC_SECRET, now.minusSeconds(30));
        String next = Totp.code(RFC_SECRET, now.plusSeconds(30));
        long step = Totp.step(now);
        assertEquals(step - 1, Totp.verify(RFC_SECRET, previous, now, null).getAsLong());
        assertEquals(step + 1, Totp.verify(RFC_SECRET, next, now, null).getAsLong());
        assertTrue(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, now.minusSeconds(90)), now, null).isEmpty());
        assertTrue(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, now), now, step).isEmpty(), "used once already");
        assertTrue(Totp.verify(RFC_SECRET, "12345", now, null).isEmpty());
        assertTrue(Totp.verify(RFC_SECRET, null, now, null).isEmpty());
    }

    @Test
    void provisioningUriCarriesTheBase32Secret() {
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(RFC_SECRET));
        String uri = Totp.uri("Zhicheng", "kd4425@gdwsrc.net", RFC_SECRET);
        assertTrue(uri.startsWith("otpauth://totp/Zhicheng:kd4425%40gdwsrc.net?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"),
                uri);
    }
}
