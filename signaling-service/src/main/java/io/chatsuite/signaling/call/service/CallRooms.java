package io.chatsuite.signaling.call.service;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The call sockets of this instance, paired by interaction. Pairing lives in memory, so both parties of a call
 * must reach the same instance (one instance for now; several need sticky routing by interaction id or a shared
 * relay, e.g. through Kafka or Redis).
 */
@ApplicationScoped
public class CallRooms extends Pairings<WebSocketConnection> {

    /** Sent when the interaction is over: normal closure, the reason says why. */
    public static final CloseReason INTERACTION_ENDED = new CloseReason(1000, "interaction ended");

    private static final Logger LOG = Logger.getLogger(CallRooms.class);

    /** Closes the call sockets of an interaction that is over. */
    public void end(String interactionId) {
        for (WebSocketConnection connection : removeAll(interactionId)) {
            connection
                    .close(INTERACTION_ENDED)
                    .subscribe()
                    .with(
                            ok -> {},
                            e -> LOG.debugf("Closing call socket %s failed: %s", connection.id(), e.getMessage()));
        }
    }
}
