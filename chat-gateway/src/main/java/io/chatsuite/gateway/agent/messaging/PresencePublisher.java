package io.chatsuite.gateway.agent.messaging;

import io.chatsuite.events.EventCodec;
import io.chatsuite.events.agent.AgentPresenceChanged;
import io.chatsuite.events.agent.PresenceStatus;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes agent presence to the agent-presence topic (keyed by agent, so one agent's changes stay ordered).
 * Presence lives only in this gateway's memory, so it is produced directly rather than through the outbox.
 */
@ApplicationScoped
public class PresencePublisher {

    static final String SOURCE = "/chat-gateway";

    private final MutinyEmitter<String> emitter;

    public PresencePublisher(@Channel("agent-presence-out") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Sends the change; call in the order the changes happened (the emitter keeps call order). */
    public Uni<Void> publish(String agentId, String displayName, PresenceStatus status) {
        AgentPresenceChanged data = new AgentPresenceChanged(agentId, displayName, status, Instant.now());
        String value = EventCodec.encode(EventCodec.wrap(SOURCE, agentId, data));
        return emitter.sendMessage(Message.of(value)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(agentId)
                        .build()));
    }
}
