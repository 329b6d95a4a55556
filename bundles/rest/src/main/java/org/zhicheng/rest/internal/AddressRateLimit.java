package org.zhicheng.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most {@code limit} requests per client address in each window of time, for what anyone may call without signing
 * in (GD-CERT-2 verification): enough for a person or an employer checking certificates, too few to harvest the
 * register. Counted on this node; behind a load balancer each node counts its own.
 */
final class AddressRateLimit {

    /** Beyond this many addresses, expired windows are swept before another is added. */
    private static final int SWEEP_AT = 10_000;

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long start, AtomicInteger count) {
    }

    AddressRateLimit(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /**
     * Counts a request.
     *
     * @return 0 when it may go ahead, else how many seconds until the address may ask again
     */
    long acquire(String address) {
        long now = clock.millis();
        if (windows.size() > SWEEP_AT) {
            windows.values().removeIf(w -> now - w.start() >= windowMillis);
        }
        Window w = windows.compute(address == null ? "" : address, (key, old) ->
                old == null || now - old.start() >= windowMillis ? new Window(now, new AtomicInteger()) : old);
        if (w.count().incrementAndGet() <= limit) {
            return 0;
        }
        return Math.max(1, (w.start() + windowMillis - now + 999) / 1000);
    }

    /** The refusal for an address over its limit, saying when to try again. */
    static ApiException refusal(long seconds) {
        return new ApiException(new ApiProblem(429, "too-many-requests", "查询过于频繁，请 " + seconds + " 秒后再试。",
                "Too many requests; try again in " + seconds + " seconds."), seconds);
    }
}
