package org.zhicheng.api.notification;

import java.util.Objects;

import org.zhicheng.api.business.descriptor.Channel;

/**
 * One message as the outbox hands it to a {@link Sender}.
 *
 * @param id the outbox id; the same on every attempt, so a gateway that supports it can use it to drop duplicates
 *        (delivery is at least once)
 * @param channel {@link Channel#EMAIL} or {@link Channel#SMS}
 * @param recipient the e-mail address, or the plain mobile number resolved for this attempt only; a sender must not
 *        log or store it unmasked
 * @param subject the subject line (empty for SMS)
 * @param body the text; may hold one-time links, so a sender must not log it
 * @param purpose what the message is for, e.g. {@code workflow.returned}; safe to log
 */
public record Message(String id, Channel channel, String recipient, String subject, String body, String purpose) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(purpose, "purpose");
    }

    /** Hides the recipient and body, so that a message logged by mistake gives nothing away. */
    @Override
    public String toString() {
        return "Message[id=" + id + ", channel=" + channel.json() + ", purpose=" + purpose + "]";
    }
}
