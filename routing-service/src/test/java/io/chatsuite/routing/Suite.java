package io.chatsuite.routing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.commons.campaigns.CampaignDirectory;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Party;
import io.chatsuite.events.Topics;
import io.chatsuite.events.agent.AgentProfileUpserted;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Schedule;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.events.routing.RoutingRequested;
import io.chatsuite.testing.CampaignFixture;
import io.chatsuite.testing.GatewaySide;
import io.chatsuite.testing.TestTokens;
import io.chatsuite.testing.TopicReader;
import io.chatsuite.testing.TopicWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The rest of the suite as routing-service sees it over Kafka: campaign-service publishing campaigns, the gateway
 * publishing presence and routing requests, and any consumer reading the interactions topic.
 */
public final class Suite implements AutoCloseable {

    public static final String SOURCE = TopicWriter.TEST_SOURCE;

    private final String bootstrap;
    private final CampaignDirectory directory;
    private final TopicWriter writer;
    private final GatewaySide gateway;

    public Suite(String bootstrap, CampaignDirectory directory) {
        this.bootstrap = bootstrap;
        this.directory = directory;
        this.writer = new TopicWriter(bootstrap, SOURCE);
        this.gateway = new GatewaySide(writer);
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Publishes a campaign (always open unless a schedule is given) and waits until routing knows it. */
    public String campaign(String group, Strategy strategy, List<String> members, Schedule schedule) {
        return campaign(group, strategy, members, schedule, CampaignUpserted.DEFAULT_MAX_WAITING);
    }

    /** A campaign whose queue holds at most {@code maxWaiting}. */
    public String campaign(String group, Strategy strategy, List<String> members, Schedule schedule, int maxWaiting) {
        return publish(CampaignFixture.campaign(id("campaign"))
                .withSecurityGroup(group)
                .withStrategy(strategy)
                .withAgentMembers(members)
                .withSchedule(schedule)
                .withMaxWaiting(maxWaiting)
                .build());
    }

    public String campaign(Strategy strategy, List<String> members) {
        return campaign("sales", strategy, members, null);
    }

    /** Publishes a campaign snapshot as campaign-service would and waits until routing knows it; returns its id. */
    public String publish(CampaignUpserted campaign) {
        String id = campaign.campaignId();
        writer.publish(id, campaign);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (directory.find(id).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "campaign " + id + " never reached routing's view");
            sleep(50);
        }
        return id;
    }

    public void presence(String agentId, PresenceStatus status) {
        gateway.presence(agentId, "Agent " + agentId, status);
    }

    /** An agent accepts an offer (or picks from a manual queue). */
    public void accept(String campaignId, String interactionId, String agentId) {
        gateway.accept(campaignId, interactionId, agentId);
    }

    public void decline(String campaignId, String interactionId, String agentId) {
        gateway.decline(campaignId, interactionId, agentId);
    }

    /** campaign-service publishes an agent's profile. */
    public void profile(String agentId, int capacity, long version) {
        writer.publish(
                agentId,
                new AgentProfileUpserted(agentId, "Agent " + agentId, capacity, List.of(), version, Instant.now()));
    }

    /** Waits for the first event of {@code type} of the interaction, returns its data. */
    public <T extends Record> T first(String interactionId, EventType type) {
        return nth(interactionId, type, 1);
    }

    /** Waits for the {@code n}-th event of {@code type} of the interaction, returns its data. */
    public <T extends Record> T nth(String interactionId, EventType type, int n) {
        List<ConsumerRecord<String, String>> records = TopicReader.await(
                bootstrap,
                Topics.INTERACTIONS,
                r -> interactionId.equals(r.key()) && r.value().contains("\"" + type.type() + "\""),
                n);
        @SuppressWarnings("unchecked")
        T data = (T) EventCodec.data(TopicReader.valid(Topics.INTERACTIONS, records.get(n - 1)));
        return data;
    }

