package io.chatsuite.commons.messaging;

import io.chatsuite.events.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Builds the {@link EventPipeline} of each consumed channel of a service, all with the same policy. */
@ApplicationScoped
public class EventPipelines {

    private final PipelineConfig config;
    private final ConsumerProgress progress;
    private final MeterRegistry meters;

    public EventPipelines(PipelineConfig config, ConsumerProgress progress, MeterRegistry meters) {
        this.config = config;
        this.progress = progress;
        this.meters = meters;
    }

    /** The pipeline of {@code channel}, applying the events of {@code types} with {@code handler}. */
    public EventPipeline channel(String channel, Set<EventType> types, EventHandler handler) {
        return new EventPipeline(channel, types, handler, config, progress, meters);
    }
}
