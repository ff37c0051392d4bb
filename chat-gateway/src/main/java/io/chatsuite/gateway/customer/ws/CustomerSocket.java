package io.chatsuite.gateway.customer.ws;

import io.chatsuite.commons.campaigns.CampaignDirectory;
import io.chatsuite.events.Party;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.ScheduleRules;
import io.chatsuite.events.message.Sender;
import io.chatsuite.gateway.customer.service.CustomerLeases;
import io.chatsuite.gateway.customer.service.CustomerService;
import io.chatsuite.gateway.interaction.ChatSession;
import io.chatsuite.gateway.interaction.SessionState;
import io.chatsuite.gateway.interaction.messaging.ChatMessagePublisher;
import io.chatsuite.gateway.live.Audience;
import io.chatsuite.gateway.live.LiveHub;
import io.chatsuite.gateway.protocol.ClientFrame;
import io.chatsuite.gateway.protocol.ErrorCode;
import io.chatsuite.gateway.protocol.Failures;
import io.chatsuite.gateway.protocol.FrameException;
import io.chatsuite.gateway.protocol.ServerFrames;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData.TypedKey;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;

/**
 * The customer's chat socket (protocols.md, "Customer"): {@code hello} starts or resumes a session,
 * {@code message} writes (the first one asks routing for an agent), {@code end} closes the chat. Every frame
 * of the interaction reaches the customer through the interaction log, with its sequence number.
 */
@WebSocket(path = "/ws/customer", endpointId = CustomerSocket.ENDPOINT_ID)
public class CustomerSocket {

    static final String ENDPOINT_ID = "customer";
    static final TypedKey<CampaignUpserted> CAMPAIGN = new TypedKey<>("campaign");
    private static final TypedKey<CustomerConnection> STATE = new TypedKey<>("customer");

    private final CustomerService customers;
    private final ChatMessagePublisher messages;
    private final LiveHub hub;
    private final CampaignDirectory campaigns;
    private final CustomerLeases leases;

    public CustomerSocket(
            CustomerService customers,
            ChatMessagePublisher messages,
            LiveHub hub,
            CampaignDirectory campaigns,
            CustomerLeases leases) {
        this.customers = customers;
        this.messages = messages;
        this.hub = hub;
        this.campaigns = campaigns;
        this.leases = leases;
    }

    @OnOpen
    @NonBlocking
    void open(WebSocketConnection connection) {
        CustomerConnection state = new CustomerConnection(
                hub.connect(connection, Audience.CUSTOMER, null),
                connection.userData().get(CAMPAIGN));
        state.link.onDelivered(entry -> {
            if (entry.closesChat()) {
                state.over = true;
            }
        });
        connection.userData().put(STATE, state);
        // Customers speak first (hello); nothing has to precede the frames sent from now on.
        state.link.open(null);
    }

    @OnTextMessage
    Uni<Void> onFrame(String text, WebSocketConnection connection) {
        CustomerConnection state = connection.userData().get(STATE);
        Uni<Void> handled;
        try {
            ClientFrame frame = ClientFrame.parse(text);
            handled = switch (frame.type()) {
                case "hello" -> hello(state, frame);
                case "message" -> message(state, frame);
                case "end" -> end(state);
                default -> throw frame.unknownType();
            };
        } catch (FrameException e) {
            handled = Uni.createFrom().failure(e);
        }
        return handled.onFailure().recoverWithItem(failure -> {
            state.link.send(Failures.toErrorFrame(failure));
            return null;
        });
    }

    @OnClose
    @NonBlocking
    void close(WebSocketConnection connection) {
        CustomerConnection state = connection.userData().get(STATE);
        if (state != null) {
            hub.disconnect(state.link);
            if (state.saidHello()) {
                leases.disconnected(state.interactionId);
            }
        }
    }

