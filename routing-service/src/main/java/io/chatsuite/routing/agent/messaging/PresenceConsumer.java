package io.chatsuite.routing.agent.messaging;

import io.chatsuite.commons.messaging.EventPipeline;
import io.chatsuite.commons.messaging.EventPipelines;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventType;
import io.chatsuite.events.agent.AgentPresenceChanged;
import io.chatsuite.routing.agent.service.AgentUpdates;
import io.chatsuite.routing.engine.RoutingEngine;
import io.chatsuite.routing.support.RaceRetry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code agent-presence} and lets the engine serve the queues an agent's change concerns. Failures
 * follow the suite's one consumer policy ({@link EventPipeline}).
 */
@ApplicationScoped
public class PresenceConsumer {

    private final AgentUpdates agents;
    private final RoutingEngine engine;
    private final EventPipeline pipeline;

    public PresenceConsumer(AgentUpdates agents, RoutingEngine engine, EventPipelines pipelines) {
        this.agents = agents;
        this.engine = engine;
        this.pipeline = pipelines.channel("agent-presence", Set.of(EventType.AGENT_PRESENCE_CHANGED), this::apply);
    }

    @Incoming("agent-presence")
    public Uni<Void> consume(String value) {
        return pipeline.process(value);
    }

    private Uni<Void> apply(CloudEvent event, Record data) {
        AgentPresenceChanged change = (AgentPresenceChanged) data;
        AgentIds.require(change.agentId(), event);
        return RaceRetry.retried(() -> agents.presenceChanged(event.id(), change))
                .chain(engine::dispatch);
    }
}
