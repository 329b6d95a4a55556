package org.zhicheng.api.business.descriptor;

import java.util.List;

/**
 * A notification the workflow writes to the outbox on an event (FJ-5: the candidate is notified by SMS of a
 * return and reviewers see a pop-up reminder).
 *
 * @param on the event
 * @param to who is notified
 * @param channels the channels (at least one)
 * @param message the text; a generic text naming the event when {@code null}
 */
public record Notification(NotificationEvent on, Recipient to, List<Channel> channels, BilingualText message) {

    /** Normalises an absent list to an empty one. */
    public Notification {
        channels = Defaults.list(channels);
    }
}
