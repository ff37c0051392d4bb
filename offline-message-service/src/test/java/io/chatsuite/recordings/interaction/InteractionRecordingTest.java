package io.chatsuite.recordings.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.chatsuite.events.Party;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.InteractionAbandoned;
import io.chatsuite.events.interaction.InteractionEnded;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.events.interaction.InteractionRejected;
import io.chatsuite.events.interaction.RejectReason;
import io.chatsuite.events.message.Sender;
import io.chatsuite.testing.CampaignFixture;
import io.chatsuite.testing.ChatMessageFixture;
import io.chatsuite.testing.InteractionFixture;
import java.time.Instant;
import java.util.List;
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
        r.apply(InteractionFixture.interaction("i", "c")
                .withLanguage("pt")
                .withoutReason()
                .withRequestedAt(t(0))
                .withAt(t(10))
                .assigned());

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
        r.apply(ChatMessageFixture.message("i", "c")
                .withClientId("1")
                .withSender(new Sender(Party.CUSTOMER, "x", "Carla"))
                .withText("hi")
                .withLanguage("es")
                .withSentAt(t(1))
                .build());
        assertEquals("c", r.campaignId);
        assertEquals("Carla", r.customerName);
        assertEquals(Outcome.IN_PROGRESS, r.outcome);

        r.apply(ChatMessageFixture.message("i", "c")
                .withClientId("2")
                .fromAgent("alice", "Alice")
                .withSentAt(t(2))
                .build());
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
        return CampaignFixture.campaign(id)
                .withName(name)
                .withSecurityGroup(group)
                .withStrategy(Strategy.RING_ALL)
                .withAllowedOrigins(List.of())
                .withUpdatedAt(T0)
                .build();
    }
}
