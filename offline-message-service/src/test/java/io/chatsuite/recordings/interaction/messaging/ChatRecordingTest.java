package io.chatsuite.recordings.interaction.messaging;

import static io.chatsuite.recordings.ChatEvents.agentSays;
import static io.chatsuite.recordings.ChatEvents.assigned;
import static io.chatsuite.recordings.ChatEvents.at;
import static io.chatsuite.recordings.ChatEvents.customerSays;
import static io.chatsuite.recordings.ChatEvents.ended;
import static io.chatsuite.recordings.ChatEvents.newId;
import static io.chatsuite.recordings.ChatEvents.queued;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.Party;
import io.chatsuite.events.Topics;
import io.chatsuite.recordings.ChatEvents;
import io.chatsuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChatRecordingTest {

    static final String DETAIL = "/api/recordings/interactions/{id}";
    static String salesCampaign;

    @Inject
    PgPool pool;

    @BeforeEach
    void salesCampaignExists() {
        if (salesCampaign == null) {
            salesCampaign = newId();
            ChatEvents.campaign(salesCampaign, "Sales web chat", "sales");
        }
    }

    @Test
    void wholeChatIsRecordedWithItsOrderedTranscript() {
        String id = newId();
        Instant requested = at(60);
        queued(id, salesCampaign, requested);
        assigned(id, salesCampaign, "alice", "Carla", requested, at(50));
        customerSays(id, salesCampaign, "c1", "Hello, my order is late", at(45));
        agentSays(id, salesCampaign, "alice", "a1", "Let me check that for you", at(40));
        customerSays(id, salesCampaign, "c2", "Thanks!", at(30));
        ended(id, salesCampaign, "alice", Party.AGENT, at(20));

        awaitDetail(id, r -> r.body("endedAt", notNullValue()).body("transcript", hasSize(3)))
                .body("campaignId", equalTo(salesCampaign))
                .body("campaignName", equalTo("Sales web chat"))
                .body("securityGroup", equalTo("sales"))
                .body("customer.name", equalTo("Carla"))
                .body("customer.language", equalTo("en"))
                .body("agentId", equalTo("alice"))
                .body("requestedAt", equalTo(requested.toString()))
                .body("assignedAt", equalTo(at(50).toString()))
                .body("endedAt", equalTo(at(20).toString()))
                .body("outcome", equalTo("ANSWERED"))
                .body("endedBy", equalTo("AGENT"))
                .body("transcript.text", contains("Hello, my order is late", "Let me check that for you", "Thanks!"))
                .body("transcript.from.role", contains("CUSTOMER", "AGENT", "CUSTOMER"))
                .body("transcript.from.name", contains("Carla", "Alice", "Carla"))
                .body("transcript.id", contains(id + ":c1", id + ":a1", id + ":c2"))
                .body("transcript[0].at", equalTo(at(45).toString()));
    }

    @Test
    void redeliveredEventsAndResentMessagesAreRecordedOnce() {
        String id = newId();
        CloudEvent toAlice = assigned(id, salesCampaign, "alice", "Carla", at(60), at(55));
        CloudEvent hello = customerSays(id, salesCampaign, "c1", "Hello", at(50));
        // A reassignment, then the first assignment delivered again: applying it twice would undo the reassignment.
        assigned(id, salesCampaign, "bob", "Carla", at(60), at(45));
        ChatEvents.writer().publish(id, toAlice);
        ChatEvents.writer().publish(id, hello);
        // The same message resent by the customer's client after a reconnect travels in a new event.
        customerSays(id, salesCampaign, "c1", "Hello", at(50));
        // Same key, same partition: once this one is recorded, every earlier one has been handled.
        customerSays(id, salesCampaign, "c2", "Anyone there?", at(40));

        awaitDetail(id, r -> r.body("transcript.text", hasItem("Anyone there?")))
                .body("transcript.text", contains("Hello", "Anyone there?"))
                .body("agentId", equalTo("bob"))
                .body("assignedAt", equalTo(at(45).toString()));
    }

    @Test
    void messageArrivingBeforeTheInteractionEventsStillLands() {
        String id = newId();
        customerSays(id, salesCampaign, "c1", "Is anybody there?", at(30));
        awaitDetail(id, r -> r.body("transcript", hasSize(1)))
                .body("outcome", equalTo("IN_PROGRESS"))
                .body("agentId", nullValue())
                .body("customer.name", equalTo("Carla"));

        queued(id, salesCampaign, at(40));
        assigned(id, salesCampaign, "alice", "Carla", at(40), at(25));
        awaitDetail(id, r -> r.body("outcome", equalTo("ANSWERED")))
                .body("agentId", equalTo("alice"))
                .body("requestedAt", equalTo(at(40).toString()))
                .body("transcript.text", contains("Is anybody there?"));
    }

    @Test
    void abandonedInteractionIsRecordedAsAbandonedByTheCustomer() {
        String id = newId();
        queued(id, salesCampaign, at(90));
        ChatEvents.abandoned(id, salesCampaign, at(90), at(30));

        awaitDetail(id, r -> r.body("outcome", equalTo("ABANDONED")))
                .body("endedBy", equalTo("CUSTOMER"))
                .body("endedAt", equalTo(at(30).toString()))
                .body("agentId", nullValue())
                .body("transcript", hasSize(0));
    }

    @Test
    void unreadableAndUnknownRecordsAreSkippedWithoutBlockingLaterOnes() {
        String id = newId();
        ChatEvents.writer().send(Topics.INTERACTIONS, id, "this is not a cloud event");
        ChatEvents.writer().send(Topics.INTERACTIONS, id, """
                {"specversion":"1.0","id":"%s","source":"/routing-service","type":"chat.interaction.offered.v1",
                 "subject":"%s","datacontenttype":"application/json","data":{"interactionId":"%s"}}""".formatted(newId(), id, id));
        ChatEvents.writer().send(Topics.CHAT_MESSAGES, id, "{\"specversion\":\"1.0\"}");
        queued(id, salesCampaign, at(10));
        customerSays(id, salesCampaign, "c1", "Still here", at(5));

        awaitDetail(id, r -> r.body("transcript", hasSize(1)).body("requestedAt", equalTo(at(10).toString())));
    }

    @Test
    void recordingOfACampaignNotYetKnownGetsItsSecurityGroupOnceTheCampaignAppears() {
        String id = newId();
        String campaign = newId();
        assigned(id, campaign, "dave", "Eve", at(20), at(15));
        await().atMost(Duration.ofSeconds(20)).until(() -> "ANSWERED".equals(column(id, "outcome")));
        assertEquals(null, column(id, "security_group"));
        given().auth()
                .oauth2(TestTokens.supervisor("support"))
                .get(DETAIL, id)
                .then()
                .statusCode(404);

        ChatEvents.campaign(campaign, "Support web chat", "support");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.supervisor("support"))
                        .get(DETAIL, id)
                        .then()
                        .statusCode(200)
                        .body("securityGroup", equalTo("support"))
                        .body("campaignName", equalTo("Support web chat"))
                        .body("agentId", equalTo("dave")));
    }

    private String column(String id, String column) {
        var rows = pool.preparedQuery("select " + column + " from interaction_recording where id = $1")
                .execute(Tuple.of(id))
                .await()
                .atMost(Duration.ofSeconds(5));
        return rows.size() == 0 ? null : rows.iterator().next().getString(0);
    }

    /** Waits until the recording satisfies {@code ready} (it must) and returns it for further checks. */
    static ValidatableResponse awaitDetail(String id, Consumer<ValidatableResponse> ready) {
        ValidatableResponse[] last = new ValidatableResponse[1];
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    ValidatableResponse response = given().auth()
                            .oauth2(TestTokens.supervisor("sales"))
                            .get(DETAIL, id)
                            .then()
                            .statusCode(200);
                    ready.accept(response);
                    last[0] = response;
                });
        return last[0];
    }
}
