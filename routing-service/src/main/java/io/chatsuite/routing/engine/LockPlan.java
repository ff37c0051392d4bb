package io.chatsuite.routing.engine;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which queues a batch locks, and which of its commands it still applies: a command whose event was applied
 * before (or appears twice in the batch) is dropped; every other one needs the queue of its campaign.
 */
final class LockPlan {

    private LockPlan() {}

    /** The event ids to record as applied, each once. */
    static List<String> eventIds(List<Command> commands) {
        return commands.stream()
                .map(Command::eventId)
                .filter(id -> id != null)
                .distinct()
                .toList();
    }

    /** Interactions whose close names no campaign: theirs is looked up (an interaction's campaign never changes). */
    static List<String> unnamedCloses(List<Command> commands) {
        return commands.stream()
                .filter(cmd -> cmd instanceof Command.Close cl && cl.campaignId() == null)
                .map(cmd -> ((Command.Close) cmd).interactionId())
                .toList();
    }

    /**
     * Drops from {@code commands} those whose event is not in {@code fresh} (applied before) or came earlier in
     * the batch, and yields the queues to lock: {@code toDispatch} and the campaign of each remaining command
     * ({@code campaignOf}: the looked-up campaign of each unnamed close).
     */
    static Set<String> queues(
            List<Command> commands, Set<String> fresh, Map<String, String> campaignOf, Collection<String> toDispatch) {
        Set<String> seen = new HashSet<>();
        commands.removeIf(cmd -> cmd.eventId() != null && (!fresh.contains(cmd.eventId()) || !seen.add(cmd.eventId())));
        Set<String> lock = new TreeSet<>(toDispatch);
        for (Command cmd : commands) {
            switch (cmd) {
                case Command.Request r -> {
                    if (r.campaign() != null) {
                        lock.add(r.request().campaignId());
                    }
                }
                case Command.Close cl ->
                    Optional.ofNullable(cl.campaignId() != null ? cl.campaignId() : campaignOf.get(cl.interactionId()))
                            .ifPresent(lock::add);
                case Command.Accept a -> lock.add(a.campaignId());
                case Command.Decline d -> lock.add(d.campaignId());
                case Command.Pick p -> lock.add(p.campaignId());
            }
        }
        return lock;
    }
}
