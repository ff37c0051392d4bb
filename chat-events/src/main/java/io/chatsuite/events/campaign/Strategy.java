package io.chatsuite.events.campaign;

/** How a campaign delivers an interaction to its agents (docs/architecture.md, "Strategies"). */
public enum Strategy {
    RING_ALL,
    LONGEST_IDLE,
    LEAST_BUSY,
    ROUND_ROBIN,
    MANUAL
}
