package io.chatsuite.gateway.live;

import io.chatsuite.gateway.interaction.LogEntry;
import io.chatsuite.gateway.interaction.mapping.LogFrames;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One open WebSocket connection as the delivery side sees it: the interactions it follows (a {@link Cursor}
 * each) and an ordered outbox of frames. Everything that writes to the connection goes through this object's
 * lock, so frames leave in the order they were decided. Until {@link #open} a link only queues, so the
 * connection's first frame ({@code hello}) cannot be overtaken by a push.
 */
public final class Link {

    private static final Logger LOG = Logger.getLogger(Link.class);

    private final WebSocketConnection connection;
    private final Audience audience;
    private final String agentId;
    private final Map<String, Cursor> cursors = new HashMap<>();
    private final List<String> queued = new ArrayList<>();
    private final ReplaySource replays;
    private volatile Consumer<LogEntry> onDelivered = e -> {};
    private boolean open;
    private boolean closed;

    /** Reads stored entries for a cursor that asked for them; implemented by the hub. */
    interface ReplaySource {
        void replay(Link link, String interactionId, long afterSeq);
    }

    Link(WebSocketConnection connection, Audience audience, String agentId, ReplaySource replays) {
        this.connection = connection;
        this.audience = audience;
        this.agentId = agentId;
        this.replays = replays;
    }

    public String id() {
        return connection.id();
    }

    public Audience audience() {
        return audience;
    }

    /** The agent on this link; null for a customer. */
    public String agentId() {
        return agentId;
    }

    /** Called with each log entry after it was written to this connection. */
    public void onDelivered(Consumer<LogEntry> listener) {
        this.onDelivered = listener;
    }

    /** Sends {@code first} (when not null) and then whatever was queued, and from now on sends directly. */
    public synchronized void open(String first) {
        if (closed) {
            return;
        }
        if (first != null) {
            write(first);
        }
        queued.forEach(this::write);
        queued.clear();
        open = true;
    }

    /** Sends a connection frame (ack, error, session) in turn with the log entries. */
    public synchronized void send(String frame) {
        if (closed) {
            return;
        }
        if (open) {
            write(frame);
        } else {
            queued.add(frame);
        }
    }

    synchronized boolean follows(String interactionId) {
        return cursors.containsKey(interactionId);
    }

    synchronized Set<String> followed() {
        return Set.copyOf(cursors.keySet());
    }

    /** Follows an interaction from after {@code seq}: replays the log, then delivers live entries. */
    synchronized void follow(String interactionId, long seq) {
        if (closed) {
            return;
        }
        Cursor cursor = cursors.get(interactionId);
        if (cursor != null) {
            cursor.raiseTo(seq);
            return;
        }
        cursor = newCursor(interactionId, seq);
        cursor.replay();
    }

    /**
     * An interaction was just assigned to this link's agent: the {@code assigned} entry goes first (the console
     * needs it to show the chat), then everything before it, then live entries. No-op when already followed.
     */
    synchronized void followFromAssignment(LogEntry assigned) {
        if (closed || cursors.containsKey(assigned.interactionId())) {
            return;
        }
        newCursor(assigned.interactionId(), 0).deliverAhead(assigned);
    }

    synchronized void offer(LogEntry entry) {
        Cursor cursor = cursors.get(entry.interactionId());
        if (cursor != null && !closed) {
            cursor.offer(entry);
        }
    }

    /** Hands a replay's result to its cursor; true when the cursor still misses entries. */
    synchronized boolean replayed(String interactionId, List<LogEntry> entries) {
        Cursor cursor = cursors.get(interactionId);
        return cursor != null && !closed && cursor.replayed(entries);
    }

    synchronized void replayFailed(String interactionId) {
        Cursor cursor = cursors.get(interactionId);
        if (cursor != null) {
            cursor.replayFailed();
        }
    }

    /** Retries a failed or unfinished replay. */
    synchronized void replayAgain(String interactionId) {
        Cursor cursor = cursors.get(interactionId);
        if (cursor != null && !closed) {
            cursor.replay();
        }
    }

    synchronized void close() {
        closed = true;
        cursors.clear();
        queued.clear();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private Cursor newCursor(String interactionId, long seq) {
        Cursor cursor = new Cursor(seq, new Cursor.Output() {
            @Override
            public void deliver(LogEntry entry) {
                send(audience == Audience.CUSTOMER ? LogFrames.forCustomer(entry) : entry.frame());
                onDelivered.accept(entry);
            }

            @Override
            public void replay(long afterSeq) {
                replays.replay(Link.this, interactionId, afterSeq);
            }
        });
        cursors.put(interactionId, cursor);
        return cursor;
    }

    private void write(String frame) {
        // Subscribing here, under the lock, hands frames to Vert.x in order; Vert.x keeps that order.
        connection
                .sendText(frame)
                .subscribe()
                .with(
                        ok -> {},
                        failure -> LOG.debugf(
                                "Frame not sent to connection %s: %s", connection.id(), failure.getMessage()));
    }
}
