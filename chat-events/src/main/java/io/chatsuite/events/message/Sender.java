package io.chatsuite.events.message;

import io.chatsuite.events.Party;

public record Sender(Party role, String id, String displayName) {}
