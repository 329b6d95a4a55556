package org.zhicheng.notification.internal;

import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhicheng.api.business.descriptor.Channel;
import org.zhicheng.api.notification.Message;
import org.zhicheng.api.notification.Sender;

/**
 * The SMS "gateway" of a deployment that has none (FJ-5): logs that an SMS would have gone out, with the masked
 * number and the purpose, never the text, and counts it as sent. It ranks below any sender a deployment registers
 * ({@value #RANKING}), so installing a real gateway replaces it without configuration; health says while it is
 * the one in use.
 */
@Component(service = Sender.class, property = "service.ranking:Integer=" + LoggingSmsSender.RANKING)
public final class LoggingSmsSender implements Sender {

    /** Below any sender registered without a ranking (0). */
    static final int RANKING = -1000;

    private static final Logger LOG = LoggerFactory.getLogger(LoggingSmsSender.class);

    private final Consumer<String> log;

    @Activate
    public LoggingSmsSender() {
        this(LOG::info);
    }

    /** For tests: the line goes to {@code log} instead of the logger. */
    LoggingSmsSender(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(Message message) {
        log.accept("SMS " + message.id() + " to " + Masks.mobile(message.recipient()) + " for " + message.purpose()
                + " not sent: no SMS gateway is installed (logged only)");
    }
}
