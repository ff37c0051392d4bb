package io.chatsuite.recordings.interaction.api;

import io.chatsuite.events.Party;
import java.time.Instant;

/** A chat message of a transcript, shaped like the {@code message} frame the chat sockets carry. */
public record TranscriptEntry(String id, From from, String text, String language, Instant at) {

    public record From(Party role, String id, String name) {}
}
