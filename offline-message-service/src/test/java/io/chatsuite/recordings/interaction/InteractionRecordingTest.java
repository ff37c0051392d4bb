package io.chatsuite.recordings.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.chatsuite.events.Party;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.InteractionAbandoned;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionEnded;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.events.interaction.InteractionRejected;
import io.chatsuite.events.interaction.RejectReason;
import io.chatsuite.events.message.ChatMessageSent;
import io.chatsuite.events.message.Sender;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InteractionRecordingTest {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    static Instant t(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void endBeforeAssignmentStillEndsAnsweredAndKeepsTheAssignmentDetails() {
        InteractionRecording r = new InteractionRecording();
        r.apply(new InteractionEnded("i", "c", "alice", Party.CUSTOMER, t(60)));
        r.apply(new InteractionAssigned("i", "c", "alice", "Carla", "pt", t(0), t(10), null));

        assertEquals(Outcome.ANSWERED, r.outcome);
        assertEquals(t(60), r.endedAt);
        assertEquals(Party.CUSTOMER, r.endedBy);
        assertEquals(t(10), r.assignedAt);
        assertEquals("pt", r.customerLanguage);
    }

    @Test
    void laterStagesAreNeverUndoneByEarlierOnes() {
        InteractionRecording r = new InteractionRecording();
        r.apply(new InteractionAbandoned("i", "c", t(0), t(30)));
        r.apply(new InteractionQueued("i", "c", 3, t(5)));

        assertEquals(Outcome.ABANDONED, r.outcome);
        assertEquals(t(0), r.requestedAt);
        assertEquals(t(30), r.endedAt);
    }

    @Test
    void rejectionEndsTheInteractionWithTheReason() {
        InteractionRecording r = new InteractionRecording();
        r.apply(new InteractionRejected("i", "c", RejectReason.OUT_OF_HOURS, t(0)));

        assertEquals(Outcome.REJECTED, r.outcome);
        assertEquals(Party.SYSTEM, r.endedBy);
        assertEquals("OUT_OF_HOURS", r.rejectReason);
        assertEquals(t(0), r.requestedAt);
    }

    @Test
    void customerMessageTellsTheCampaignNameAndLanguageUntilTheAssignmentDoes() {
        InteractionRecording r = new InteractionRecording();
        r.apply(new ChatMessageSent("i", "c", "i:1", "1", new Sender(Party.CUSTOMER, "x", "Carla"), "hi", "es",
                t(1)));
        assertEquals("c", r.campaignId);
        assertEquals("Carla", r.customerName);
        assertEquals(Outcome.IN_PROGRESS, r.outcome);

        r.apply(new ChatMessageSent("i", "c", "i:2", "2", new Sender(Party.AGENT, "alice", "Alice"), "hello", "en",
                t(2)));
        assertEquals("Carla", r.customerName);
        assertEquals("es", r.customerLanguage);
        assertNull(r.agentId);
    }

    @Test
    void campaignDescriptionIsTakenOnceAndOnlyFromTheSameCampaign() {
        InteractionRecording r = new InteractionRecording();
        r.apply(new InteractionQueued("i", "c", 1, t(0)));
        r.describe(campaign("other", "Other", "support"));
        assertNull(r.securityGroup);

        r.describe(campaign("c", "Sales", "sales"));
        r.describe(campaign("c", "Sales renamed", "support"));
        assertEquals("sales", r.securityGroup);
        assertEquals("Sales", r.campaignName);
    }

    static CampaignUpserted campaign(String id, String name, String group) {
        return new CampaignUpserted(id, 1, name, group, Strategy.RING_ALL, 20, "es", null, Map.of(), List.of(),
                List.of(), T0);
    }
}
