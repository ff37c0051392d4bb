package io.chatsuite.gateway.health;

import io.chatsuite.commons.campaigns.CampaignDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the campaigns are loaded: before that every customer socket would be refused with 404. */
@Readiness
@ApplicationScoped
public class CampaignDirectoryCheck implements HealthCheck {

    private final CampaignDirectory campaigns;

    public CampaignDirectoryCheck(CampaignDirectory campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Campaign directory")
                .status(campaigns.isCaughtUp())
                .withData("campaigns", campaigns.all().size())
                .build();
    }
}
