package io.chatsuite.events.campaign;

import java.time.Instant;

/** A campaign was deleted; the compacted topic also gets a tombstone for its key. */
public record CampaignDeleted(String campaignId, Instant deletedAt) {}
