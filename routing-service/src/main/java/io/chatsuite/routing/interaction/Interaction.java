package io.chatsuite.routing.interaction;

import io.chatsuite.events.Party;
import io.chatsuite.events.interaction.RejectReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A customer's request for an agent, from arrival to assignment and on to its end. Transitions are made with
 * conditional updates (state-guarded), never by flushing a loaded copy, so concurrent changes cannot be lost.
 */
@Entity
@Table(name = "interaction")
@DynamicUpdate
public class Interaction {

    @Id
    public String id;

    @Column(name = "campaign_id", nullable = false)
    public String campaignId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InteractionState state;

    @Column(name = "customer_name")
    public String customerName;

    @Column(nullable = false)
    public String language;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    /** Arrival order in the campaign's queue. */
    @Column(name = "queue_seq")
    public Long queueSeq;

    @Column(name = "queued_at")
    public Instant queuedAt;

    /** The last position told to the customer, so a position is announced only when it changes. */
    @Column(name = "announced_position")
    public Integer announcedPosition;

    /** The campaign's threshold when the interaction arrived; its service level is judged by that. */
    @Column(name = "sl_threshold_seconds")
    public Integer slThresholdSeconds;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "ended_by")
    public Party endedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "reject_reason")
    public RejectReason rejectReason;
}
