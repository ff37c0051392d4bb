package io.chatsuite.campaigns.campaign.repository;

import io.chatsuite.events.campaign.Strategy;
import java.util.Set;

/**
 * Which campaigns a listing shows: always within {@code groups}; only those listing {@code member} when it is
 * set (an agent's view); then the caller's optional filters, order and page.
 */
public record CampaignQuery(
        Set<String> groups,
        String member,
        String nameContains,
        Strategy strategy,
        String securityGroup,
        SortField sort,
        boolean ascending,
        int page,
        int size) {

    /** The orders a listing accepts, and what each sorts by. */
    public enum SortField {
        name("lower(c.name)"),
        updatedAt("c.updatedAt"),
        createdAt("c.createdAt"),
        strategy("c.strategy");

        final String expression;

        SortField(String expression) {
            this.expression = expression;
        }
    }
}
