package io.chatsuite.recordings.interaction.mapping;

import io.chatsuite.recordings.interaction.InteractionRecording;
import io.chatsuite.recordings.interaction.TranscriptMessage;
import io.chatsuite.recordings.interaction.api.InteractionDetail;
import io.chatsuite.recordings.interaction.api.InteractionSummary;
import io.chatsuite.recordings.interaction.api.TranscriptEntry;
import java.util.List;

/** Maps recordings from the entities to the REST records. */
public final class RecordingMapper {

    private RecordingMapper() {}

    public static InteractionSummary toSummary(InteractionRecording r) {
        return new InteractionSummary(
                r.id,
                r.campaignId,
                r.campaignName,
                r.securityGroup,
                customer(r),
                r.agentId,
                r.requestedAt,
                r.assignedAt,
                r.endedAt,
                r.outcome,
                r.endedBy);
    }

    public static InteractionDetail toDetail(InteractionRecording r, List<TranscriptMessage> transcript) {
        return new InteractionDetail(
                r.id,
                r.campaignId,
                r.campaignName,
                r.securityGroup,
                customer(r),
                r.agentId,
                r.requestedAt,
                r.assignedAt,
                r.endedAt,
                r.outcome,
                r.endedBy,
                r.rejectReason,
                transcript.stream().map(RecordingMapper::toEntry).toList());
    }

    public static TranscriptEntry toEntry(TranscriptMessage m) {
        return new TranscriptEntry(
                m.messageId,
                new TranscriptEntry.From(m.senderRole, m.senderId, m.senderName),
                m.text,
                m.language,
                m.sentAt);
    }

    private static InteractionSummary.Customer customer(InteractionRecording r) {
        return r.customerName == null && r.customerLanguage == null
                ? null
                : new InteractionSummary.Customer(r.customerName, r.customerLanguage);
    }
}
