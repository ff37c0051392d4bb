package io.chatsuite.gateway.customer.service;

import io.chatsuite.gateway.interaction.repository.ChatSessionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Keeps the customer lease of every chat whose customer has a socket on this instance: renewed on connect,
 * every {@code chat.customers.heartbeat} in one statement for all of them, and once more when the last socket
 * closes. Any instance can then tell how long a customer has been gone, whichever instance they were on, and a
 * crashed instance's customers simply stop being renewed.
 */
@ApplicationScoped
public class CustomerLeases {

    private static final Logger LOG = Logger.getLogger(CustomerLeases.class);

    /** Sockets per interaction on this instance (a customer may have several tabs open). */
    private final Map<String, Integer> connected = new ConcurrentHashMap<>();

    private final ChatSessionRepository sessions;

    public CustomerLeases(ChatSessionRepository sessions) {
        this.sessions = sessions;
    }

    public void connected(String interactionId) {
        connected.merge(interactionId, 1, Integer::sum);
        renew(List.of(interactionId));
    }

    public void disconnected(String interactionId) {
        connected.computeIfPresent(interactionId, (id, n) -> n > 1 ? n - 1 : null);
        renew(List.of(interactionId));
    }

    @Scheduled(every = "${chat.customers.heartbeat:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> heartbeat() {
        List<String> ids = List.copyOf(connected.keySet());
        return ids.isEmpty() ? Uni.createFrom().voidItem() : write(ids);
    }

    private void renew(List<String> ids) {
        write(ids).subscribe().with(ignored -> {});
    }

    private Uni<Void> write(List<String> ids) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> sessions.customersSeen(ids, now))
                .replaceWithVoid()
                // A lease not renewed now is renewed by the next heartbeat, far within the grace period.
                .onFailure()
                .invoke(e -> LOG.warnf("Cannot renew %d customer leases: %s", ids.size(), e.toString()))
                .onFailure()
                .recoverWithNull();
    }
}
