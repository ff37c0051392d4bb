package io.chatsuite.gateway.agent.ws;

import io.chatsuite.events.Party;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.message.Sender;
import io.chatsuite.gateway.agent.service.AgentDeskService;
import io.chatsuite.gateway.agent.service.AgentPresence;
import io.chatsuite.gateway.interaction.ChatSession;
import io.chatsuite.gateway.interaction.messaging.ChatMessagePublisher;
import io.chatsuite.gateway.live.Audience;
import io.chatsuite.gateway.live.LiveHub;
import io.chatsuite.gateway.offer.service.OfferAnswers;
import io.chatsuite.gateway.offer.service.OfferBoard;
import io.chatsuite.gateway.protocol.ClientFrame;
import io.chatsuite.gateway.protocol.ErrorCode;
import io.chatsuite.gateway.protocol.Failures;
import io.chatsuite.gateway.protocol.FrameException;
import io.chatsuite.gateway.protocol.ServerFrames;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonString;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The agent console's socket (protocols.md, "Agent"): {@code hello} with the agent's open interactions on
 * connect (then the agent's open offers), then presence, resume, messages, ends, and answers to offers (accept,
 * decline). Only agents get in (role {@code agent}, checked at the
 * HTTP upgrade), and an agent acts only on interactions assigned to them.
 */
@WebSocket(path = "/ws/agent", endpointId = AgentSocket.ENDPOINT_ID)
@RolesAllowed("agent")
public class AgentSocket {

    static final String ENDPOINT_ID = "agent";
    private static final TypedKey<AgentConnection> STATE = new TypedKey<>("agent");
    private static final int MAX_RESUME = 200;
    private static final Logger LOG = Logger.getLogger(AgentSocket.class);

    private final SecurityIdentity identity;
    private final AgentDeskService desk;
    private final AgentPresence presence;
    private final ChatMessagePublisher messages;
    private final LiveHub hub;
    private final OfferBoard offers;
    private final OfferAnswers answers;

    public AgentSocket(
            SecurityIdentity identity,
            AgentDeskService desk,
            AgentPresence presence,
            ChatMessagePublisher messages,
            LiveHub hub,
            OfferBoard offers,
            OfferAnswers answers) {
        this.offers = offers;
        this.answers = answers;
        this.identity = identity;
        this.desk = desk;
        this.presence = presence;
        this.messages = messages;
        this.hub = hub;
    }

    @OnOpen
    Uni<Void> open(WebSocketConnection connection) {
        String agentId = identity.getPrincipal().getName();
        String name = displayName(agentId);
        AgentConnection agent = new AgentConnection(agentId, name, hub.connect(connection, Audience.AGENT, agentId));
        connection.userData().put(STATE, agent);
        PresenceStatus status = presence.connected(agentId, name);
        return desk.connect(agentId, name)
                .invoke(open -> {
                    agent.link().open(ServerFrames.agentHello(agentId, name, status.name(), open));
                    offers.openFor(agentId).forEach(o -> agent.link().send(OfferBoard.frame(o)));
                })
                .replaceWithVoid()
                .onFailure()
                .recoverWithUni(failure -> {
                    LOG.warnf("Agent %s could not connect: %s", agentId, failure.toString());
                    agent.link()
                            .open(ServerFrames.error(
                                    ErrorCode.UNAVAILABLE, "temporary problem; connect again", null, null));
                    return connection.close(new CloseReason(1011, "unavailable"));
                });
    }

    @OnTextMessage
    Uni<Void> onFrame(String text, WebSocketConnection connection) {
        AgentConnection agent = connection.userData().get(STATE);
        Uni<Void> handled;
        try {
            ClientFrame frame = ClientFrame.parse(text);
            handled = switch (frame.type()) {
                case "presence" -> presence(agent, frame);
                case "resume" -> resume(agent, frame);
                case "message" -> message(agent, frame);
                case "end" -> end(agent, frame);
                case "accept" -> answers.accept(agent.agentId(), frame.string("interactionId", 1, 100));
                case "decline" -> answers.decline(agent.agentId(), frame.string("interactionId", 1, 100));
                default -> throw frame.unknownType();
            };
        } catch (FrameException e) {
            handled = Uni.createFrom().failure(e);
        }
        return handled.onFailure().recoverWithItem(failure -> {
            agent.link().send(Failures.toErrorFrame(failure));
            return null;
        });
    }

    @OnClose
    @NonBlocking
    void close(WebSocketConnection connection) {
        AgentConnection agent = connection.userData().get(STATE);
        if (agent != null) {
            hub.disconnect(agent.link());
            presence.disconnected(agent.agentId());
        }
    }

    /** Frames over the size limit never reach {@link #onFrame}: Vert.x reports them here. */
    @OnError
    Uni<Void> error(Throwable failure, WebSocketConnection connection) {
        AgentConnection agent = connection.userData().get(STATE);
        if (agent != null) {
            agent.link().send(Failures.toErrorFrame(failure));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> presence(AgentConnection agent, ClientFrame frame) {
        String status = frame.string("status", 1, 20);
        if (!"AVAILABLE".equals(status) && !"AWAY".equals(status)) {
            throw FrameException.bad("status must be AVAILABLE or AWAY");
        }
        return presence.change(agent.agentId(), PresenceStatus.valueOf(status))
                .onFailure()
                .transform(f -> Failures.unavailable(f, null, null));
    }

    private Uni<Void> resume(AgentConnection agent, ClientFrame frame) {
        Map<String, Long> wanted = frame.seqMap("interactions", MAX_RESUME);
        return desk.findAll(wanted.keySet())
                .invoke(found -> {
                    Map<String, ChatSession> byId =
                            found.stream().collect(Collectors.toMap(s -> s.interactionId, Function.identity()));
                    wanted.forEach((interactionId, lastSeq) -> {
                        ChatSession s = byId.get(interactionId);
                        if (s == null || !agent.agentId().equals(s.agentId)) {
                            agent.link()
                                    .send(ServerFrames.error(
                                            ErrorCode.NOT_ASSIGNED,
                                            "interaction " + interactionId + " is not assigned to you",
                                            null,
                                            interactionId));
                        } else {
                            hub.follow(agent.link(), interactionId, Math.min(lastSeq, s.lastSeq));
                        }
                    });
                })
                .replaceWithVoid();
    }

    private Uni<Void> message(AgentConnection agent, ClientFrame frame) {
        String interactionId = frame.string("interactionId", 1, 100);
        String clientId = frame.clientId();
        String text;
        try {
            text = frame.text();
        } catch (FrameException e) {
            throw e.about(clientId, interactionId);
        }
        Sender sender = new Sender(Party.AGENT, agent.agentId(), agent.name());
        return desk.openInteraction(agent.agentId(), interactionId)
                .onFailure(FrameException.class)
                .transform(f -> ((FrameException) f).about(clientId, interactionId))
                .chain(s -> messages.publish(interactionId, s.campaignId, clientId, sender, text, s.language)
                        .onFailure()
                        .transform(f -> Failures.unavailable(f, clientId, interactionId)))
                .invoke(id -> agent.link().send(ServerFrames.ack(clientId, id, interactionId)))
                .replaceWithVoid();
    }

    private Uni<Void> end(AgentConnection agent, ClientFrame frame) {
        String interactionId = frame.string("interactionId", 1, 100);
        return desk.end(agent.agentId(), interactionId);
    }

    private String displayName(String agentId) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim("name");
            String name = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return agentId;
    }
}
