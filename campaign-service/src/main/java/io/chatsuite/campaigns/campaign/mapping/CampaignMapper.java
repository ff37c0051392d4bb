package io.chatsuite.campaigns.campaign.mapping;

import io.chatsuite.campaigns.campaign.Campaign;
import io.chatsuite.campaigns.campaign.CampaignSettings;
import io.chatsuite.campaigns.campaign.api.CampaignRequest;
import io.chatsuite.campaigns.campaign.api.CampaignResponse;
import io.chatsuite.events.campaign.CampaignUpserted;

/** Maps campaigns between the entity, the REST records and the event contract. */
public final class CampaignMapper {

    private CampaignMapper() {
    }

    public static void apply(CampaignRequest request, Campaign campaign) {
        campaign.name = request.name().strip();
        campaign.securityGroup = request.securityGroup();
        campaign.strategy = request.strategy();
        campaign.serviceLevelSeconds = request.serviceLevelSeconds();
        campaign.defaultLanguage = request.defaultLanguage();
        campaign.settings = new CampaignSettings(request.schedule(), request.messages(), request.agentMembers(),
                request.allowedOrigins());
    }

    public static CampaignResponse toResponse(Campaign c) {
        return new CampaignResponse(c.id, c.version, c.name, c.securityGroup, c.strategy, c.serviceLevelSeconds,
                c.defaultLanguage, c.settings.schedule(), c.settings.messages(), c.settings.agentMembers(),
                c.settings.allowedOrigins(), c.createdAt, c.updatedAt);
    }

    public static CampaignUpserted toEvent(Campaign c) {
        return new CampaignUpserted(c.id, c.version, c.name, c.securityGroup, c.strategy, c.serviceLevelSeconds,
                c.defaultLanguage, c.settings.schedule(), c.settings.messages(), c.settings.agentMembers(),
                c.settings.allowedOrigins(), c.updatedAt);
    }
}
