package io.chatsuite.testing;

import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Schedule;
import io.chatsuite.events.campaign.ServiceLevelFormula;
import io.chatsuite.events.campaign.Strategy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Campaign snapshots for tests: a campaign open around the clock with sensible defaults, and a wither for each
 * field a test cares about, so a fixture names only what matters to it.
 */
public final class CampaignFixture {

    private final String campaignId;
    private long version = 1;
    private String name;
    private String securityGroup = "sales";
    private Strategy strategy = Strategy.LONGEST_IDLE;
    private int serviceLevelSeconds = 20;
    private String defaultLanguage = "es";
    private Schedule schedule;
    private Map<String, Map<String, String>> messages = Map.of();
    private List<String> agentMembers = List.of();
    private List<String> allowedOrigins = List.of("http://localhost:8080");
    private Instant updatedAt;
    private ServiceLevelFormula serviceLevelFormula;
    private int shortAbandonSeconds;
    private int maxWaiting;
    private boolean allowAudio;
    private boolean allowVideo;
    private boolean offlineMessagesEnabled;

    private CampaignFixture(String campaignId) {
        this.campaignId = campaignId;
        this.name = "Campaign " + campaignId;
    }

    /** Campaign {@code campaignId}, version 1, of group sales, always open, no members. */
    public static CampaignFixture campaign(String campaignId) {
        return new CampaignFixture(campaignId);
    }

    /** The same with a new random id. */
    public static CampaignFixture campaign() {
        return campaign(UUID.randomUUID().toString());
    }

    /** Starts from an existing snapshot, e.g. to publish its next version. */
    public static CampaignFixture from(CampaignUpserted c) {
        return campaign(c.campaignId())
                .withVersion(c.version())
                .withName(c.name())
                .withSecurityGroup(c.securityGroup())
                .withStrategy(c.strategy())
                .withServiceLevelSeconds(c.serviceLevelSeconds())
                .withDefaultLanguage(c.defaultLanguage())
                .withSchedule(c.schedule())
                .withMessages(c.messages())
                .withAgentMembers(c.agentMembers())
                .withAllowedOrigins(c.allowedOrigins())
                .withUpdatedAt(c.updatedAt())
                .withServiceLevelFormula(c.serviceLevelFormula())
                .withShortAbandonSeconds(c.shortAbandonSeconds())
                .withMaxWaiting(c.maxWaiting())
                .withAllowAudio(c.allowAudio())
                .withAllowVideo(c.allowVideo())
                .withOfflineMessagesEnabled(c.offlineMessagesEnabled());
    }

    public CampaignFixture withVersion(long version) {
        this.version = version;
        return this;
    }

    public CampaignFixture withName(String name) {
        this.name = name;
        return this;
    }

    public CampaignFixture withSecurityGroup(String securityGroup) {
        this.securityGroup = securityGroup;
        return this;
    }

    public CampaignFixture withStrategy(Strategy strategy) {
        this.strategy = strategy;
        return this;
    }

    public CampaignFixture withServiceLevelSeconds(int serviceLevelSeconds) {
        this.serviceLevelSeconds = serviceLevelSeconds;
        return this;
    }

    public CampaignFixture withDefaultLanguage(String defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
        return this;
    }

    /** Office hours; null (the default) means open around the clock. */
    public CampaignFixture withSchedule(Schedule schedule) {
        this.schedule = schedule;
        return this;
    }

    public CampaignFixture withMessages(Map<String, Map<String, String>> messages) {
        this.messages = messages;
        return this;
    }

    public CampaignFixture withAgentMembers(List<String> agentMembers) {
        this.agentMembers = agentMembers;
        return this;
    }

    public CampaignFixture withAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
        return this;
    }

    /** When the snapshot was taken; by default the moment it is built. */
    public CampaignFixture withUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
        return this;
    }

    public CampaignFixture withServiceLevelFormula(ServiceLevelFormula serviceLevelFormula) {
        this.serviceLevelFormula = serviceLevelFormula;
        return this;
    }

    public CampaignFixture withShortAbandonSeconds(int shortAbandonSeconds) {
        this.shortAbandonSeconds = shortAbandonSeconds;
        return this;
    }

    public CampaignFixture withMaxWaiting(int maxWaiting) {
        this.maxWaiting = maxWaiting;
        return this;
    }

    public CampaignFixture withAllowAudio(boolean allowAudio) {
        this.allowAudio = allowAudio;
        return this;
    }

    public CampaignFixture withAllowVideo(boolean allowVideo) {
        this.allowVideo = allowVideo;
        return this;
    }

    public CampaignFixture withOfflineMessagesEnabled(boolean offlineMessagesEnabled) {
        this.offlineMessagesEnabled = offlineMessagesEnabled;
        return this;
    }

    public CampaignUpserted build() {
        return new CampaignUpserted(
                campaignId,
                version,
                name,
                securityGroup,
                strategy,
                serviceLevelSeconds,
                defaultLanguage,
                schedule,
                messages,
                agentMembers,
                allowedOrigins,
                updatedAt == null ? Instant.now() : updatedAt,
                serviceLevelFormula,
                shortAbandonSeconds,
                maxWaiting,
                allowAudio,
                allowVideo,
                offlineMessagesEnabled);
    }
}
