package io.chatsuite.gateway.live;

import io.chatsuite.gateway.interaction.LogEntry;
import io.chatsuite.gateway.interaction.repository.InteractionLogRepository;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The live connections of this gateway instance and what each follows: delivers appended log entries to the
 * customer and agent connections of their interaction, and to the agent an interaction was just assigned to.
 * Single instance for now: entries appended by another gateway instance would not reach connections here.
 */
@ApplicationScoped
public class LiveHub implements Link.ReplaySource {

    private static final Logger LOG = Logger.getLogger(LiveHub.class);
    private static final long REPLAY_RETRY_MS = 250;

    private final ConcurrentHashMap<String, Set<Link>> followers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<Link>> agentLinks = new ConcurrentHashMap<>();
    private final InteractionLogRepository log;
    private final Vertx vertx;

    public LiveHub(InteractionLogRepository log, Vertx vertx) {
        this.log = log;
        this.vertx = vertx;
    }

    /** A link for a new connection; an agent's link also receives that agent's new assignments. */
    public Link connect(WebSocketConnection connection, Audience audience, String agentId) {
        Link link = new Link(connection, audience, agentId, this);
        if (agentId != null) {
            agentLinks.compute(agentId, (k, links) -> {
                Set<Link> set = links == null ? ConcurrentHashMap.newKeySet() : links;
                set.add(link);
                return set;
            });
        }
        return link;
    }

    public void disconnect(Link link) {
        Set<String> followed = link.followed();
        link.close();
        followed.forEach(interactionId -> unfollow(link, interactionId));
        if (link.agentId() != null) {
            agentLinks.computeIfPresent(link.agentId(), (k, links) -> {
                links.remove(link);
                return links.isEmpty() ? null : links;
            });
        }
    }

    /** The link's connection receives the interaction's entries after {@code afterSeq}, then live ones. */
    public void follow(Link link, String interactionId, long afterSeq) {
        addFollower(link, interactionId);
        link.follow(interactionId, afterSeq);
        if (link.isClosed()) {
            unfollow(link, interactionId);
        }
    }

    /** Sends a connection frame (not part of any log) to every console the agent has open here. */
    public void sendToAgent(String agentId, String frame) {
        Set<Link> links = agentLinks.get(agentId);
        if (links != null) {
            links.forEach(link -> link.send(frame));
        }
    }

    /** Delivers freshly committed entries. */
    public void publish(List<LogEntry> entries) {
        for (LogEntry entry : entries) {
            Set<Link> links = followers.get(entry.interactionId());
            if (links != null) {
                links.forEach(l -> l.offer(entry));
            }
            if (LogEntry.ASSIGNED.equals(entry.type()) && entry.agentId() != null) {
                Set<Link> agent = agentLinks.get(entry.agentId());
                if (agent != null) {
                    for (Link link : agent) {
                        // Registered first, so no entry committed after the assignment's replay read is missed.
                        addFollower(link, entry.interactionId());
                        link.followFromAssignment(entry);
                    }
                }
            }
        }
    }

    // Adding and removing inside compute: a set emptied and dropped concurrently never swallows an addition.
    private void addFollower(Link link, String interactionId) {
        followers.compute(interactionId, (k, links) -> {
            Set<Link> set = links == null ? ConcurrentHashMap.newKeySet() : links;
            set.add(link);
            return set;
        });
    }

    private void unfollow(Link link, String interactionId) {
        followers.computeIfPresent(interactionId, (k, links) -> {
            links.remove(link);
            return links.isEmpty() ? null : links;
        });
    }

    @Override
    public void replay(Link link, String interactionId, long afterSeq) {
        log.after(interactionId, afterSeq)
                .subscribe()
                .with(
                        entries -> {
                            if (link.replayed(interactionId, entries)) {
                                vertx.setTimer(REPLAY_RETRY_MS, t -> link.replayAgain(interactionId));
                            }
                        },
                        failure -> {
                            LOG.warnf(
                                    "Replay of %s for connection %s failed, retrying: %s",
                                    interactionId, link.id(), failure.getMessage());
                            link.replayFailed(interactionId);
                            vertx.setTimer(REPLAY_RETRY_MS * 4, t -> link.replayAgain(interactionId));
                        });
    }
}
