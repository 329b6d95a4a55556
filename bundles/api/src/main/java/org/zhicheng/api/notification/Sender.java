package org.zhicheng.api.notification;

import org.osgi.annotation.versioning.ConsumerType;
import org.zhicheng.api.business.descriptor.Channel;

/**
 * Delivers messages of one channel: the SPI a deployment implements to connect an SMS gateway (FJ-5) or another
 * mail service, registered as an OSGi service. For each message the outbox picks the sender of the message's
 * channel with the highest {@code service.ranking} (then the lowest {@code service.id}); the platform's own
 * senders rank low (SMTP for e-mail at 0, a logging SMS sender at -1000), so a deployment replaces one by
 * registering its own with a higher ranking, e.g.
 * {@code @Component(property = "service.ranking:Integer=100")}.
 *
 * <p>A sender is called from the outbox's delivery thread, one message at a time, while the message is claimed;
 * it should return within some tens of seconds. It must never log the recipient unmasked or the body.
 */
@ConsumerType
public interface Sender {

    /**
     * The channel this sender serves, {@link Channel#EMAIL} or {@link Channel#SMS}; read once when the service
     * appears, so it must not change. ({@link Channel#IN_APP} messages are never dispatched.)
     */
    Channel channel();

    /**
     * Delivers one message, or throws.
     *
     * @param message the message; for SMS the recipient is the plain number, resolved for this attempt only
     * @throws SendException when it was not delivered: {@linkplain SendException#permanent() permanently} (the
     *         address does not exist, the text is refused: the outbox marks the message failed at once) or for
     *         now (the gateway is down, a quota is exhausted: the outbox tries again later with growing pauses)
     */
    void send(Message message) throws SendException;
}
