package io.chatsuite.events.agent;

public enum PresenceStatus {
    AVAILABLE,
    AWAY,
    OFFLINE
}
