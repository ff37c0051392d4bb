package io.chatsuite.campaigns.campaign;

import io.chatsuite.events.campaign.Strategy;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A WebChat campaign as administrators configure it. */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "security_group", nullable = false)
    public String securityGroup;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Strategy strategy;

    @Column(name = "service_level_seconds", nullable = false)
    public int serviceLevelSeconds;

    @Column(name = "default_language", nullable = false)
    public String defaultLanguage;

    /** Everything read and written whole with the campaign (schedule, messages, origins, limits, flags). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public CampaignSettings settings;

    /**
     * The agents who take this campaign's chats. A table rather than JSON so that "the campaigns of agent X"
     * (agent profiles, an agent's own view) is an indexed query; kept sorted so the order is stable.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_member", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "agent_id", nullable = false)
    @OrderBy
    public List<String> agentMembers = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
