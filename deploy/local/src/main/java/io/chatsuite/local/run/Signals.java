package io.chatsuite.local.run;

import sun.misc.Signal;

/**
 * Runs the launcher's orderly stop on SIGINT (Ctrl-C) and SIGTERM before the JVM's shutdown hooks start, so the
 * services stop before the PostgreSQL wrapper's own shutdown hook stops the database under them.
 */
final class Signals {

    private Signals() {}

    /** Runs {@code action} on SIGINT or SIGTERM, then exits with 128 + the signal's number, as a shell expects. */
    static void onInterrupt(Runnable action) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                // Each signal gets its own thread: the action may block for seconds while children stop.
                // A signal ignored at JVM start (a background job of a non-interactive shell ignores SIGINT)
                // stays ignored: stop such a run with SIGTERM.
                Signal.handle(
                        new Signal(name),
                        s -> new Thread(
                                        () -> {
                                            action.run();
                                            System.exit(128 + s.getNumber());
                                        },
                                        "chat-suite-" + name)
                                .start());
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // Signal not available here: the shutdown hook still stops everything, in a less strict order.
            }
        }
    }
}
