package io.chatsuite.routing.servicelevel.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the live service level: push coalescing, snapshots and the staffing hint. */
@ConfigMapping(prefix = "chat.service-level")
public interface ServiceLevelConfig {

    /** Share (percent) of interactions to answer within the campaign's threshold, for the staffing hint. */
    @WithDefault("80")
    int targetPercent();

    /** Changes of one campaign are pushed and published at most this often (coalesced). */
    @WithDefault("500ms")
    Duration pushInterval();

    /** Every campaign is recomputed this often even without a change seen (clock-driven figures, lost hints). */
    @WithDefault("10s")
    Duration refreshInterval();

    /** Handle time assumed for the staffing hint while no interaction of the campaign ended recently. */
    @WithDefault("300s")
    Duration defaultHandleTime();

    /** How far back ended interactions count for the average handle time. */
    @WithDefault("4h")
    Duration handleTimeWindow();

    /** At most this many of the latest ended interactions make the average handle time. */
    @WithDefault("100")
    int handleTimeSample();

    /** Chats an agent holds at once when no member agent's capacity is known yet (staffing hint). */
    @WithDefault("3")
    int defaultConcurrency();

    /** Whether ServiceLevelUpdated snapshots go to the compacted service-levels topic. */
    @WithDefault("true")
    boolean publish();
}
