package io.chatsuite.routing.servicelevel;

import java.time.Instant;

/** The counts of one campaign in one 15-minute interval. */
public record CampaignIntervalCounts(String campaignId, Instant start, Counts counts) {}
