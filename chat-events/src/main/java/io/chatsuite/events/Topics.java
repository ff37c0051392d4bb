package io.chatsuite.events;

/** Kafka topic names of the suite; docs/architecture.md and asyncapi.yaml describe what each one carries. */
public final class Topics {
    public static final String CAMPAIGNS = "campaigns";
    public static final String AGENT_PROFILES = "agent-profiles";
    public static final String AGENT_PRESENCE = "agent-presence";
    public static final String ROUTING_REQUESTS = "routing-requests";
    public static final String INTERACTIONS = "interactions";
    public static final String CHAT_MESSAGES = "chat-messages";
    public static final String CALLS = "calls";
    public static final String OFFLINE_MESSAGES = "offline-messages";
    public static final String SERVICE_LEVELS = "service-levels";

    private Topics() {}
}
