package io.chatsuite.campaigns.campaign.api;

import java.util.List;

/** One page of a listing: the items, where they are, and how many match in total. */
public record Page<T>(List<T> items, int page, int size, long total) {}
