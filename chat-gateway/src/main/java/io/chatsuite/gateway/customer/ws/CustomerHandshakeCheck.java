package io.chatsuite.gateway.customer.ws;

import io.chatsuite.commons.campaigns.CampaignDirectory;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.gateway.customer.Origins;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a customer socket before the upgrade: 404 for a campaign the gateway does not know, 403 for a page
 * whose {@code Origin} the campaign does not allow (a missing Origin included: every browser sends one). The
 * campaign found is handed to the socket through the connection's user data.
 */
@ApplicationScoped
public class CustomerHandshakeCheck implements HttpUpgradeCheck {

    private final CampaignDirectory campaigns;
    private final String publicUrl;

    public CustomerHandshakeCheck(
            CampaignDirectory campaigns,
            @ConfigProperty(name = "chat.public-url", defaultValue = "http://localhost:8080") String publicUrl) {
        this.campaigns = campaigns;
        this.publicUrl = publicUrl;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return CustomerSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String campaignId = context.httpRequest().getParam("campaignId");
        Optional<CampaignUpserted> campaign = campaigns.find(campaignId);
        if (campaign.isEmpty()) {
            return CheckResult.rejectUpgrade(404);
        }
        String origin = context.httpRequest().getHeader("Origin");
        if (!Origins.allowed(origin, campaign.get().allowedOrigins(), publicUrl)) {
            return CheckResult.rejectUpgrade(403);
        }
        context.userData().put(CustomerSocket.CAMPAIGN, campaign.get());
        return CheckResult.permitUpgrade();
    }
}