    /** Frames over the size limit never reach {@link #onFrame}: Vert.x reports them here. */
    @OnError
    Uni<Void> error(Throwable failure, WebSocketConnection connection) {
        CustomerConnection state = connection.userData().get(STATE);
        if (state != null) {
            state.link.send(Failures.toErrorFrame(failure));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> hello(CustomerConnection state, ClientFrame frame) {
        if (state.saidHello()) {
            throw FrameException.bad("hello was already received on this connection");
        }
        String language = frame.optionalString("language", 35);
        String name = frame.optionalString("name", ClientFrame.MAX_NAME);
        String token = frame.optionalString("sessionToken", 512);
        long lastSeq = frame.optionalSeq("lastSeq", 0);
        if (token == null) {
            // The campaign as it is now (its texts may have changed since the handshake), if it still exists.
            CampaignUpserted campaign = campaigns
                    .find(state.campaign.campaignId())
                    .orElseThrow(
                            () -> new FrameException(ErrorCode.CAMPAIGN_CLOSED, "this campaign no longer takes chats"));
            return customers
                    .start(campaign, language, name)
                    .invoke(started -> {
                        remember(state, started.session());
                        leases.connected(state.interactionId);
                        state.link.send(ServerFrames.session(
                                started.token(),
                                state.interactionId,
                                state.language,
                                false,
                                started.open(),
                                started.nextChange()));
                        hub.publish(started.entries());
                        hub.follow(state.link, state.interactionId, 0);
                    })
                    .replaceWithVoid();
        }
        return customers
                .resume(token)
                .invoke(found -> {
                    ChatSession session = found.filter(s -> s.campaignId.equals(state.campaign.campaignId()))
                            .orElseThrow(() -> new FrameException(
                                    ErrorCode.SESSION_INVALID, "the session token is not valid for this campaign"));
                    remember(state, session);
                    leases.connected(state.interactionId);
                    // The campaign as it is now: its schedule may have changed, or it may be gone (then it is closed).
                    Instant now = Instant.now();
                    Optional<CampaignUpserted> campaign = campaigns.find(session.campaignId);
                    state.link.send(ServerFrames.session(
                            token,
                            state.interactionId,
                            state.language,
                            true,
                            campaign.map(c -> ScheduleRules.isOpen(c.schedule(), now))
                                    .orElse(false),
                            campaign.flatMap(c -> ScheduleRules.nextChange(c.schedule(), now))));
                    // A client claiming more than exists would miss what comes next; it gets it again instead.
                    hub.follow(state.link, state.interactionId, Math.min(lastSeq, session.lastSeq));
                })
                .replaceWithVoid();
    }

    private Uni<Void> message(CustomerConnection state, ClientFrame frame) {
        if (!state.saidHello()) {
            throw new FrameException(ErrorCode.HELLO_FIRST, "send hello first");
        }
        String clientId = frame.clientId();
        String text;
        try {
            text = frame.text();
        } catch (FrameException e) {
            throw e.about(clientId, null);
        }
        if (state.over) {
            throw new FrameException(ErrorCode.CHAT_ENDED, "this chat has ended", clientId, state.interactionId);
        }
        Uni<Void> requested = state.requested
                ? Uni.createFrom().voidItem()
                : customers
                        .requestRouting(
                                state.interactionId, state.campaign.campaignId(), state.customerName, state.language)
                        .invoke(() -> state.requested = true);
        Sender sender = new Sender(Party.CUSTOMER, state.interactionId, state.customerName);
        return requested
                .chain(() -> messages.publish(
                        state.interactionId, state.campaign.campaignId(), clientId, sender, text, state.language))
                .invoke(id -> state.link.send(ServerFrames.ack(clientId, id, state.interactionId)))
                .onFailure()
                .transform(f -> Failures.unavailable(f, clientId, state.interactionId))
                .replaceWithVoid();
    }

    private Uni<Void> end(CustomerConnection state) {
        if (!state.saidHello()) {
            throw new FrameException(ErrorCode.HELLO_FIRST, "send hello first");
        }
        return customers.end(state.interactionId).invoke(hub::publish).replaceWithVoid();
    }

    private static void remember(CustomerConnection state, ChatSession session) {
        state.interactionId = session.interactionId;
        state.language = session.language;
        state.customerName = session.customerName;
        state.requested = session.state != SessionState.NEW;
        state.over = session.state.isOver();
    }
}
