package io.chatsuite.recordings.interaction.api;

import java.util.List;

/** One page of recordings, newest first; {@code total} counts every match. */
public record RecordingPage(List<InteractionSummary> items, int page, int size, long total) {}
