package org.zhicheng.workflow.internal.routing;

import java.util.List;
import java.util.Objects;

/**
 * The review chain chosen for a submission.
 *
 * @param routeId the id of the route that held, or {@link Router#OVERRIDE_ROUTE_ID} when the business chose the
 *     steps in code
 * @param steps the steps in review order, at least one
 */
public record Chain(String routeId, List<PlannedStep> steps) implements Plan {

    /** Requires a route id and at least one step; copies the list. */
    public Chain {
        Objects.requireNonNull(routeId, "routeId");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a chain has at least one step");
        }
    }
}
