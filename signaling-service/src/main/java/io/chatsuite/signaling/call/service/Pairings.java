package io.chatsuite.signaling.call.service;

import io.chatsuite.signaling.call.CallRole;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which connection holds each party's place in each interaction's call, in this instance's memory. A party that
 * connects again replaces its previous connection (a reload or a reconnect after a network change), and a
 * replaced connection that closes later changes nothing.
 *
 * @param <C> the connection type
 */
public class Pairings<C> {

    private final Map<String, Map<CallRole, C>> calls = new HashMap<>();

    /** The result of joining: the connection this one replaced, and the other party's connection, if any. */
    public record Joined<C>(C replaced, C peer) {}

    public synchronized Joined<C> join(String interactionId, CallRole role, C connection) {
        Map<CallRole, C> parties = calls.computeIfAbsent(interactionId, id -> new EnumMap<>(CallRole.class));
        C replaced = parties.put(role, connection);
        return new Joined<>(replaced == connection ? null : replaced, parties.get(role.other()));
    }

    /** The other party's connection, when {@code connection} still holds {@code role}'s place and the peer is in. */
    public synchronized Optional<C> peerOf(String interactionId, CallRole role, C connection) {
        Map<CallRole, C> parties = calls.get(interactionId);
        if (parties == null || parties.get(role) != connection) {
            return Optional.empty();
        }
        return Optional.ofNullable(parties.get(role.other()));
    }

    /** Gives up {@code role}'s place if {@code connection} holds it; the peer to tell, if any. */
    public synchronized Optional<C> leave(String interactionId, CallRole role, C connection) {
        Map<CallRole, C> parties = calls.get(interactionId);
        if (parties == null || parties.get(role) != connection) {
            return Optional.empty();
        }
        parties.remove(role);
        if (parties.isEmpty()) {
            calls.remove(interactionId);
        }
        return Optional.ofNullable(parties.get(role.other()));
    }

    /** Forgets the interaction's call; the connections that were in it. */
    public synchronized List<C> removeAll(String interactionId) {
        Map<CallRole, C> parties = calls.remove(interactionId);
        return parties == null ? List.of() : new ArrayList<>(parties.values());
    }

    public synchronized int activeCalls() {
        return calls.size();
    }
}
