package io.chatsuite.campaigns.campaign;

import io.chatsuite.events.campaign.Strategy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
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

    /** Schedule, messages, members and origins: read and written whole, so one JSON document. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public CampaignSettings settings;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
