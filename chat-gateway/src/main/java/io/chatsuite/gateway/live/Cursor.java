package io.chatsuite.gateway.live;

import io.chatsuite.gateway.interaction.LogEntry;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where one connection stands in one interaction's log: it delivers every entry after {@code delivered} exactly
 * once and in order, whether the entry comes from a live push or from a replay of the stored log. A push that
 * skips ahead (pushes of one interaction may arrive out of order from different threads) is held back and the
 * gap is filled from the log. Not thread-safe: its {@link Link} calls it under the link's lock.
 */
final class Cursor {

    /** Where a cursor sends entries and asks for the stored log. */
    interface Output {
        void deliver(LogEntry entry);

        /** Reads the log after {@code seq} and hands it to {@link Cursor#replayed} (later, on any thread). */
        void replay(long seq);
    }

    private final Output output;
    private final NavigableMap<Long, LogEntry> pending = new TreeMap<>();
    /** Entries delivered ahead of their turn (the agent's {@code assigned}, which must come first). */
    private final NavigableSet<Long> deliveredAhead = new TreeSet<>();

    private long delivered;
    private boolean replaying;

    Cursor(long delivered, Output output) {
        this.delivered = delivered;
        this.output = output;
    }

    long delivered() {
        return delivered;
    }

    boolean replaying() {
        return replaying;
    }

    /** A live entry. */
    void offer(LogEntry entry) {
        if (isKnown(entry.seq())) {
            return;
        }
        pending.put(entry.seq(), entry);
        if (!replaying) {
            advance();
            fillGap();
        }
    }

    /** Delivers {@code entry} now, before the entries that precede it, which a replay then delivers. */
    void deliverAhead(LogEntry entry) {
        if (isKnown(entry.seq())) {
            return;
        }
        output.deliver(entry);
        deliveredAhead.add(entry.seq());
        pending.remove(entry.seq());
        replay();
    }

    /** The client already has everything up to {@code seq} (it said so on resume). */
    void raiseTo(long seq) {
        if (seq > delivered) {
            delivered = seq;
            deliveredAhead.headSet(seq, true).clear();
            pending.headMap(seq, true).clear();
        }
        if (!replaying) {
            advance();
            fillGap();
        }
    }

    /** Starts a replay of the stored log after what was delivered, unless one is running. */
    void replay() {
        if (!replaying) {
            replaying = true;
            output.replay(delivered);
        }
    }

    /**
     * The result of a replay: the stored entries after the seq it was asked for, in order. True when a gap
     * remains (an entry pushed before it could be read); the caller replays again a little later rather than
     * spinning.
     */
    boolean replayed(List<LogEntry> entries) {
        replaying = false;
        for (LogEntry e : entries) {
            if (!isKnown(e.seq())) {
                pending.putIfAbsent(e.seq(), e);
            }
        }
        advance();
        return hasGap();
    }

    /** A replay failed; the caller retries a little later with {@link #replay()}. */
    void replayFailed() {
        replaying = false;
    }

    /** True when entries wait for an earlier one that has not arrived. */
    boolean hasGap() {
        return !pending.isEmpty();
    }

    private boolean isKnown(long seq) {
        return seq <= delivered || deliveredAhead.contains(seq);
    }

    private void advance() {
        while (true) {
            long next = delivered + 1;
            if (deliveredAhead.remove(next)) {
                delivered = next;
                continue;
            }
            LogEntry entry = pending.remove(next);
            if (entry == null) {
                return;
            }
            output.deliver(entry);
            delivered = next;
        }
    }

    private void fillGap() {
        if (!pending.isEmpty()) {
            replay();
        }
    }
}
