package io.chatsuite.events;

import io.chatsuite.events.agent.AgentPresenceChanged;
import io.chatsuite.events.agent.AgentProfileDeleted;
import io.chatsuite.events.agent.AgentProfileUpserted;
import io.chatsuite.events.campaign.CampaignDeleted;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.interaction.InteractionAbandoned;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionEnded;
import io.chatsuite.events.interaction.InteractionOffered;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.events.interaction.InteractionRejected;
import io.chatsuite.events.message.ChatMessageSent;
import io.chatsuite.events.routing.RoutingAbandonRequested;
import io.chatsuite.events.routing.RoutingAccepted;
import io.chatsuite.events.routing.RoutingDeclined;
import io.chatsuite.events.routing.RoutingEndRequested;
import io.chatsuite.events.routing.RoutingRequested;
import io.chatsuite.events.servicelevel.ServiceLevelUpdated;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of the contract: its CloudEvents {@code type}, the topic it travels on, its data record
 * and its JSON Schema (classpath {@code schemas/<type>.json}).
 */
public enum EventType {
    CAMPAIGN_UPSERTED("chat.campaign.upserted.v1", Topics.CAMPAIGNS, CampaignUpserted.class),
    CAMPAIGN_DELETED("chat.campaign.deleted.v1", Topics.CAMPAIGNS, CampaignDeleted.class),
    AGENT_PRESENCE_CHANGED("chat.agent.presence-changed.v1", Topics.AGENT_PRESENCE, AgentPresenceChanged.class),
    ROUTING_REQUESTED("chat.routing.requested.v1", Topics.ROUTING_REQUESTS, RoutingRequested.class),
    ROUTING_ABANDON_REQUESTED(
            "chat.routing.abandon-requested.v1", Topics.ROUTING_REQUESTS, RoutingAbandonRequested.class),
    ROUTING_END_REQUESTED("chat.routing.end-requested.v1", Topics.ROUTING_REQUESTS, RoutingEndRequested.class),
    INTERACTION_QUEUED("chat.interaction.queued.v1", Topics.INTERACTIONS, InteractionQueued.class),
    INTERACTION_ASSIGNED("chat.interaction.assigned.v1", Topics.INTERACTIONS, InteractionAssigned.class),
    INTERACTION_REJECTED("chat.interaction.rejected.v1", Topics.INTERACTIONS, InteractionRejected.class),
    INTERACTION_ABANDONED("chat.interaction.abandoned.v1", Topics.INTERACTIONS, InteractionAbandoned.class),
    INTERACTION_ENDED("chat.interaction.ended.v1", Topics.INTERACTIONS, InteractionEnded.class),
    CHAT_MESSAGE_SENT("chat.message.sent.v1", Topics.CHAT_MESSAGES, ChatMessageSent.class),
    AGENT_PROFILE_UPSERTED("chat.agent-profile.upserted.v1", Topics.AGENT_PROFILES, AgentProfileUpserted.class),
    AGENT_PROFILE_DELETED("chat.agent-profile.deleted.v1", Topics.AGENT_PROFILES, AgentProfileDeleted.class),
    INTERACTION_OFFERED("chat.interaction.offered.v1", Topics.INTERACTIONS, InteractionOffered.class),
    ROUTING_ACCEPTED("chat.routing.accepted.v1", Topics.ROUTING_REQUESTS, RoutingAccepted.class),
    ROUTING_DECLINED("chat.routing.declined.v1", Topics.ROUTING_REQUESTS, RoutingDeclined.class),
    SERVICE_LEVEL_UPDATED("chat.service-level.updated.v1", Topics.SERVICE_LEVELS, ServiceLevelUpdated.class);

    private static final Map<String, EventType> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private final String type;
    private final String topic;
    private final Class<? extends Record> dataClass;

    EventType(String type, String topic, Class<? extends Record> dataClass) {
        this.type = type;
        this.topic = topic;
        this.dataClass = dataClass;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends Record> dataClass() {
        return dataClass;
    }

    /** Classpath resource of the JSON Schema of this type's {@code data}. */
    public String schemaResource() {
        return "schemas/" + type + ".json";
    }

    public static Optional<EventType> of(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static EventType ofData(Record data) {
        return Arrays.stream(values())
                .filter(t -> t.dataClass == data.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + data.getClass()));
    }
}
