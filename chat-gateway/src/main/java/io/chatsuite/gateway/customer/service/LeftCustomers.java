package io.chatsuite.gateway.customer.service;

import io.chatsuite.gateway.customer.config.CustomerConfig;
import io.chatsuite.gateway.interaction.LogEntry;
import io.chatsuite.gateway.interaction.SessionState;
import io.chatsuite.gateway.interaction.repository.ChatSessionRepository;
import io.chatsuite.gateway.live.LiveHub;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.jboss.logging.Logger;

/**
 * Closes the chats of customers who left without ending them (closed the tab, lost the network for good): a
 * waiting chat whose customer has had no connection for {@code chat.customers.queue-grace} is abandoned (routing
 * counts it in the service level like any abandon); an assigned chat whose customer has been gone for
 * {@code chat.customers.inactivity-timeout} is ended by the system, with a notice to both sides. Every instance
 * sweeps; the session lock and its end request make each chat closed once.
 */
@ApplicationScoped
public class LeftCustomers {

    private static final Logger LOG = Logger.getLogger(LeftCustomers.class);
    private static final int BATCH = 100;

    private final ChatSessionRepository sessions;
    private final CustomerService customers;
    private final LiveHub hub;
    private final CustomerConfig config;

    public LeftCustomers(
            ChatSessionRepository sessions, CustomerService customers, LiveHub hub, CustomerConfig config) {
        this.sessions = sessions;
        this.customers = customers;
        this.hub = hub;
        this.config = config;
    }

    @Scheduled(
            every = "${chat.customers.sweep-interval:5s}",
            delayed = "${chat.customers.sweep-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        Instant now = Instant.now();
        return close(
                        Set.of(SessionState.REQUESTED, SessionState.QUEUED),
                        now.minus(config.queueGrace()),
                        customers::abandonForCustomerGone)
                .chain(() -> close(
                        Set.of(SessionState.ASSIGNED),
                        now.minus(config.inactivityTimeout()),
                        customers::endForCustomerGone))
                .onFailure()
                .invoke(e -> LOG.warnf("Sweep of customers who left failed (retried at the next): %s", e.toString()))
                .onFailure()
                .recoverWithNull();
    }

    private Uni<Void> close(
            Set<SessionState> states, Instant seenBefore, BiFunction<String, Instant, Uni<List<LogEntry>>> closing) {
        return Panache.withSession(() -> sessions.customersGoneSince(states, seenBefore, BATCH))
                .onItem()
                .transformToMulti(found -> Multi.createFrom().iterable(found))
                .map(session -> session.interactionId)
                .onItem()
                .transformToUniAndConcatenate(
                        id -> closing.apply(id, seenBefore).invoke(hub::publish))
                .collect()
                .last()
                .replaceWithVoid();
    }
}
