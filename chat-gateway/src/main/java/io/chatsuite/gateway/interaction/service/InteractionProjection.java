package io.chatsuite.gateway.interaction.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatsuite.commons.campaigns.CampaignDirectory;
import io.chatsuite.commons.inbox.ProcessedEvents;
import io.chatsuite.events.Party;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.interaction.InteractionAbandoned;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionEnded;
import io.chatsuite.events.interaction.InteractionEvent;
import io.chatsuite.events.interaction.InteractionOffered;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.events.interaction.InteractionRejected;
import io.chatsuite.events.interaction.RejectReason;
import io.chatsuite.events.message.ChatMessageSent;
import io.chatsuite.gateway.agent.repository.AgentProfileRepository;
import io.chatsuite.gateway.interaction.ChatSession;
import io.chatsuite.gateway.interaction.LogEntry;
import io.chatsuite.gateway.interaction.MessageTexts;
import io.chatsuite.gateway.interaction.SessionState;
import io.chatsuite.gateway.interaction.mapping.LogFrames;
import io.chatsuite.gateway.interaction.repository.ChatSessionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies the events of interactions this gateway started (routing's lifecycle events and chat messages) to
 * the session and its log, once per event id; returns the appended entries for live delivery after commit.
 * Events of interactions started elsewhere are ignored.
 */
@ApplicationScoped
public class InteractionProjection {

    static final String INTERACTIONS_CONSUMER = "chat-gateway/interactions";
    static final String MESSAGES_CONSUMER = "chat-gateway/chat-messages";

    private final ChatSessionRepository sessions;
    private final AgentProfileRepository agents;
    private final InteractionLog log;
    private final ProcessedEvents processed;
    private final CampaignDirectory campaigns;

    public InteractionProjection(
            ChatSessionRepository sessions,
            AgentProfileRepository agents,
            InteractionLog log,
            ProcessedEvents processed,
            CampaignDirectory campaigns) {
        this.sessions = sessions;
        this.agents = agents;
        this.log = log;
        this.processed = processed;
        this.campaigns = campaigns;
    }

    /** Applies one event of the interactions topic (offers are not logged: the offer board shows them). */
    @WithTransaction
    public Uni<List<LogEntry>> applyInteractionEvent(String eventId, InteractionEvent data) {
        return once(INTERACTIONS_CONSUMER, eventId, data.interactionId(), session -> switch (data) {
            case InteractionQueued q -> queued(session, eventId, q);
            case InteractionAssigned a -> assigned(session, eventId, a);
            case InteractionRejected r -> rejected(session, eventId, r);
            case InteractionAbandoned ignored -> ended(session, eventId, Party.CUSTOMER, false);
            case InteractionEnded e -> ended(session, eventId, e.endedBy() == null ? Party.SYSTEM : e.endedBy(), true);
            case InteractionOffered ignored -> Uni.createFrom().item(List.of());
        });
    }

    /** Applies one chat message: the same message sent twice (a retried clientId) has one event id. */
    @WithTransaction
    public Uni<List<LogEntry>> applyMessage(String eventId, ChatMessageSent message) {
        return once(
                MESSAGES_CONSUMER,
                eventId,
                message.interactionId(),
                session -> entries(log.append(session, eventId, LogFrames.message(message))));
    }

    private Uni<List<LogEntry>> once(
            String consumer, String eventId, String interactionId, Function<ChatSession, Uni<List<LogEntry>>> change) {
        if (interactionId == null) {
            return Uni.createFrom().item(List.of());
        }
        return sessions.lock(interactionId).chain(session -> {
            if (session == null) {
                return Uni.createFrom().item(List.<LogEntry>of());
            }
            return processed
                    .firstTime(consumer, eventId)
                    .chain(first ->
                            first ? change.apply(session) : Uni.createFrom().item(List.<LogEntry>of()));
        });
    }

    private Uni<List<LogEntry>> queued(ChatSession session, String eventId, InteractionQueued event) {
        if (session.state == SessionState.NEW || session.state == SessionState.REQUESTED) {
            session.state = SessionState.QUEUED;
        }
        return entries(log.append(session, eventId, LogFrames.queued(event.position(), event.estimatedWaitSeconds())));
    }

    private Uni<List<LogEntry>> assigned(ChatSession session, String eventId, InteractionAssigned event) {
        if (!session.state.isOver()) {
            session.state = SessionState.ASSIGNED;
            session.agentId = event.agentId();
        }
        return agents.displayName(event.agentId()).chain(agentName -> {
            ObjectNode frame = LogFrames.assigned(
                    event.agentId(),
                    agentName,
                    session.campaignId,
                    event.customerName() != null ? event.customerName() : session.customerName,
                    session.language);
            List<LogEntry> appended = new ArrayList<>();
            return log.append(session, eventId, frame, event.agentId())
                    .invoke(e -> e.ifPresent(appended::add))
                    .chain(() -> systemText(session, eventId, "agentAutomatic"))
                    .invoke(e -> e.ifPresent(appended::add))
                    .replaceWith(appended);
        });
    }

    private Uni<List<LogEntry>> rejected(ChatSession session, String eventId, InteractionRejected event) {
        if (!session.state.isOver()) {
            session.state = SessionState.REJECTED;
        }
        RejectReason reason = event.reason() == null ? RejectReason.UNAVAILABLE : event.reason();
        String kind = switch (reason) {
            case OUT_OF_HOURS -> "outOfHours";
            case UNAVAILABLE -> "notAvailable";
            case UNKNOWN_CAMPAIGN -> null;
        };
        List<LogEntry> appended = new ArrayList<>();
        return log.append(session, eventId, LogFrames.rejected(reason.name()))
                .invoke(e -> e.ifPresent(appended::add))
                .chain(() -> kind == null
                        ? Uni.createFrom().item(Optional.<LogEntry>empty())
                        : systemText(session, eventId, kind))
                .invoke(e -> e.ifPresent(appended::add))
                .replaceWith(appended);
    }

    private Uni<List<LogEntry>> ended(ChatSession session, String eventId, Party endedBy, boolean comments) {
        session.state = SessionState.ENDED;
        List<LogEntry> appended = new ArrayList<>();
        return log.append(session, eventId, LogFrames.ended(endedBy.name()))
                .invoke(e -> e.ifPresent(appended::add))
                .chain(() -> comments
                        ? systemText(session, eventId, "comments")
                        : Uni.createFrom().item(Optional.<LogEntry>empty()))
                .invoke(e -> e.ifPresent(appended::add))
                .replaceWith(appended);
    }

    /** Appends the campaign's text of {@code kind} in the customer's language, when the campaign has one. */
    private Uni<Optional<LogEntry>> systemText(ChatSession session, String eventId, String kind) {
        Optional<CampaignUpserted> campaign = campaigns.find(session.campaignId);
        Optional<MessageTexts.Text> text =
                campaign.flatMap(c -> MessageTexts.pick(c.messages(), kind, session.language, c.defaultLanguage()));
        if (text.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return log.append(
                session,
                eventId + "/" + kind,
                LogFrames.system(kind, text.get().text(), text.get().language()));
    }

    private static Uni<List<LogEntry>> entries(Uni<Optional<LogEntry>> appended) {
        return appended.map(e -> e.map(List::of).orElse(List.of()));
    }
}
