package io.chatsuite.routing.servicelevel;

import io.chatsuite.events.campaign.ServiceLevelFormula;
import io.chatsuite.routing.Suite;
import io.chatsuite.testing.CampaignFixture;
import java.util.List;

/** Campaign snapshots with the service-level settings of the contract v2 (threshold, formula, short abandon). */
public final class LiveCampaigns {

    private LiveCampaigns() {}

    /** Publishes an always-open campaign and waits until routing knows it; returns its id. */
    public static String publish(
            Suite suite,
            String group,
            List<String> members,
            int thresholdSeconds,
            ServiceLevelFormula formula,
            int shortAbandonSeconds) {
        return suite.publish(CampaignFixture.campaign(Suite.id("campaign"))
                .withSecurityGroup(group)
                .withAgentMembers(members)
                .withServiceLevelSeconds(thresholdSeconds)
                .withServiceLevelFormula(formula)
                .withShortAbandonSeconds(shortAbandonSeconds)
                .withMaxWaiting(50)
                .build());
    }
}
