package io.chatsuite.signaling;

import static org.awaitility.Awaitility.await;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.Party;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.testing.InteractionFixture;
import io.chatsuite.testing.TopicWriter;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Produces interaction events the way routing does (CloudEvents keyed by interaction id, checked against the
 * contract) and waits until signaling has applied them.
 */
public final class InteractionEvents {

    public static final String CAMPAIGN = "campaign-1";

    private InteractionEvents() {}

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A new interaction assigned to {@code agentId}, once signaling knows it. */
    public static String assignedTo(PgPool pool, String agentId) {
        String id = newId();
        assign(id, agentId);
        awaitState(pool, id, "ASSIGNED", agentId);
        return id;
    }

    public static CloudEvent queue(String id) {
        return writer().publish(id, InteractionFixture.interaction(id, CAMPAIGN).queued(1));
    }

    public static CloudEvent assign(String id, String agentId) {
        return writer().publish(
                        id,
                        InteractionFixture.interaction(id, CAMPAIGN)
                                .withAgent(agentId)
                                .withReason(Strategy.RING_ALL, 1.0)
                                .assigned());
    }

    public static CloudEvent end(String id, String agentId) {
        return writer().publish(
                        id,
                        InteractionFixture.interaction(id, CAMPAIGN)
                                .withAgent(agentId)
                                .ended(Party.AGENT));
    }

    public static void awaitState(PgPool pool, String id, String state, String agentId) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Row row = row(pool, id);
                    return row != null
                            && state.equals(row.getString("state"))
                            && (agentId == null || agentId.equals(row.getString("agent_id")));
                });
    }

    public static void awaitProcessed(PgPool pool, CloudEvent event) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> pool.preparedQuery("select 1 from processed_event where event_id = $1")
                                .execute(Tuple.of(event.id()))
                                .await()
                                .atMost(Duration.ofSeconds(5))
                                .size()
                        == 1);
    }

    public static Row row(PgPool pool, String id) {
        RowSet<Row> rows = pool.preparedQuery("select state, agent_id from interaction where id = $1")
                .execute(Tuple.of(id))
                .await()
                .atMost(Duration.ofSeconds(5));
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    /** The test broker's writer, for envelopes sent again and for records that are not events at all. */
    public static TopicWriter writer() {
        return TopicWriter.shared(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }
}
