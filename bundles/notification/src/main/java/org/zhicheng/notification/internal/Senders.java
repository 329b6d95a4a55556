package org.zhicheng.notification.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.zhicheng.api.business.descriptor.Channel;
import org.zhicheng.api.notification.Sender;

/**
 * The senders known to the dispatcher and which one serves each channel: the highest {@code service.ranking}, then
 * the lowest {@code service.id} (the OSGi convention). Safe for the delivery thread to read while DS binds and
 * unbinds.
 */
final class Senders {

    /** One sender with what ranks it. */
    record Ranked(Sender sender, Channel channel, int ranking, long serviceId) {
    }

    private static final Comparator<Ranked> BEST_FIRST = Comparator.comparingInt(Ranked::ranking).reversed()
            .thenComparingLong(Ranked::serviceId);

    private final List<Ranked> all = new CopyOnWriteArrayList<>();

    /** Adds a sender with the service properties DS passes ({@code service.ranking}, {@code service.id}). */
    void add(Sender sender, Map<String, ?> properties) {
        Object ranking = properties.get("service.ranking");
        Object id = properties.get("service.id");
        add(sender, ranking instanceof Integer r ? r : 0, id instanceof Long l ? l : Long.MAX_VALUE);
    }

    void add(Sender sender, int ranking, long serviceId) {
        Channel channel = sender.channel();
        if (channel == null || channel == Channel.IN_APP) {
            throw new IllegalArgumentException("a sender serves email or sms, not " + channel);
        }
        all.add(new Ranked(sender, channel, ranking, serviceId));
    }

    void remove(Sender sender) {
        all.removeIf(r -> r.sender() == sender);
    }

    /** The sender that serves a channel now, if any. */
    Optional<Sender> forChannel(Channel channel) {
        return all.stream().filter(r -> r.channel() == channel).min(BEST_FIRST).map(Ranked::sender);
    }

    /** The channels some sender serves now. */
    List<Channel> channels() {
        List<Channel> served = new ArrayList<>();
        for (Channel c : Channel.values()) {
            if (forChannel(c).isPresent()) {
                served.add(c);
            }
        }
        return served;
    }
}
