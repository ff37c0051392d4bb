package io.chatsuite.recordings.interaction.service;

import io.chatsuite.commons.campaigns.CampaignDirectory;
import io.chatsuite.commons.inbox.ProcessedEvents;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.Party;
import io.chatsuite.events.interaction.InteractionAbandoned;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionEnded;
import io.chatsuite.events.interaction.InteractionEvent;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.events.interaction.InteractionRejected;
import io.chatsuite.events.message.ChatMessageSent;
import io.chatsuite.recordings.interaction.InteractionRecording;
import io.chatsuite.recordings.interaction.TranscriptMessage;
import io.chatsuite.recordings.interaction.repository.InteractionRecordingRepository;
import io.chatsuite.recordings.interaction.repository.TranscriptMessageRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Records interactions and their transcripts from the interactions and chat-messages topics (each event once)
 * and reads them back for supervisors, inside their security groups only.
 */
@ApplicationScoped
public class RecordingService {

    static final String CONSUMER = "offline-message-service";
    private static final Logger LOG = Logger.getLogger(RecordingService.class);

    private final InteractionRecordingRepository recordings;
    private final TranscriptMessageRepository transcripts;
    private final ProcessedEvents processedEvents;
    private final CampaignDirectory campaigns;

    public RecordingService(
            InteractionRecordingRepository recordings,
            TranscriptMessageRepository transcripts,
            ProcessedEvents processedEvents,
            CampaignDirectory campaigns) {
        this.recordings = recordings;
        this.transcripts = transcripts;
        this.processedEvents = processedEvents;
        this.campaigns = campaigns;
    }

    /**
     * Applies one event of an interaction; false when it had been applied before (or concerns no interaction).
     * The recording is created by whichever event comes first, so a message may precede its interaction's events.
     */
    @WithTransaction
    public Uni<Boolean> record(CloudEvent event, Record data) {
        String interactionId = interactionId(data);
        if (interactionId == null || interactionId.isBlank()) {
            LOG.warnf("Skipping event %s (%s) without an interaction id", event.id(), event.type());
            return Uni.createFrom().item(false);
        }
        return processedEvents.firstTime(CONSUMER, event.id()).chain(first -> {
            if (!first) {
                return Uni.createFrom().item(false);
            }
            return recordings.lockOrCreate(interactionId).chain(recording -> {
                switch (data) {
                    case InteractionQueued e -> recording.apply(e);
                    case InteractionAssigned e -> recording.apply(e);
                    case InteractionRejected e -> recording.apply(e);
                    case InteractionAbandoned e -> recording.apply(e);
                    case InteractionEnded e -> recording.apply(e);
                    case ChatMessageSent m -> recording.apply(m);
                    default -> throw new IllegalArgumentException("Not a recorded event: " + event.type());
                }
                if (!recording.describedByCampaign()) {
                    campaigns.find(recording.campaignId).ifPresent(recording::describe);
                }
                return data instanceof ChatMessageSent m
                        ? addToTranscript(m).replaceWith(true)
                        : Uni.createFrom().item(true);
            });
        });
    }

    /**
     * Gives recordings created before their campaign was known its name and security group; until then they are
     * invisible, since nobody can be shown to be allowed to read them.
     */
    @WithTransaction
    public Uni<Integer> backfillCampaigns() {
        return recordings.campaignsWithUnknownGroup().chain(ids -> {
            Uni<Integer> total = Uni.createFrom().item(0);
            for (String id : ids) {
                var campaign = campaigns.find(id);
                if (campaign.isPresent()) {
                    total = total.chain(n -> recordings
                            .describeCampaign(
                                    id, campaign.get().name(), campaign.get().securityGroup())
                            .map(m -> n + m));
                }
            }
            return total;
        });
    }

    @WithSession
    public Uni<InteractionRecordingRepository.SearchResult> search(
            RecordingSearch search, Collection<String> callerGroups) {
        return recordings.search(search, callerGroups);
    }

    /** The recording and its transcript, or null when absent or outside the caller's groups (the same to them). */
    @WithSession
    public Uni<RecordingWithTranscript> find(String id, Collection<String> callerGroups) {
        return recordings.findById(id).chain(recording -> {
            if (recording == null
                    || recording.securityGroup == null
                    || !callerGroups.contains(recording.securityGroup)) {
                return Uni.createFrom().nullItem();
            }
            return transcripts.transcript(id).map(messages -> new RecordingWithTranscript(recording, messages));
        });
    }

    private Uni<Void> addToTranscript(ChatMessageSent m) {
        // Message ids are derived from the sender's client id, so a resent message is the same message even when
        // it travels in a new event.
        return transcripts.exists(m.messageId()).chain(exists -> {
            if (exists) {
                return Uni.createFrom().voidItem();
            }
            TranscriptMessage message = new TranscriptMessage();
            message.messageId = m.messageId();
            message.interactionId = m.interactionId();
            message.clientId = m.clientId();
            message.senderRole = m.sender() == null || m.sender().role() == null
                    ? Party.SYSTEM
                    : m.sender().role();
            message.senderId = m.sender() == null ? null : m.sender().id();
            message.senderName = m.sender() == null ? null : m.sender().displayName();
            message.text = m.text() == null ? "" : m.text();
            message.language = m.language();
            message.sentAt = m.sentAt();
            return transcripts.persist(message).replaceWithVoid();
        });
    }

    private static String interactionId(Record data) {
        return data instanceof InteractionEvent e
                ? e.interactionId()
                : data instanceof ChatMessageSent m ? m.interactionId() : null;
    }

    public record RecordingWithTranscript(InteractionRecording recording, List<TranscriptMessage> transcript) {}
}
