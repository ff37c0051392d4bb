package io.chatsuite.routing.interaction.service;

/**
 * The wait a queued customer is told: the campaign's recent average wait until an answer, scaled by the
 * customer's position and shared among the agents available: {@code ceil(average × position ÷ max(1, agents))}.
 * Unknown (null) until the campaign has answered someone.
 */
public final class WaitEstimate {

    private WaitEstimate() {}

    public static Integer seconds(Double averageWaitSeconds, int position, long availableAgents) {
        if (averageWaitSeconds == null || averageWaitSeconds.isNaN() || averageWaitSeconds < 0) {
            return null;
        }
        return (int) Math.ceil(averageWaitSeconds * position / Math.max(1, availableAgents));
    }
}
