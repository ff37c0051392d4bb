package io.chatsuite.routing.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatsuite.commons.campaigns.CampaignDirectory;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.testing.CampaignFixture;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignsTest {

    private final CampaignDirectory directory = new CampaignDirectory(false, Map.of());
    private final Campaigns campaigns = new Campaigns(directory, null);

    @Test
    void theCampaignsOfAnAgentFollowEveryChangeOfTheDirectory() {
        upsert("c2", 1, List.of("ana", "bea"));
        upsert("c1", 1, List.of("ana", "ana"));
        assertEquals(List.of("c1", "c2"), campaigns.ofAgent("ana"));
        assertEquals(List.of("c2"), campaigns.ofAgent("bea"));
        assertEquals(List.of(), campaigns.ofAgent("cid"));

        upsert("c2", 2, List.of("cid"));
        assertEquals(List.of("c1"), campaigns.ofAgent("ana"));
        assertEquals(List.of("c2"), campaigns.ofAgent("cid"));

        directory.apply("c1", null);
        assertEquals(List.of(), campaigns.ofAgent("ana"));
        assertEquals(List.of("c2"), campaigns.ofAgent("cid"));
    }

    private void upsert(String id, long version, List<String> members) {
        CampaignUpserted c = CampaignFixture.campaign(id)
                .withVersion(version)
                .withAgentMembers(members)
                .withAllowedOrigins(List.of())
                .withUpdatedAt(Instant.parse("2026-11-25T10:00:00Z"))
                .build();
        directory.apply(id, EventCodec.encode(EventCodec.wrap("/test", id, c)));
    }
}
