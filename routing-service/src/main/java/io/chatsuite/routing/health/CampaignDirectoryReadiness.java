package io.chatsuite.routing.health;

import io.chatsuite.routing.campaign.Campaigns;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the campaign view holds what the topic held at start: routing decides nothing before that. */
@Readiness
@ApplicationScoped
public class CampaignDirectoryReadiness implements HealthCheck {

    private final Campaigns campaigns;

    public CampaignDirectoryReadiness(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Campaign directory")
                .status(campaigns.isCaughtUp())
                .build();
    }
}
