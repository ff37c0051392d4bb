package io.chatsuite.routing.agent;

import io.chatsuite.events.agent.PresenceStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;

/**
 * An agent as routing sees it: presence, capacity and how many interactions it holds. Written only with
 * conditional updates and upserts; read as an entity.
 */
@Entity
@Table(name = "agent")
@DynamicUpdate
public class Agent {

    @Id
    public String id;

    @Column(name = "display_name")
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PresenceStatus status;

    @Column(name = "status_changed_at", nullable = false)
    public Instant statusChangedAt;

    @Column(name = "available_since")
    public Instant availableSince;

    @Column(nullable = false)
    public int capacity;

    /** What the agent's profile (or the configured default) says; {@link #capacity} comes down to it as chats end. */
    @Column(name = "desired_capacity", nullable = false)
    public int desiredCapacity;

    /** Version of the agent profile applied; null when the agent has none. */
    @Column(name = "profile_version")
    public Long profileVersion;

    /** Interactions the agent holds now (ASSIGNED). */
    @Column(nullable = false)
    public int active;

    @Column(name = "last_assigned_at")
    public Instant lastAssignedAt;

    @Column(name = "last_ended_at")
    public Instant lastEndedAt;
}
