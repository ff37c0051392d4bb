package io.chatsuite.signaling.call.ws;

import io.chatsuite.signaling.call.CallRole;
import io.chatsuite.signaling.call.service.CallRooms;
import io.chatsuite.signaling.call.service.IceServers;
import io.chatsuite.signaling.call.service.Pairings;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/**
 * The call socket of one interaction, joined by its customer and its agent ({@link CallUpgradeCheck} admits
 * nobody else): tells each who is there and relays their {@code signal} frames to each other unchanged.
 */
@WebSocket(path = "/ws/call/{interactionId}", endpointId = CallSocket.ENDPOINT_ID)
public class CallSocket {

    public static final String ENDPOINT_ID = "call";
    static final String INTERACTION_ID = "interactionId";
    static final UserData.TypedKey<String> ROLE = UserData.TypedKey.forString("chat.call.role");
    static final UserData.TypedKey<String> PARTY = UserData.TypedKey.forString("chat.call.party");
    /** The same party connected again (a reload, a new network): the newest connection wins. */
    static final CloseReason REPLACED = new CloseReason(4000, "replaced by a newer connection");

    private static final CloseReason NOT_ADMITTED = new CloseReason(1008, "not admitted");

    private final CallRooms rooms;
    private final IceServers iceServers;

    public CallSocket(CallRooms rooms, IceServers iceServers) {
        this.rooms = rooms;
        this.iceServers = iceServers;
    }

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        CallRole me = role(connection);
        if (me == null) {
            // Unreachable while the upgrade check applies to this endpoint; refuse rather than trust blindly.
            return connection.close(NOT_ADMITTED);
        }
        Pairings.Joined<WebSocketConnection> joined = rooms.join(interactionId(connection), me, connection);
        Uni<Void> replaced = joined.replaced() == null
                ? Uni.createFrom().voidItem()
                : quietly(joined.replaced().close(REPLACED));
        // joined goes out before the peer learns of us, so it is always the first frame this socket gets.
        return replaced.chain(() -> connection.sendText(CallFrames.joined(
                        me, joined.peer() != null, iceServers.forInteraction(interactionId(connection)))))
                .chain(() -> joined.peer() == null
                        ? Uni.createFrom().voidItem()
                        : quietly(joined.peer().sendText(CallFrames.peerJoined(me))));
    }

    @OnTextMessage
    public Uni<Void> message(String text, WebSocketConnection connection) {
        CallRole me = role(connection);
        return switch (CallFrames.read(text)) {
            case CallFrames.Invalid invalid -> connection.sendText(CallFrames.error(invalid.code(), invalid.message()));
            case CallFrames.Signal signal ->
                rooms.peerOf(interactionId(connection), me, connection)
                        .map(peer -> peer.sendText(signal.raw()).onFailure().recoverWithUni(e -> noPeer(connection)))
                        .orElseGet(() -> noPeer(connection));
        };
    }

    @OnClose
    public Uni<Void> close(WebSocketConnection connection) {
        CallRole me = role(connection);
        if (me == null) {
            return Uni.createFrom().voidItem();
        }
        return rooms.leave(interactionId(connection), me, connection)
                .map(peer -> quietly(peer.sendText(CallFrames.peerLeft(me))))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    private static Uni<Void> noPeer(WebSocketConnection connection) {
        return connection.sendText(CallFrames.error(CallFrames.NO_PEER, "the other party is not connected"));
    }

    // The other connection may be closing at this very moment; that must not fail this socket.
    private static Uni<Void> quietly(Uni<Void> send) {
        return send.onFailure().recoverWithNull();
    }

    private static CallRole role(WebSocketConnection connection) {
        String role = connection.userData().get(ROLE);
        return role == null ? null : CallRole.valueOf(role);
    }

    private static String interactionId(WebSocketConnection connection) {
        return connection.pathParam(INTERACTION_ID);
    }
}
