package io.chatsuite.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.events.agent.AgentPresenceChanged;
import io.chatsuite.events.agent.AgentProfileDeleted;
import io.chatsuite.events.agent.AgentProfileUpserted;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.CampaignDeleted;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Schedule;
import io.chatsuite.events.campaign.ServiceLevelFormula;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.interaction.AssignmentReason;
import io.chatsuite.events.interaction.InteractionAbandoned;
import io.chatsuite.events.interaction.InteractionAssigned;
import io.chatsuite.events.interaction.InteractionEnded;
import io.chatsuite.events.interaction.InteractionOffered;
import io.chatsuite.events.interaction.InteractionQueued;
import io.chatsuite.events.interaction.InteractionRejected;
import io.chatsuite.events.interaction.RejectReason;
import io.chatsuite.events.message.ChatMessageSent;
import io.chatsuite.events.message.Sender;
import io.chatsuite.events.routing.RoutingAbandonRequested;
import io.chatsuite.events.routing.RoutingAccepted;
import io.chatsuite.events.routing.RoutingDeclined;
import io.chatsuite.events.routing.RoutingEndRequested;
import io.chatsuite.events.routing.RoutingRequested;
import io.chatsuite.events.servicelevel.IntervalCounts;
import io.chatsuite.events.servicelevel.ServiceLevelUpdated;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventContractTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");

    /** One realistic instance of every event type. */
    static List<Record> samples() {
        Schedule schedule = new Schedule(
                "Europe/Madrid",
                List.of(
                        new Schedule.WeeklyRange(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)),
                        new Schedule.WeeklyRange(DayOfWeek.FRIDAY, LocalTime.of(22, 0), LocalTime.of(2, 0))),
                List.of(new Schedule.DateException(LocalDate.of(2026, 12, 25), true, List.of())));
        return List.of(
                new CampaignUpserted(
                        "c-1",
                        3,
                        "Sales",
                        "group-a",
                        Strategy.LONGEST_IDLE,
                        20,
                        "es",
                        schedule,
                        Map.of("welcome", Map.of("es", "Hola", "en", "Hello")),
                        List.of("alice"),
                        List.of("http://localhost:8080"),
                        NOW,
                        ServiceLevelFormula.OFFERED,
                        5,
                        10,
                        true,
                        false,
                        true),
                new CampaignDeleted("c-1", NOW),
                new AgentPresenceChanged("alice", "Alice", PresenceStatus.AVAILABLE, NOW),
                new RoutingRequested("i-1", "c-1", "Ana", "es", NOW),
                new RoutingAbandonRequested("i-1", "c-1", NOW),
                new RoutingEndRequested("i-1", "c-1", Party.AGENT, "alice", NOW),
                new InteractionQueued("i-1", "c-1", 1, NOW, 45),
                new InteractionAssigned(
                        "i-1",
                        "c-1",
                        "alice",
                        "Ana",
                        "es",
                        NOW,
                        NOW,
                        new AssignmentReason(
                                Strategy.LONGEST_IDLE, List.of(new AssignmentReason.Candidate("alice", 120)), 120)),
                new InteractionRejected("i-1", "c-1", RejectReason.UNAVAILABLE, NOW),
                new InteractionAbandoned("i-1", "c-1", NOW, NOW),
                new InteractionEnded("i-1", "c-1", "alice", Party.CUSTOMER, NOW),
                new ChatMessageSent(
                        "i-1", "c-1", "m-1", "k-1", new Sender(Party.CUSTOMER, "s-1", "Ana"), "Hola", "es", NOW),
                new AgentProfileUpserted("alice", "Alice Smith", 3, List.of("c-1"), 2, NOW),
                new AgentProfileDeleted("alice", NOW),
                new InteractionOffered(
                        "i-1",
                        "c-1",
                        List.of("alice", "bob"),
                        Strategy.RING_ALL,
                        "Ana",
                        "es",
                        NOW,
                        NOW.plusSeconds(30)),
                new RoutingAccepted("i-1", "c-1", "alice", NOW),
                new RoutingDeclined("i-1", "c-1", "bob", NOW),
                new ServiceLevelUpdated(
                        "c-1",
                        ServiceLevelFormula.ANSWERED_PLUS_LATE_ABANDONS,
                        20,
                        new IntervalCounts(NOW, NOW.plusSeconds(900), 10, 7, 1, 1, 0, 1),
                        new IntervalCounts(NOW, NOW.plusSeconds(900), 4, 3, 0, 0, 0, 1),
                        77.8,
                        null,
                        2,
                        35,
                        3,
                        4,
                        5,
                        NOW));
    }

    @Test
    void everyEventTypeHasASampleThatConformsToItsSchema() {
        Set<EventType> covered = EnumSet.noneOf(EventType.class);
        for (Record data : samples()) {
            EventType type = EventType.ofData(data);
            covered.add(type);
            String json = EventCodec.encode(EventCodec.wrap("test", "key", data));
            assertEquals(List.of(), EventSchemas.violations(type.topic(), json), type.type());
        }
        assertEquals(EnumSet.allOf(EventType.class), covered);
    }

    @Test
    void eventsSurviveARoundTrip() {
        for (Record data : samples()) {
            CloudEvent event = EventCodec.decode(EventCodec.encode(EventCodec.wrap("test", "key", data)));
            assertEquals(data, EventCodec.data(event));
        }
    }

    @Test
    void schemaRejectsAnEventWithMissingOrWrongFields() {
        String json = EventCodec.encode(EventCodec.wrap("test", "i-1", new InteractionQueued("i-1", null, 0, NOW)));
        List<String> problems = EventSchemas.violations(Topics.INTERACTIONS, json);
        assertTrue(problems.stream().anyMatch(p -> p.contains("campaignId")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("position")), problems.toString());
    }

    @Test
    void eventOnTheWrongTopicOrOfUnknownTypeIsReported() {
        String json = EventCodec.encode(EventCodec.wrap("test", "i-1", new InteractionQueued("i-1", "c", 1, NOW)));
        assertFalse(EventSchemas.violations(Topics.CHAT_MESSAGES, json).isEmpty());
        String unknown = json.replace("chat.interaction.queued.v1", "chat.interaction.teleported.v1");
        assertTrue(EventSchemas.violations(Topics.INTERACTIONS, unknown).stream()
                .anyMatch(p -> p.contains("unknown event type")));
    }

    @Test
    void decodeRefusesWhatIsNotACloudEvent() {
        assertThrowsMalformed("{\"hello\":1}");
        assertThrowsMalformed("not json");
    }

    @Test
    void asyncApiDocumentDescribesEveryEventType() throws IOException {
        String doc;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            assertNotNull(in);
            doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> missing = Arrays.stream(EventType.values())
                .filter(t -> !doc.contains("name: " + t.type()) || !doc.contains("address: " + t.topic()))
                .map(EventType::type)
                .collect(Collectors.toSet());
        assertEquals(Set.of(), missing);
    }

    private static void assertThrowsMalformed(String json) {
        try {
            EventCodec.decode(json);
        } catch (EventCodec.MalformedEventException expected) {
            return;
        }
        throw new AssertionError("accepted " + json);
    }
}
