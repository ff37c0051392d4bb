package io.chatsuite.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of queueing and assignment that the event contract does not carry per campaign or agent. */
@ConfigMapping(prefix = "chat.routing")
public interface RoutingConfig {

    /** Interactions an agent may hold at once when it has no agent profile (agent-profiles topic). */
    @WithDefault("3")
    int agentCapacity();

    /**
     * LONGEST_IDLE, LEAST_BUSY and ROUND_ROBIN give an interaction to the chosen agent at once; when false, they
     * offer it to that agent, who accepts or declines. RING_ALL and MANUAL always offer.
     */
    @WithDefault("true")
    boolean autoAccept();

    /** How long an offer waits for the agent's answer before it goes to the next agent (RING_ALL rings again). */
    @WithDefault("20s")
    Duration offerTimeout();

    /** How often open offers are checked for expiry (the precision of the offer timeout). */
    @WithDefault("1s")
    Duration offerCheckInterval();

    /** How many recent answers the estimated wait of queued customers averages. */
    @WithDefault("20")
    int waitEstimateSamples();

    /** An abandon this soon after queueing is a short abandon and does not count against the service level. */
    @WithDefault("5s")
    Duration shortAbandon();

    /** How long a request for a campaign this service has not heard of waits for its snapshot before rejection. */
    @WithDefault("3s")
    Duration unknownCampaignGrace();

    /** How often queues are swept for work a missed trigger left behind (e.g. after a crash). */
    @WithDefault("5s")
    Duration sweepInterval();

    /** How often, at most, a moving queue's positions are announced (the last ten places: every move). */
    @WithDefault("1s")
    Duration positionInterval();

    /** How often, at most, positions further back than the last ten places are announced. */
    @WithDefault("10s")
    Duration farPositionInterval();
}
