package io.chatsuite.gateway.customer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long the suite waits for customers who left without ending their chat. */
@ConfigMapping(prefix = "chat.customers")
public interface CustomerConfig {

    /** A waiting chat whose customer has had no connection for this long is abandoned. */
    @WithDefault("60s")
    Duration queueGrace();

    /** An assigned chat whose customer has been gone (and so silent) for this long is ended, with a notice. */
    @WithDefault("10m")
    Duration inactivityTimeout();

    /** How often each instance renews the lease of the customers connected to it. */
    @WithDefault("10s")
    Duration heartbeat();

    /** How often each instance looks for customers gone too long. */
    @WithDefault("5s")
    Duration sweepInterval();
}
