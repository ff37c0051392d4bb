package io.chatsuite.commons.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which channels are failing on a record right now, since when and why: the pipelines report here, the
 * {@link ConsumerReadiness} check reads it.
 */
@ApplicationScoped
public class ConsumerProgress {

    private final Map<String, Stall> stalls = new ConcurrentHashMap<>();

    void failed(String channel, String eventId, Throwable failure) {
        stalls.compute(
                channel,
                (c, stall) -> stall == null || !stall.eventId().equals(eventId)
                        ? new Stall(eventId, Instant.now(), 1, failure.toString())
                        : new Stall(eventId, stall.since(), stall.attempts() + 1, failure.toString()));
    }

    void progressed(String channel) {
        stalls.remove(channel);
    }

    /** The channels failing at the moment, by name. */
    Map<String, Stall> stalls() {
        return Map.copyOf(stalls);
    }

    record Stall(String eventId, Instant since, int attempts, String lastError) {}
}
