package org.zhicheng.api.workflow;

import java.time.Instant;

/**
 * One entry of an application's history (GD-TITLE-6: status, step and organisation, return comments).
 *
 * @param seq the entry's number within the application, from 1
 * @param at when it happened
 * @param actorAccountId who acted
 * @param actorOrganisationId the actor's organisation
 * @param action e.g. {@code create}, {@code submit}, {@code approve}, {@code return}
 * @param stepId the step acted at, for reviewer actions
 * @param fromStatus the status before
 * @param toStatus the status after
 * @param comment the comment or opinion given
 * @param reasonCode the business's reason code given with a return or rejection
 */
public record ApplicationEvent(int seq, Instant at, String actorAccountId, String actorOrganisationId, String action,
        String stepId, String fromStatus, String toStatus, String comment, String reasonCode) {
}
