package io.chatsuite.routing.agent.messaging;

import io.chatsuite.commons.messaging.EventPipeline;
import io.chatsuite.commons.messaging.EventPipelines;
import io.chatsuite.commons.messaging.UnprocessableEventException;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventType;
import io.chatsuite.events.agent.AgentProfileDeleted;
import io.chatsuite.events.agent.AgentProfileUpserted;
import io.chatsuite.routing.agent.service.AgentUpdates;
import io.chatsuite.routing.engine.RoutingEngine;
import io.chatsuite.routing.support.RaceRetry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes the compacted {@code agent-profiles} topic (capacities). Tombstones are skipped (a deletion event
 * precedes each). Failures follow the suite's one consumer policy ({@link EventPipeline}).
 */
@ApplicationScoped
public class AgentProfileConsumer {

    private final AgentUpdates agents;
    private final RoutingEngine engine;
    private final EventPipeline pipeline;

    public AgentProfileConsumer(AgentUpdates agents, RoutingEngine engine, EventPipelines pipelines) {
        this.agents = agents;
        this.engine = engine;
        this.pipeline = pipelines.channel(
                "agent-profiles",
                Set.of(EventType.AGENT_PROFILE_UPSERTED, EventType.AGENT_PROFILE_DELETED),
                this::apply);
    }

    @Incoming("agent-profiles")
    public Uni<Void> consume(String value) {
        return pipeline.process(value);
    }

    private Uni<Void> apply(CloudEvent event, Record data) {
        Uni<Set<String>> changed = switch (data) {
            case AgentProfileUpserted p -> {
                AgentIds.require(p.agentId(), event);
                if (p.capacity() < 0) {
                    throw new UnprocessableEventException(
                            "refused", "Event " + event.id() + " has a negative capacity");
                }
                yield RaceRetry.retried(() -> agents.profileUpserted(event.id(), p));
            }
            case AgentProfileDeleted d -> {
                AgentIds.require(d.agentId(), event);
                yield RaceRetry.retried(() -> agents.profileDeleted(event.id(), d.agentId()));
            }
            default -> throw new IllegalStateException("Not an agent profile event: " + event.type());
        };
        return changed.chain(engine::dispatch);
    }
}
