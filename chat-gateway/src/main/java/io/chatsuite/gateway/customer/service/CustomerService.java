package io.chatsuite.gateway.customer.service;

import io.chatsuite.commons.outbox.Outbox;
import io.chatsuite.commons.session.SessionTokens;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.Party;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.ScheduleRules;
import io.chatsuite.events.routing.RoutingAbandonRequested;
import io.chatsuite.events.routing.RoutingEndRequested;
import io.chatsuite.events.routing.RoutingRequested;
import io.chatsuite.gateway.interaction.ChatSession;
import io.chatsuite.gateway.interaction.LogEntry;
import io.chatsuite.gateway.interaction.MessageTexts;
import io.chatsuite.gateway.interaction.SessionState;
import io.chatsuite.gateway.interaction.SystemNotices;
import io.chatsuite.gateway.interaction.mapping.LogFrames;
import io.chatsuite.gateway.interaction.repository.ChatSessionRepository;
import io.chatsuite.gateway.interaction.service.InteractionLog;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The customer's side of a chat: starts sessions (greeted by the campaign's schedule: welcome, or out of hours
 * and the offline prompt), resumes them from a session
 * token, asks routing for an agent on the first message and ends chats. Routing requests travel through the
 * outbox, in the transaction that records them on the session.
 */
@ApplicationScoped
public class CustomerService {

    static final String SOURCE = "/chat-gateway";

    private final ChatSessionRepository sessions;
    private final InteractionLog log;
    private final Outbox outbox;
    private final SessionTokens tokens;

    public CustomerService(ChatSessionRepository sessions, InteractionLog log, Outbox outbox, SessionTokens tokens) {
        this.sessions = sessions;
        this.log = log;
        this.outbox = outbox;
        this.tokens = tokens;
    }

    /**
     * A new session and its token; {@code entries} holds the greeting (the welcome while the campaign is open;
     * out of hours, the out-of-hours text and, when offline messages are enabled, the offline prompt), as far as
     * the campaign has those texts. {@code open} and {@code nextChange} tell the widget when that changes.
     */
    public record Started(
            ChatSession session, String token, List<LogEntry> entries, boolean open, Optional<Instant> nextChange) {}

    /** The kinds of system message a customer is greeted with at {@code at}, in order. */
    public static List<String> greetings(CampaignUpserted campaign, Instant at) {
        if (ScheduleRules.isOpen(campaign.schedule(), at)) {
            return List.of("welcome");
        }
        return campaign.offlineMessagesEnabled() ? List.of("outOfHours", "offline") : List.of("outOfHours");
    }

    @WithTransaction
    public Uni<Started> start(CampaignUpserted campaign, String requestedLanguage, String customerName) {
        ChatSession s = new ChatSession();
        s.interactionId = UUID.randomUUID().toString();
        s.campaignId = campaign.campaignId();
        s.customerName = customerName == null || customerName.isBlank() ? null : customerName.strip();
        s.language = MessageTexts.sessionLanguage(requestedLanguage, campaign.defaultLanguage());
        s.state = SessionState.NEW;
        s.createdAt = now();
        s.updatedAt = s.createdAt;
        s.customerSeenAt = s.createdAt;
        Instant at = Instant.now();
        boolean open = ScheduleRules.isOpen(campaign.schedule(), at);
        Optional<Instant> nextChange = ScheduleRules.nextChange(campaign.schedule(), at);
        List<LogEntry> entries = new ArrayList<>();
        Uni<Void> greeted = sessions.persistAndFlush(s).replaceWithVoid();
        for (String kind : greetings(campaign, at)) {
            Optional<MessageTexts.Text> text =
                    MessageTexts.pick(campaign.messages(), kind, s.language, campaign.defaultLanguage());
            if (text.isPresent()) {
                greeted = greeted.chain(() -> log.append(
                                s,
                                kind + "/" + s.interactionId,
                                LogFrames.system(
                                        kind, text.get().text(), text.get().language())))
                        .invoke(entry -> entry.ifPresent(entries::add))
                        .replaceWithVoid();
            }
        }
        return greeted.map(v -> new Started(s, tokens.issue(s.interactionId), List.copyOf(entries), open, nextChange));
    }

