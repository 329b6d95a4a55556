package org.zhicheng.api.health;

import java.util.Map;
import java.util.Objects;

/**
 * The state of one part of the platform.
 *
 * @param status its status
 * @param details JSON-friendly details (strings, numbers, booleans, lists and maps of these)
 */
public record Health(Status status, Map<String, Object> details) {

    /** Ordered from best to worst; the platform reports the worst status of its parts. */
    public enum Status {
        /** Working. */
        UP,
        /** Working, but something needs an administrator's attention (e.g. an invalid rule bundle). */
        DEGRADED,
        /** Not working. */
        DOWN
    }

    public Health {
        Objects.requireNonNull(status, "status");
        details = Map.copyOf(details);
    }

    public static Health up(Map<String, Object> details) {
        return new Health(Status.UP, details);
    }

    public static Health down(Map<String, Object> details) {
        return new Health(Status.DOWN, details);
    }
}
