package io.chatsuite.commons.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the event consumers: DOWN while a channel has been failing on the same record for longer than
 * {@code chat.consumers.unhealthy-after}, so an outage that stops consumption is visible instead of silent; UP again
 * as soon as that record is applied.
 */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    static final String NAME = "event-consumers";

    private final ConsumerProgress progress;
    private final Duration unhealthyAfter;

    public ConsumerReadiness(ConsumerProgress progress, PipelineConfig config) {
        this.progress = progress;
        this.unhealthyAfter = config.unhealthyAfter();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        Instant limit = Instant.now().minus(unhealthyAfter);
        progress.stalls().forEach((channel, stall) -> {
            if (stall.since().isBefore(limit)) {
                response.down()
                        .withData(
                                channel,
                                "stalled since " + stall.since() + " on event " + stall.eventId() + " after "
                                        + stall.attempts() + " attempts: " + stall.lastError());
            }
        });
        return response.build();
    }
}
