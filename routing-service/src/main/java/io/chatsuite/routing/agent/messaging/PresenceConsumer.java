package io.chatsuite.routing.agent.messaging;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.events.agent.AgentPresenceChanged;
import io.chatsuite.routing.agent.service.AgentUpdates;
import io.chatsuite.routing.engine.RoutingEngine;
import io.chatsuite.routing.support.RaceRetry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Consumes {@code agent-presence}; unreadable records go to the dead-letter topic, unknown types are skipped. */
@ApplicationScoped
public class PresenceConsumer {

    private static final Logger LOG = Logger.getLogger(PresenceConsumer.class);

    private final AgentUpdates agents;
    private final RoutingEngine engine;

    public PresenceConsumer(AgentUpdates agents, RoutingEngine engine) {
        this.agents = agents;
        this.engine = engine;
    }

    @Incoming("agent-presence")
    public Uni<Void> consume(String value) {
        if (value == null) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> apply(EventCodec.decode(value)))
                .chain(engine::dispatch)
                .onFailure().invoke(e -> LOG.errorf("Presence change not applied, parking it: %s", e.getMessage()));
    }

    private Uni<Set<String>> apply(CloudEvent event) {
        if (EventType.of(event.type()).orElse(null) != EventType.AGENT_PRESENCE_CHANGED) {
            LOG.infof("Skipping event %s of type %s on agent-presence", event.id(), event.type());
            return Uni.createFrom().item(Set.of());
        }
        AgentPresenceChanged change = EventCodec.data(event, AgentPresenceChanged.class);
        if (change.agentId() == null || change.agentId().isBlank() || change.agentId().length() > 100
                || change.status() == null || change.changedAt() == null) {
            throw new EventCodec.MalformedEventException("Event " + event.id() + " lacks agentId, status or changedAt");
        }
        return RaceRetry.retried(() -> agents.presenceChanged(event.id(), change));
    }
}
