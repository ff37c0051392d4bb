package io.chatsuite.routing.config;

import io.chatsuite.routing.servicelevel.ServiceLevelFormula;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of queueing and assignment that the event contract does not (yet) carry per campaign or agent. */
@ConfigMapping(prefix = "chat.routing")
public interface RoutingConfig {

    /** Interactions an agent may hold at once, until agent profiles carry their own capacity. */
    @WithDefault("3")
    int agentCapacity();

    /** Waiting interactions a campaign's queue holds before new customers are told no agent is available. */
    @WithDefault("50")
    int maxWaiting();

    /** An abandon this soon after queueing is a short abandon and does not count against the service level. */
    @WithDefault("5s")
    Duration shortAbandon();

    /** How long a request for a campaign this service has not heard of waits for its snapshot before rejection. */
    @WithDefault("3s")
    Duration unknownCampaignGrace();

    /** How often queues are swept for work a missed trigger left behind (e.g. after a crash). */
    @WithDefault("5s")
    Duration sweepInterval();

    /** Service-level formula of the dashboard when the caller asks for none. */
    @WithDefault("ANSWERED_PLUS_LATE_ABANDONS")
    ServiceLevelFormula serviceLevelFormula();
}
