package io.chatsuite.gateway.interaction;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer's chat (one interaction) started at this gateway, with the high-water mark of its log. */
@Entity
@Table(name = "chat_session")
public class ChatSession {

    @Id
    @Column(name = "interaction_id")
    public String interactionId;

    @Column(name = "campaign_id", nullable = false)
    public String campaignId;

    @Column(name = "customer_name")
    public String customerName;

    @Column(nullable = false)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionState state;

    @Column(name = "agent_id")
    public String agentId;

    /** The seq of the newest log entry; only changed while holding the row lock. */
    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "end_requested_at")
    public Instant endRequestedAt;

    /** When the customer was last known connected (a lease renewed while any of their sockets is open). */
    @Column(name = "customer_seen_at", nullable = false)
    public Instant customerSeenAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
