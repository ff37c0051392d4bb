package io.chatsuite.campaigns.agent;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How an agent works: display name, how many chats at once, and the security groups whose administrators
 * manage the profile. The agent's campaigns are not stored here: campaigns list their members.
 */
@Entity
@Table(name = "agent_profile")
public class AgentProfile {

    /** The agent's username (the token's preferred_username). */
    @Id
    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(nullable = false)
    public int capacity;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_profile_group", joinColumns = @JoinColumn(name = "agent_id"))
    @Column(name = "security_group", nullable = false)
    @OrderBy
    public List<String> securityGroups = new ArrayList<>();

    /** Also increases when the agent's campaigns change, because the published profile changes then. */
    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
