package io.chatsuite.routing.servicelevel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.commons.campaigns.CampaignDirectory;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.Topics;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.ServiceLevelFormula;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.routing.Suite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Campaign snapshots with the service-level settings of the contract v2 (threshold, formula, short abandon). */
public final class LiveCampaigns {

    private LiveCampaigns() {
    }

    /** Publishes an always-open campaign and waits until routing knows it; returns its id. */
    public static String publish(Suite suite, CampaignDirectory directory, String group, List<String> members,
            int thresholdSeconds, ServiceLevelFormula formula, int shortAbandonSeconds) {
        String id = Suite.id("campaign");
        CampaignUpserted c = new CampaignUpserted(id, 1, "Campaign " + id, group, Strategy.LONGEST_IDLE,
                thresholdSeconds, "es", null, Map.of(), members, List.of("http://localhost:8080"), Instant.now(),
                formula, shortAbandonSeconds, 50, false, false, false);
        suite.send(Topics.CAMPAIGNS, id, EventCodec.wrap(Suite.SOURCE, id, c));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (directory.find(id).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "campaign " + id + " never reached routing's view");
            Suite.sleep(50);
        }
        return id;
    }
}
