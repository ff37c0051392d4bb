package io.chatsuite.gateway.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How an agent is named to customers, as their token said when they last connected. */
@Entity
@Table(name = "agent_profile")
public class AgentProfile {

    @Id
    @Column(name = "agent_id")
    public String agentId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
