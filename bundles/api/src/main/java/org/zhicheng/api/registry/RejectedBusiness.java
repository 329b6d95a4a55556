package org.zhicheng.api.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A descriptor the registry refused.
 *
 * @param businessId the id the service or descriptor claimed, or {@code "?"} when none could be read
 * @param bundle the symbolic name and version of the contributing bundle
 * @param problems what is wrong, each with a JSON pointer, in English for administrators
 * @param at when it was refused
 */
public record RejectedBusiness(String businessId, String bundle, List<String> problems, Instant at) {

    public RejectedBusiness {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(bundle, "bundle");
        problems = List.copyOf(problems);
        Objects.requireNonNull(at, "at");
    }
}