    /** The session a token is bound to, if the token is genuine and the session exists. */
    @WithSession
    public Uni<Optional<ChatSession>> resume(String token) {
        Optional<String> interactionId = tokens.verify(token);
        if (interactionId.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return sessions.findById(interactionId.get()).map(Optional::ofNullable);
    }

    /** Asks routing for an agent, once per session, however many connections ask. */
    @WithTransaction
    public Uni<Void> requestRouting(String interactionId, String campaignId, String customerName, String language) {
        Instant at = now();
        return sessions.markRequested(interactionId, at)
                .chain(changed -> !changed
                        ? Uni.createFrom().voidItem()
                        : outbox.add(
                                campaignId,
                                EventCodec.wrap(
                                        SOURCE,
                                        interactionId,
                                        new RoutingRequested(interactionId, campaignId, customerName, language, at))));
    }

    /**
     * The customer closes the chat: an abandon while it waits for an agent, an end once assigned, and just a
     * local end when routing never heard of it. Ending twice changes nothing.
     */
    @WithTransaction
    public Uni<List<LogEntry>> end(String interactionId) {
        return sessions.lock(interactionId).chain(s -> {
            if (s == null || s.state.isOver() || s.endRequestedAt != null) {
                return Uni.createFrom().item(List.<LogEntry>of());
            }
            if (s.state == SessionState.NEW) {
                s.state = SessionState.ENDED;
                s.updatedAt = now();
                return log.append(s, "ended/" + s.interactionId, LogFrames.ended(Party.CUSTOMER.name()))
                        .map(e -> e.map(List::of).orElse(List.of()));
            }
            return requestEnd(s, Party.CUSTOMER).replaceWith(List.of());
        });
    }

    /** Abandons a waiting chat whose customer has not been seen since before {@code seenBefore}. */
    @WithTransaction
    public Uni<List<LogEntry>> abandonForCustomerGone(String interactionId, Instant seenBefore) {
        return sessions.lock(interactionId).chain(s -> {
            if (!goneSince(s, seenBefore) || (s.state != SessionState.REQUESTED && s.state != SessionState.QUEUED)) {
                return Uni.createFrom().item(List.<LogEntry>of());
            }
            return requestEnd(s, Party.CUSTOMER).replaceWith(List.of());
        });
    }

    /**
     * Ends an assigned chat whose customer has not been seen since before {@code seenBefore}, telling both sides
     * why in the customer's language; routing confirms with the {@code ended} frame.
     */
    @WithTransaction
    public Uni<List<LogEntry>> endForCustomerGone(String interactionId, Instant seenBefore) {
        return sessions.lock(interactionId).chain(s -> {
            if (!goneSince(s, seenBefore) || s.state != SessionState.ASSIGNED) {
                return Uni.createFrom().item(List.<LogEntry>of());
            }
            SystemNotices.Notice notice = SystemNotices.customerLeft(s.language);
            return requestEnd(s, Party.SYSTEM)
                    .chain(() -> log.append(
                            s,
                            "customer-left/" + s.interactionId,
                            LogFrames.system(SystemNotices.CUSTOMER_LEFT, notice.text(), notice.language())))
                    .map(e -> e.map(List::of).orElse(List.of()));
        });
    }

    private static boolean goneSince(ChatSession s, Instant seenBefore) {
        // Checked again under the lock: the customer may have come back since the sweep looked.
        return s != null && s.endRequestedAt == null && s.customerSeenAt.isBefore(seenBefore);
    }

    /** Asks routing to close a requested chat: an abandon while it waits, an end once assigned. */
    private Uni<Void> requestEnd(ChatSession s, Party by) {
        Instant at = now();
        s.updatedAt = at;
        s.endRequestedAt = at;
        Record request = s.state == SessionState.ASSIGNED
                ? new RoutingEndRequested(s.interactionId, s.campaignId, by, s.agentId, at)
                : new RoutingAbandonRequested(s.interactionId, s.campaignId, at);
        return outbox.add(s.campaignId, EventCodec.wrap(SOURCE, s.interactionId, request));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
