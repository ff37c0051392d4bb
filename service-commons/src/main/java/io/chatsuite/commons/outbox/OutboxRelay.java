package io.chatsuite.commons.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves committed outbox rows to Kafka. A batch is deleted only in the transaction that waited for the
 * broker's acknowledgement of every record (idempotent producer, acks=all), so an event is relayed at least
 * once and, thanks to event ids, applied once. A transaction-scoped advisory lock keeps one relay at a time
 * per database, which preserves the order of each key's events even with several instances.
 */
@ApplicationScoped
public class OutboxRelay {

    // Marks a row whose record value is null. Not valid JSON, so no event can look like it; no NUL character,
    // which PostgreSQL text columns refuse.
    static final String TOMBSTONE = "#tombstone";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LOCK_ID = 0x6f7574626f78L;
    private static final int BATCH = 500;

    private final PgPool pool;
    private final KafkaProducer<String, String> producer;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopping;

    public OutboxRelay(
            PgPool pool,
            Vertx vertx,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.pool = pool;
        this.vertx = vertx;
        // Every kafka.* setting of the service (bootstrap servers, TLS, SASL), then what the relay needs.
        var props = new java.util.Properties();
        props.putAll(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Relays soon after a commit; cheap to call often, runs coalesce. */
    public void wakeSoon() {
        vertx.setTimer(5, id -> relay().subscribe().with(n -> {}, e -> {}));
    }

    /** Relays now: for a writer that has just committed events and wants them on their way at once. */
    public void wakeNow() {
        relay().subscribe().with(n -> {}, e -> {});
    }

    /** Safety net for rows a wake-up missed, e.g. after a restart. */
    @Scheduled(every = "${chat.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        return relay().replaceWithVoid();
    }

    /** Relays everything pending; the number of events sent. */
    public Uni<Integer> relay() {
        if (stopping) {
            // The pool and producer close during shutdown; what is left is relayed after the next start.
            return Uni.createFrom().item(0);
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().item(0);
        }
        return pool.withTransaction(this::relayBatch)
                .onFailure()
                .invoke(e -> LOG.warnf("Outbox relay failed, will retry: %s", e.getMessage()))
                .onFailure()
                .recoverWithItem(0)
                .eventually(() -> running.set(false))
                .invoke(n -> {
                    if (n == BATCH || again.getAndSet(false)) {
                        wakeSoon();
                    }
                });
    }

    private Uni<Integer> relayBatch(SqlConnection conn) {
        // One statement: the lock (one relay at a time per database) guards the delete of the oldest rows.
        return conn.preparedQuery("delete from outbox_event where pg_try_advisory_xact_lock($1) and seq in ("
                        + "select seq from outbox_event order by seq limit $2) "
                        + "returning seq, event_id, topic, record_key, payload")
                .execute(Tuple.of(LOCK_ID, BATCH))
                .chain(rows -> {
                    List<Row> batch = new ArrayList<>();
                    rows.forEach(batch::add);
                    batch.sort((a, b) -> Long.compare(a.getLong("seq"), b.getLong("seq")));
                    return send(batch).replaceWith(batch.size());
                });
    }

    private Uni<Void> send(List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            String payload = row.getString("payload");
            var record = new ProducerRecord<>(
                    row.getString("topic"), row.getString("record_key"), TOMBSTONE.equals(payload) ? null : payload);
            record.headers()
                    .add(new RecordHeader("ce_id", row.getString("event_id").getBytes()));
            CompletableFuture<Void> ack = new CompletableFuture<>();
            producer.send(record, (meta, error) -> {
                if (error == null) {
                    ack.complete(null);
                } else {
                    ack.completeExceptionally(error);
                }
            });
            acks.add(ack);
        }
        return Uni.createFrom().completionStage(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)));
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
