package io.chatsuite.routing.engine;

import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.routing.assignment.RoutingPlanner.AgentView;
import java.time.Instant;

/** An agent as a batch holds it under its row lock: read once, changed in memory, written back once if changed. */
final class AgentState {

    final String id;
    final PresenceStatus status;
    final int readActive;
    final int desiredCapacity;
    final Instant availableSince;
    int active;
    int capacity;
    /** Open offers of the agent that hold capacity, in every campaign. */
    int reserved;

    Instant lastEndedAt;
    Instant lastAssignedAt;
    boolean changed;

    AgentState(
            String id,
            PresenceStatus status,
            int active,
            int capacity,
            int desiredCapacity,
            Instant lastEndedAt,
            Instant availableSince) {
        this.id = id;
        this.status = status;
        this.readActive = active;
        this.active = active;
        this.capacity = capacity;
        this.desiredCapacity = desiredCapacity;
        this.lastEndedAt = lastEndedAt;
        this.availableSince = availableSince;
    }

    boolean available() {
        return status == PresenceStatus.AVAILABLE;
    }

    /** May take one more interaction now (an offer it holds does not count against an acceptance). */
    boolean belowCapacity() {
        return available() && active < capacity;
    }

    void take(Instant at) {
        active++;
        lastAssignedAt = at;
        changed = true;
    }

    /** One of its interactions ended; a capacity lowered while it held more comes down as its chats end. */
    void release(Instant at) {
        active = Math.max(0, active - 1);
        capacity = Math.max(desiredCapacity, active);
        lastEndedAt = at;
        changed = true;
    }

    AgentView view() {
        return new AgentView(id, available(), active, capacity, Math.max(0, reserved), lastEndedAt, availableSince);
    }
}