    /** Every event of the interaction now on the topic, of {@code type}, as data records. */
    public <T extends Record> List<T> all(String interactionId, EventType type) {
        @SuppressWarnings("unchecked")
        List<T> data = allEvents(interactionId).stream()
                .filter(e -> type.type().equals(e.type()))
                .map(e -> (T) EventCodec.data(e))
                .toList();
        return data;
    }

    /** A customer asks for an agent; returns the interaction id. */
    public String request(String campaignId) {
        String interactionId = id("interaction");
        writer.publish(campaignId, requestEvent(interactionId, campaignId));
        return interactionId;
    }

    public CloudEvent requestEvent(String interactionId, String campaignId) {
        return EventCodec.wrap(
                SOURCE, interactionId, new RoutingRequested(interactionId, campaignId, "Ana", "es", Instant.now()));
    }

    public void abandon(String campaignId, String interactionId) {
        gateway.abandon(campaignId, interactionId);
    }

    public void end(String campaignId, String interactionId, Party by, String agentId) {
        gateway.end(campaignId, interactionId, by, agentId);
    }

    /** Publishes an envelope as it is (e.g. a second delivery of one already sent). */
    public void send(String key, CloudEvent event) {
        writer.publish(key, event);
    }

    /** Any record value, readable or not, as a faulty producer might write it. */
    public void sendRaw(String topic, String key, String value) {
        writer.send(topic, key, value);
    }

    /**
     * Waits for the first {@code count} events of an interaction and returns them in order; every one must
     * conform to the contract.
     */
    public List<CloudEvent> events(String interactionId, int count) {
        return TopicReader.await(bootstrap, Topics.INTERACTIONS, r -> interactionId.equals(r.key()), count).stream()
                .map(r -> TopicReader.valid(Topics.INTERACTIONS, r))
                .toList();
    }

    /** The {@code count}-th event of the interaction, which must be of {@code type}, as its data record. */
    public <T extends Record> T event(String interactionId, int count, EventType type) {
        CloudEvent e = events(interactionId, count).get(count - 1);
        assertEquals(type.type(), e.type(), "event " + count + " of " + interactionId);
        @SuppressWarnings("unchecked")
        T data = (T) EventCodec.data(e);
        return data;
    }

    /** Every event of the interaction now on the topic, read to its current end. */
    public List<CloudEvent> allEvents(String interactionId) {
        return allEvents().getOrDefault(interactionId, List.of());
    }

    /** Every event now on the interactions topic, by interaction id, each interaction's in order. */
    public Map<String, List<CloudEvent>> allEvents() {
        return TopicReader.eventsByKey(bootstrap, Topics.INTERACTIONS);
    }

    /** Waits a little for anything in flight, then checks the interaction has exactly {@code count} events. */
    public void assertEventCount(String interactionId, int count) {
        sleep(1500);
        List<CloudEvent> all = allEvents(interactionId);
        assertEquals(count, all.size(), all.toString());
    }

    /** Waits a little for anything in flight, then checks the interaction was assigned exactly once. */
    public void assertAssignedOnce(String interactionId) {
        sleep(1500);
        List<CloudEvent> assigned = allEvents(interactionId).stream()
                .filter(e -> EventType.INTERACTION_ASSIGNED.type().equals(e.type()))
                .toList();
        assertEquals(1, assigned.size(), assigned.toString());
    }

    /** Waits until routing has applied an agent's presence (read from the campaign's dashboard). */
    public static void awaitStatus(String campaignId, String group, String agentId, PresenceStatus status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            List<String> statuses = given().auth()
                    .oauth2(TestTokens.supervisor(group))
                    .get("/api/routing/dashboard/" + campaignId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("agents.findAll { it.id == '" + agentId + "' }.status");
            if (statuses.contains(status.name())) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, agentId + " never became " + status + ": " + statuses);
            sleep(50);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        writer.close();
    }
}
