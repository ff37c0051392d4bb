package io.chatsuite.commons.campaigns;

import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Topics;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A service's local view of every campaign, rebuilt at each start by reading the compacted {@code campaigns}
 * topic from the beginning and kept current by following it. Applying a snapshot is idempotent (older
 * versions never replace newer ones), so redelivery and restarts are harmless.
 * Enabled with {@code chat.campaign-directory.enabled=true}.
 */
@ApplicationScoped
public class CampaignDirectory {

    private static final Logger LOG = Logger.getLogger(CampaignDirectory.class);

    private final Map<String, CampaignUpserted> campaigns = new ConcurrentHashMap<>();
    private final List<Consumer<CampaignUpserted>> listeners = new CopyOnWriteArrayList<>();
    /** Counts applied changes (upserts and deletes), so readers can cache what they derive from the view. */
    private final AtomicLong changes = new AtomicLong();

    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final boolean enabled;
    private final Map<String, Object> kafka;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running;
    private Thread thread;

    public CampaignDirectory(
            @ConfigProperty(name = "chat.campaign-directory.enabled", defaultValue = "false") boolean enabled,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.enabled = enabled;
        this.kafka = kafka;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        thread = new Thread(this::follow, "campaign-directory");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    public Optional<CampaignUpserted> find(String campaignId) {
        return campaignId == null ? Optional.empty() : Optional.ofNullable(campaigns.get(campaignId));
    }

    public Collection<CampaignUpserted> all() {
        return List.copyOf(campaigns.values());
    }

    /** True once everything the topic held at start-up has been read (for readiness). */
    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Waits until the view holds everything the topic held at start-up. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Called on the directory's thread after each applied snapshot. */
    /** A number that changes whenever the view does (a campaign created, changed or deleted). */
    public long version() {
        return changes.get();
    }

    public void onChange(Consumer<CampaignUpserted> listener) {
        listeners.add(listener);
    }

    /** Applies one record of the campaigns topic; public for services that also receive snapshots otherwise. */
    public void apply(String key, String value) {
        if (value == null) {
            if (campaigns.remove(key) != null) {
                changes.incrementAndGet();
            }
            return;
        }
        try {
            CloudEvent event = EventCodec.decode(value);
            if (EventType.CAMPAIGN_DELETED.type().equals(event.type())) {
                if (campaigns.remove(key) != null) {
                    changes.incrementAndGet();
                }
            } else if (EventType.CAMPAIGN_UPSERTED.type().equals(event.type())) {
                CampaignUpserted snapshot = EventCodec.data(event, CampaignUpserted.class);
                CampaignUpserted applied = campaigns.merge(
                        snapshot.campaignId(), snapshot, (old, neu) -> neu.version() >= old.version() ? neu : old);
                if (applied == snapshot) {
                    changes.incrementAndGet();
                    listeners.forEach(l -> l.accept(snapshot));
                }
            }
        } catch (EventCodec.MalformedEventException e) {
            LOG.warnf("Skipping unreadable campaign record %s: %s", key, e.getMessage());
        }
    }

    private void follow() {
        // Every kafka.* setting of the service (bootstrap servers, TLS, SASL), then what the directory needs.
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        while (running) {
            try (KafkaConsumer<String, String> c =
                    new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                consumer = c;
                // No consumer group: every instance reads the whole compacted topic.
                List<TopicPartition> partitions = c.partitionsFor(Topics.CAMPAIGNS, Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
                c.assign(partitions);
                c.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = c.endOffsets(partitions);
                while (running) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                        apply(r.key(), r.value());
                    }
                    if (caughtUp.getCount() > 0
                            && end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                        caughtUp.countDown();
                        LOG.infof("Campaign directory holds %d campaigns", campaigns.size());
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Campaign directory lost Kafka (%s); retrying", e.getMessage());
                sleepQuietly();
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}
