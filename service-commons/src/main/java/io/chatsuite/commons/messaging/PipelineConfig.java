package io.chatsuite.commons.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How every event consumer of a service retries transient failures and when it reports itself stalled. */
@ConfigMapping(prefix = "chat.consumers")
public interface PipelineConfig {

    /** The first retry's delay; each next one doubles, with 20 % jitter. */
    @WithDefault("100ms")
    Duration initialBackoff();

    /** The longest delay between two attempts, however long the outage. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** A channel failing on the same record for longer than this makes readiness DOWN until it progresses. */
    @WithDefault("5s")
    Duration unhealthyAfter();
}
