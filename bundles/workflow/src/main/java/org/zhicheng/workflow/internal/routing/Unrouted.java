package org.zhicheng.workflow.internal.routing;

import java.util.Objects;

/**
 * Why a submission has no review chain. The message is the business's {@code unroutedMessage}, or a generic one,
 * for the applicant; the reason, route and step are for logs and support.
 *
 * @param reason what went wrong
 * @param routeId the route chosen before the failure, {@link Router#OVERRIDE_ROUTE_ID} for a chain chosen in code,
 *     or {@code null} when no route held
 * @param stepId the step that failed, or {@code null} when no single step did
 * @param zh the message in Simplified Chinese
 * @param en the message in English
 */
public record Unrouted(Reason reason, String routeId, String stepId, String zh, String en) implements Plan {

    /** Requires the reason and both messages. */
    public Unrouted {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** What went wrong. */
    public enum Reason {

        /** No route's condition holds for the applicant (and there is no catch-all). */
        NO_ROUTE,

        /** The route (or the step list chosen in code) has no step left once optional steps are dropped. */
        NO_STEPS,

        /** The step list chosen in code names a step the descriptor does not define. */
        UNKNOWN_STEP,

        /** The step list names a step twice. */
        DUPLICATE_STEP,

        /** A step's selector finds no organisation on the applicant's path (or no answer of its field). */
        NO_ORGANISATION
    }
}
