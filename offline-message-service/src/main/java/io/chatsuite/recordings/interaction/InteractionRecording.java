package io.chatsuite.recordings.interaction;

import io.chatsuite.events.Party;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.interaction.InteractionAbandoned;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionEnded;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.events.interaction.InteractionRejected;
import io.chatsuite.events.message.ChatMessageSent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The recording of one interaction, built up from its events in whatever order they arrive: each event fills
 * what it knows and never undoes what a later stage already recorded.
 */
@Entity
@Table(name = "interaction_recording")
public class InteractionRecording {

    @Id
    public String id;

    @Column(name = "campaign_id")
    public String campaignId;

    @Column(name = "campaign_name")
    public String campaignName;

    @Column(name = "security_group")
    public String securityGroup;

    @Column(name = "customer_name")
    public String customerName;

    @Column(name = "customer_language")
    public String customerLanguage;

    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome = Outcome.IN_PROGRESS;

    @Enumerated(EnumType.STRING)
    @Column(name = "ended_by")
    public Party endedBy;

    @Column(name = "reject_reason")
    public String rejectReason;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    public void apply(InteractionQueued e) {
        campaign(e.campaignId());
        if (requestedAt == null) {
            requestedAt = e.queuedAt();
        }
    }

    public void apply(InteractionAssigned e) {
        campaign(e.campaignId());
        agentId = e.agentId();
        customerName = firstNonNull(e.customerName(), customerName);
        customerLanguage = firstNonNull(e.language(), customerLanguage);
        // The assignment carries the authoritative request time; a queued event only approximates it.
        requestedAt = firstNonNull(e.requestedAt(), requestedAt);
        assignedAt = e.assignedAt();
        decide(Outcome.ANSWERED);
    }

    public void apply(InteractionRejected e) {
        campaign(e.campaignId());
        if (requestedAt == null) {
            requestedAt = e.at();
        }
        endedAt = e.at();
        endedBy = Party.SYSTEM;
        rejectReason = e.reason() == null ? null : e.reason().name();
        decide(Outcome.REJECTED);
    }

    public void apply(InteractionAbandoned e) {
        campaign(e.campaignId());
        requestedAt = firstNonNull(e.requestedAt(), requestedAt);
        endedAt = e.at();
        endedBy = Party.CUSTOMER;
        decide(Outcome.ABANDONED);
    }

    public void apply(InteractionEnded e) {
        campaign(e.campaignId());
        agentId = firstNonNull(agentId, e.agentId());
        endedAt = e.endedAt();
        endedBy = e.endedBy();
        // Only an assigned interaction can end; its assignment event may simply not have been applied yet.
        decide(Outcome.ANSWERED);
    }

    /** What a chat message tells about its interaction when the interaction events have not said it yet. */
    public void apply(ChatMessageSent m) {
        campaign(m.campaignId());
        if (m.sender() != null && m.sender().role() == Party.CUSTOMER) {
            customerName = firstNonNull(customerName, m.sender().displayName());
            customerLanguage = firstNonNull(customerLanguage, m.language());
        }
    }

    /** Copies the campaign's name and security group the first time they are known. */
    public void describe(CampaignUpserted campaign) {
        if (campaign == null || (campaignId != null && !campaignId.equals(campaign.campaignId()))) {
            return;
        }
        campaignName = firstNonNull(campaignName, campaign.name());
        securityGroup = firstNonNull(securityGroup, campaign.securityGroup());
    }

    public boolean describedByCampaign() {
        return securityGroup != null && campaignName != null;
    }

    private void campaign(String id) {
        if (campaignId == null) {
            campaignId = id;
        }
    }

    // The first decided outcome stands: a late duplicate of an earlier stage never reopens an interaction.
    private void decide(Outcome decided) {
        if (outcome == null || outcome == Outcome.IN_PROGRESS) {
            outcome = decided;
        }
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }
}
