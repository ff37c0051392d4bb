package io.chatsuite.gateway.customer.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.gateway.ClientFrames;
import io.chatsuite.gateway.GatewayTestBase;
import io.chatsuite.gateway.WsClient;
import io.chatsuite.testing.CampaignFixture;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerHandshakeTest extends GatewayTestBase {

    @Test
    void unknownCampaignIsRefusedWith404() {
        WsClient.Refused refused = assertThrows(
                WsClient.Refused.class, () -> WsClient.customer(vertx, base, "no-such-campaign", PUBLIC_ORIGIN));
        assertEquals(404, refused.status());
    }

    @Test
    void originTheCampaignDoesNotAllowIsRefusedWith403() {
        CampaignUpserted campaign = campaign();
        assertEquals(
                403,
                assertThrows(
                                WsClient.Refused.class,
                                () -> WsClient.customer(vertx, base, campaign.campaignId(), "https://evil.example.com"))
                        .status());
        assertEquals(
                403,
                assertThrows(WsClient.Refused.class, () -> WsClient.customer(vertx, base, campaign.campaignId(), null))
                        .status());
    }

    @Test
    void anOriginAddedToTheCampaignIsAcceptedWithoutARestart() {
        CampaignUpserted campaign = campaign();
        String newShop = "https://new-shop.example.com";
        assertEquals(
                403,
                assertThrows(
                                WsClient.Refused.class,
                                () -> WsClient.customer(vertx, base, campaign.campaignId(), newShop))
                        .status());
        publish(CampaignFixture.from(campaign)
                .withVersion(campaign.version() + 1)
                .withAllowedOrigins(List.of(SHOP_ORIGIN, newShop))
                .withUpdatedAt(null)
                .build());
        WsClient client = track(WsClient.customer(vertx, base, campaign.campaignId(), newShop));
        client.send(ClientFrames.hello("en", null));
        client.next("session");
    }

    @Test
    void campaignOriginsAndTheSuitesOwnOriginAreAccepted() {
        CampaignUpserted campaign = campaign();
        for (String origin : new String[] {SHOP_ORIGIN, PUBLIC_ORIGIN}) {
            WsClient client = track(WsClient.customer(vertx, base, campaign.campaignId(), origin));
            client.send(ClientFrames.hello("en", null));
            client.next("session");
        }
    }
}
