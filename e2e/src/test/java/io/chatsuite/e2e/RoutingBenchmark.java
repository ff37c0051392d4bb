package io.chatsuite.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.e2e.support.CpuMeter;
import io.chatsuite.events.CloudEvent;
import io.chatsuite.events.EventCodec;
import io.chatsuite.events.EventType;
import io.chatsuite.events.Party;
import io.chatsuite.events.Topics;
import io.chatsuite.events.agent.AgentPresenceChanged;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.ServiceLevelFormula;
import io.chatsuite.events.routing.RoutingEndRequested;
import io.chatsuite.events.routing.RoutingRequested;
import io.chatsuite.local.run.LocalSuite;
import io.chatsuite.local.run.SuiteOptions;
import io.chatsuite.local.run.SuitePorts;
import io.chatsuite.testing.CampaignFixture;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Routing throughput and latency through the real broker, against the packaged routing-service (started alone by
 * {@link LocalSuite} with embedded Kafka and PostgreSQL), with the raw Kafka produce → consume figures of the
 * same broker for comparison. A harness that prints figures, not a test with thresholds: run it with
 * {@code ./mvnw -B -pl e2e verify -Pbenchmark} (routing-service packaged first). Results also go to
 * {@code e2e/target/benchmark-results.md}.
 *
 * <p>Setup: {@code benchmark.agents} agents (default 200) spread over {@code benchmark.campaigns} campaigns
 * (default 20, longest idle, auto-accept), all available. Customers ask for an agent ({@code routing-requests});
 * the harness, playing the agents, ends each chat as soon as it is assigned so capacity comes back. Phases: a
 * burst of {@code benchmark.requests} requests (default 20,000) sent as fast as possible (throughput), then
 * {@code benchmark.paced-requests} (default 5,000) at {@code benchmark.rate} per second (default 200), for the
 * time to route of an unsaturated service. Both are first played once as a warm-up ({@code benchmark.warm-up},
 * default the burst's size, and {@code benchmark.warm-up-paced}, default half the paced phase), shown but not the
 * measurement: fresh JVMs spend much of their first minute compiling. Every phase starts after a pause of
 * {@code benchmark.settle-seconds} (default 15). Time to route = request published → assignment read from
 * {@code interactions}, measured in this JVM. The CPU each process used during each phase is shown too
 * ({@link CpuMeter}), with the JIT compilers apart.
 */
class RoutingBenchmark {

    static final int AGENTS = Integer.getInteger("benchmark.agents", 200);
    static final int CAMPAIGNS = Integer.getInteger("benchmark.campaigns", 20);
    static final int REQUESTS = Integer.getInteger("benchmark.requests", 20_000);
    static final int PACED_REQUESTS = Integer.getInteger("benchmark.paced-requests", 5_000);
    static final int RATE = Integer.getInteger("benchmark.rate", 200);
    static final int WARM_UP = Integer.getInteger("benchmark.warm-up", REQUESTS);
    static final int WARM_UP_PACED = Integer.getInteger("benchmark.warm-up-paced", PACED_REQUESTS / 2);
    static final Duration PHASE_TIMEOUT = Duration.ofSeconds(Long.getLong("benchmark.phase-timeout-seconds", 600));
    static final Duration SETTLE = Duration.ofSeconds(Long.getLong("benchmark.settle-seconds", 15));
    static final String SOURCE = "/benchmark";

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, String> campaignOf = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicLong assigned = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong lastAssignedAt = new AtomicLong();
    private final AtomicLong queuedEvents = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final StringBuilder report = new StringBuilder();
    /** CPU seconds used during each phase, by process group. */
    private final Map<String, PhaseCpu> cpu = new LinkedHashMap<>();

    private record PhaseCpu(int decisions, Map<String, Double> used) {}

    @Test
    void measure() throws Exception {
        Path repo = Paths.get("").toAbsolutePath().getParent();
        Path data = Files.createTempDirectory(repo.resolve("e2e/target"), "benchmark-");
        SuiteOptions options = SuiteOptions.builder()
                .repoRoot(repo)
                .dataDir(data)
                .fresh(true)
                .ports(SuitePorts.free())
                .keycloak(false)
                .demoCampaign(false)
                .services(List.of("routing-service"))
                .serviceJvmOptions(serviceJvmOptions())
                .serviceStartTimeout(Duration.ofSeconds(120))
                .progress(line -> System.out.println("[suite] " + line))
                .build();
        try (LocalSuite suite = LocalSuite.start(options)) {
            String bootstrap = suite.kafkaBootstrapServers();
            line("# Routing benchmark, " + Instant.now());
            line("");
            line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", JDK "
                    + System.getProperty("java.version") + "; everything (broker, PostgreSQL, routing-service, "
                    + "this harness) on this machine. Harness JVM: "
                    + ManagementFactory.getRuntimeMXBean().getInputArguments());
            line("Setup: " + AGENTS + " agents over " + CAMPAIGNS + " campaigns (LONGEST_IDLE, auto-accept), "
                    + "routing-requests with 3 partitions; every chat ended by the harness on assignment.");
            line("");
            rawKafka(bootstrap);
            routing(bootstrap);
            engineMetrics(suite.urls().service("routing-service"));
        } finally {
            running.set(false);
            Path out = repo.resolve("e2e/target/benchmark-results.md");
            Files.writeString(out, report.toString());
            System.out.println("Results written to " + out);
        }
    }

    /** routing-service's JVM options: {@code benchmark.service-jvm} (space-separated) and the serial collector. */
    private static List<String> serviceJvmOptions() {
        List<String> options = new ArrayList<>(List.of(
                System.getProperty("benchmark.service-jvm", "-Xmx512m").trim().split("\\s+")));
        options.add("-XX:+UseSerialGC");
        return options;
    }

    /** The routing engine's own figures over the whole run (transactions, their duration, commands per one). */
    private void engineMetrics(String routingUrl) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(routingUrl + "/q/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        line("");
        line("## Routing engine (routing-service's /q/metrics after the run)");
        line("");
        line("```");
        metrics.body().lines().filter(l -> l.startsWith("chat_routing_batch")).forEach(this::line);
        line("```");
        line("");
    }

    /** Produce → consume latency and throughput of the bare broker, with the outbox relay's producer settings. */
    private void rawKafka(String bootstrap) throws Exception {
        String topic = "benchmark-raw-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        ConcurrentLinkedQueue<Long> raw = new ConcurrentLinkedQueue<>();
        AtomicLong received = new AtomicLong();
        AtomicLong lastReceived = new AtomicLong();
        Thread consumerThread = consumer(bootstrap, List.of(topic), r -> {
            long sent = Long.parseLong(r.value().substring(0, r.value().indexOf(';')));
            long now = System.nanoTime();
            raw.add(now - sent);
            received.incrementAndGet();
            lastReceived.set(now);
        });
        String padding = ";" + "x".repeat(400); // about the size of a routing request CloudEvent
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (int i = 0; i < WARM_UP; i++) { // warm-up, not measured
                producer.send(new ProducerRecord<>(topic, "k" + (i % CAMPAIGNS), System.nanoTime() + padding));
            }
            producer.flush();
            awaitCount(received, WARM_UP, "raw warm-up");
            raw.clear();
            received.set(0);

            long start = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + (i % CAMPAIGNS), System.nanoTime() + padding));
            }
            producer.flush();
            awaitCount(received, REQUESTS, "raw burst");
            double seconds = (lastReceived.get() - start) / 1e9;
            line("## Raw Kafka (same broker, acks=all, idempotent, linger 1 ms, 3 partitions)");
            line("");
            line("| phase | records | records/s (produce → consumed) | p50 ms | p99 ms | max ms |");
            line("|---|---|---|---|---|---|");
            row("burst", REQUESTS, REQUESTS / seconds, raw);

            raw.clear();
            received.set(0);
            start = System.nanoTime();
            pace(
                    PACED_REQUESTS,
                    RATE,
                    i -> producer.send(
                            new ProducerRecord<>(topic, "k" + (i % CAMPAIGNS), System.nanoTime() + padding)));
            producer.flush();
            awaitCount(received, PACED_REQUESTS, "raw paced");
            seconds = (lastReceived.get() - start) / 1e9;
            row("paced " + RATE + "/s", PACED_REQUESTS, PACED_REQUESTS / seconds, raw);
            line("");
        } finally {
            consumerThread.interrupt();
        }
    }

    private void routing(String bootstrap) throws Exception {
        List<String> campaigns = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            Thread consumerThread = consumer(bootstrap, List.of(Topics.INTERACTIONS), r -> onInteraction(r, producer));
            try {
                for (int c = 0; c < CAMPAIGNS; c++) {
                    String id =
                            "bench-" + c + "-" + UUID.randomUUID().toString().substring(0, 6);
                    campaigns.add(id);
                    List<String> members = new ArrayList<>();
                    for (int a = c; a < AGENTS; a += CAMPAIGNS) {
                        members.add("agent-" + a);
                    }
                    CampaignUpserted campaign = CampaignFixture.campaign(id)
                            .withName("Benchmark " + c)
                            .withDefaultLanguage("en")
                            .withAgentMembers(members)
                            .withAllowedOrigins(List.of())
                            .withServiceLevelFormula(ServiceLevelFormula.ANSWERED_PLUS_LATE_ABANDONS)
                            .withShortAbandonSeconds(5)
                            .withMaxWaiting(100_000)
                            .build();
                    send(producer, Topics.CAMPAIGNS, id, EventCodec.wrap(SOURCE, id, campaign));
                }
                for (int a = 0; a < AGENTS; a++) {
                    String agent = "agent-" + a;
                    send(
                            producer,
                            Topics.AGENT_PRESENCE,
                            agent,
                            EventCodec.wrap(
                                    SOURCE,
                                    agent,
                                    new AgentPresenceChanged(
                                            agent, "Agent " + a, PresenceStatus.AVAILABLE, Instant.now())));
                }
                producer.flush();

                line("## Routing (request published → InteractionAssigned consumed)");
                line("");
                line("| phase | requests | decisions/s | p50 ms | p99 ms | max ms |");
                line("|---|---|---|---|---|---|");
                // The first round is the warm-up: fresh JVMs spend much of it compiling (JIT), so it is shown but
                // is not the measurement. Each phase starts after a pause, so the database has vacuumed what the
                // previous one rewrote and the paced phases measure an unsaturated service, not an aftermath.
                phase(producer, campaigns, "cold burst (warm-up: first after start, JIT compiling)", WARM_UP, 0, false);
                Thread.sleep(SETTLE.toMillis());
                phase(producer, campaigns, "cold paced " + RATE + "/s (warm-up)", WARM_UP_PACED, RATE, false);
                Map<String, Double> idleFrom = CpuMeter.read();
                Thread.sleep(SETTLE.toMillis());
                Map<String, Double> idle = CpuMeter.since(idleFrom);
                phase(producer, campaigns, "burst (as fast as possible)", REQUESTS, 0, true);
                Thread.sleep(SETTLE.toMillis());
                phase(producer, campaigns, "paced " + RATE + "/s", PACED_REQUESTS, RATE, true);
                line("");
                line("Rejected: " + rejected.get() + " (must be 0).");
                line("");
                cpuTable();
                line("");
                line("Idle, nothing sent (" + SETTLE.toSeconds() + " s before the measured burst), CPU seconds per "
                        + "second: "
                        + idle.entrySet().stream()
                                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / SETTLE.toSeconds()))
                                .collect(Collectors.joining(", "))
                        + ".");
            } finally {
                consumerThread.interrupt();
            }
        }
    }

    /** CPU seconds per 1,000 decisions of each phase, by process (from the phase's start to its last assignment). */
    private void cpuTable() {
        line("CPU seconds per 1,000 decisions, by process, from each phase's first request to its last assignment:");
        line("");
        var groups = cpu.values().iterator().next().used().keySet();
        line("| phase | " + String.join(" | ", groups) + " | total |");
        line("|---|" + "---|".repeat(groups.size() + 1));
        cpu.forEach((phase, c) -> {
            double per = 1000.0 / c.decisions();
            line("| " + phase + " | "
                    + c.used().values().stream()
                            .map(s -> String.format("%.2f", s * per))
                            .collect(Collectors.joining(" | "))
                    + String.format(
                            " | %.2f |",
                            c.used().values().stream()
                                            .mapToDouble(Double::doubleValue)
                                            .sum()
                                    * per));
        });
    }

    /** Runs a phase and adds its row to the table (in bold when it is a measurement, not a warm-up). */
    private void phase(
            KafkaProducer<String, String> producer,
            List<String> campaigns,
            String name,
            int count,
            int rate,
            boolean measured) {
        latencies.clear();
        double perSecond = runPhase(producer, campaigns, count, rate, name);
        row(measured ? "**" + name + "**" : name, count, perSecond, latencies);
    }

    /** Sends {@code count} requests (at {@code rate}/s, or as fast as possible when 0); decisions per second. */
    private double runPhase(
            KafkaProducer<String, String> producer, List<String> campaigns, int count, int rate, String name) {
        long before = assigned.get();
        Map<String, Double> cpuBefore = CpuMeter.read();
        long start = System.nanoTime();
        pace(count, rate, i -> {
            String campaign = campaigns.get(i % campaigns.size());
            String interaction = "i-" + UUID.randomUUID();
            campaignOf.put(interaction, campaign);
            sentAt.put(interaction, System.nanoTime());
            send(
                    producer,
                    Topics.ROUTING_REQUESTS,
                    campaign,
                    EventCodec.wrap(
                            SOURCE,
                            interaction,
                            new RoutingRequested(interaction, campaign, "Customer", "en", Instant.now())));
        });
        producer.flush();
        long sentIn = System.nanoTime() - start;
        awaitCount(assigned, before + count, name);
        double seconds = (lastAssignedAt.get() - start) / 1e9;
        System.out.printf(
                "[benchmark] %s: %d sent in %.1f s, all assigned after %.1f s%n", name, count, sentIn / 1e9, seconds);
        cpu.put(name, new PhaseCpu(count, CpuMeter.since(cpuBefore)));
        return count / seconds;
    }

    private static final String ASSIGNED = "\"type\":\"" + EventType.INTERACTION_ASSIGNED.type() + "\"";
    private static final String QUEUED = "\"type\":\"" + EventType.INTERACTION_QUEUED.type() + "\"";
    private static final String REJECTED = "\"type\":\"" + EventType.INTERACTION_REJECTED.type() + "\"";

    private void onInteraction(ConsumerRecord<String, String> r, KafkaProducer<String, String> producer) {
        long now = System.nanoTime();
        if (r.value() == null) {
            return;
        }
        // The harness shares the two cores with what it measures: it decodes only the events it acts on.
        if (r.value().contains(QUEUED)) {
            queuedEvents.incrementAndGet(); // arrivals and position updates, for the progress lines
        }
        if (!r.value().contains(ASSIGNED) && !r.value().contains(REJECTED)) {
            return;
        }
        CloudEvent event = EventCodec.decode(r.value());
        if (EventType.INTERACTION_ASSIGNED.type().equals(event.type())) {
            JsonNode data = event.data();
            String interaction = data.path("interactionId").asText();
            Long sent = sentAt.remove(interaction);
            if (sent == null) {
                return; // a redelivery, or not ours
            }
            latencies.add(now - sent);
            lastAssignedAt.set(now);
            assigned.incrementAndGet();
            // The agent ends the chat at once: capacity comes back for the next customers.
            String campaign = campaignOf.remove(interaction);
            send(
                    producer,
                    Topics.ROUTING_REQUESTS,
                    campaign,
                    EventCodec.wrap(
                            SOURCE,
                            interaction,
                            new RoutingEndRequested(
                                    interaction,
                                    campaign,
                                    Party.AGENT,
                                    data.path("agentId").asText(),
                                    Instant.now())));
        } else if (EventType.INTERACTION_REJECTED.type().equals(event.type())) {
            rejected.incrementAndGet();
        }
    }

    private void awaitCount(AtomicLong counter, long target, String phase) {
        long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        long lastReport = System.nanoTime();
        while (counter.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(phase + ": only " + counter.get() + " of " + target + " in " + PHASE_TIMEOUT);
            }
            if (System.nanoTime() - lastReport > 1e9) {
                System.out.printf(
                        "[benchmark] %s: %d of %d (queued events seen: %d)%n",
                        phase, counter.get(), target, queuedEvents.get());
                lastReport = System.nanoTime();
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private interface Sender {
        void send(int i);
    }

    private static void pace(int count, int rate, Sender sender) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                long due = start + (long) (i * 1e9 / rate);
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(Math.max(1000, due - System.nanoTime()));
                }
            }
            sender.send(i);
        }
    }

    private Thread consumer(
            String bootstrap, List<String> topics, java.util.function.Consumer<ConsumerRecord<String, String>> handler)
            throws InterruptedException {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve "end" now, before anything is sent
        Thread t = new Thread(
                () -> {
                    try (consumer) {
                        while (running.get() && !Thread.currentThread().isInterrupted()) {
                            consumer.poll(Duration.ofMillis(50)).forEach(handler);
                        }
                    } catch (org.apache.kafka.common.errors.InterruptException e) {
                        // stopping
                    }
                },
                "benchmark-consumer");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, CloudEvent event) {
        producer.send(new ProducerRecord<>(topic, key, EventCodec.encode(event)));
    }

    private void row(String phase, int count, double perSecond, ConcurrentLinkedQueue<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        line(String.format(
                "| %s | %d | %.0f | %.1f | %.1f | %.1f |",
                phase,
                count,
                perSecond,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }

    static {
        // Quieter client logs in the harness output.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
}
