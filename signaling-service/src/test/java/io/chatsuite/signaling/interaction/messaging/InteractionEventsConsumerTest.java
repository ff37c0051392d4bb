package io.chatsuite.signaling.interaction.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.Topics;
import io.chatsuite.signaling.InteractionEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.pgclient.PgPool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InteractionEventsConsumerTest {

    @Inject
    PgPool pool;

    @Test
    void redeliveredEventIsAppliedOnce() {
        String id = InteractionEvents.newId();
        CloudEvent toAlice = InteractionEvents.assign(id, "alice");
        InteractionEvents.assign(id, "bob");
        // Applying the first assignment again would hand the call back to alice.
        InteractionEvents.writer().publish(id, toAlice);
        // Same key, same partition: once this one is processed, so is everything before it.
        CloudEvent marker = InteractionEvents.queue(id);
        InteractionEvents.awaitProcessed(pool, marker);

        var row = InteractionEvents.row(pool, id);
        assertEquals("ASSIGNED", row.getString("state"));
        assertEquals("bob", row.getString("agent_id"));
    }

    @Test
    void unreadableRecordIsSkippedAndLaterOnesApplied() {
        String id = InteractionEvents.newId();
        InteractionEvents.writer().send(Topics.INTERACTIONS, id, "{not json");
        InteractionEvents.assign(id, "carol");
        InteractionEvents.awaitState(pool, id, "ASSIGNED", "carol");
    }
}
