package io.chatsuite.routing.agent.messaging;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
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
import org.jboss.logging.Logger;

/**
 * Consumes the compacted {@code agent-profiles} topic (capacities). Tombstones are skipped (a deletion event
 * precedes each); unreadable records go to the dead-letter topic; unknown types are skipped.
 */
@ApplicationScoped
public class AgentProfileConsumer {

    private static final Logger LOG = Logger.getLogger(AgentProfileConsumer.class);

    private final AgentUpdates agents;
    private final RoutingEngine engine;

    public AgentProfileConsumer(AgentUpdates agents, RoutingEngine engine) {
        this.agents = agents;
        this.engine = engine;
    }

    @Incoming("agent-profiles")
    public Uni<Void> consume(String value) {
        if (value == null) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> apply(EventCodec.decode(value)))
                .chain(engine::dispatch)
                .onFailure().invoke(e -> LOG.errorf("Agent profile not applied, parking it: %s", e.getMessage()));
    }

    private Uni<Set<String>> apply(CloudEvent event) {
        EventType type = EventType.of(event.type()).orElse(null);
        if (type == EventType.AGENT_PROFILE_UPSERTED) {
            AgentProfileUpserted p = EventCodec.data(event, AgentProfileUpserted.class);
            requireAgent(p.agentId(), event);
            if (p.capacity() < 0) {
                throw new EventCodec.MalformedEventException("Event " + event.id() + " has a negative capacity");
            }
            return RaceRetry.retried(() -> agents.profileUpserted(event.id(), p));
        }
        if (type == EventType.AGENT_PROFILE_DELETED) {
            AgentProfileDeleted d = EventCodec.data(event, AgentProfileDeleted.class);
            requireAgent(d.agentId(), event);
            return RaceRetry.retried(() -> agents.profileDeleted(event.id(), d.agentId()));
        }
        LOG.infof("Skipping event %s of type %s on agent-profiles", event.id(), event.type());
        return Uni.createFrom().item(Set.of());
    }

    private static void requireAgent(String agentId, CloudEvent event) {
        if (agentId == null || agentId.isBlank() || agentId.length() > 100) {
            throw new EventCodec.MalformedEventException("Event " + event.id() + " has no valid agentId");
        }
    }
}
