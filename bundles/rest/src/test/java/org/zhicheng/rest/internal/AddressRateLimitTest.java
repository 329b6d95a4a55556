package org.zhicheng.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** The public verification's bound per client address (GD-CERT-2): counted per window, per address, with a wait. */
class AddressRateLimitTest {

    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        Instant now = Instant.parse("2026-11-22T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void anAddressGetsItsLimitPerWindowAndIsToldHowLongToWait() {
        Hand clock = new Hand();
        AddressRateLimit limit = new AddressRateLimit(3, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limit.acquire("10.0.0.1"), "request " + (i + 1));
        }
        clock.now = clock.now.plusSeconds(20);
        assertEquals(40, limit.acquire("10.0.0.1"), "the fourth waits for the window's end");
        assertEquals(0, limit.acquire("10.0.0.2"), "another address has its own count");
        clock.now = clock.now.plusSeconds(40);
        assertEquals(0, limit.acquire("10.0.0.1"), "a new window");
    }

    @Test
    void theRefusalIs429WithRetryAfterInBothLanguages() {
        Response response = new ProblemMapper().toResponse(AddressRateLimit.refusal(40));
        assertEquals(429, response.getStatus());
        assertEquals("40", response.getHeaderString("Retry-After"));
        String body = response.getEntity().toString();
        assertEquals(true, body.contains("40 秒") && body.contains("40 seconds"), body);
    }
}
