package io.chatsuite.local.run;

import java.util.Locale;
import java.util.function.Consumer;

/** Reports each startup step with the time elapsed since the run began: {@code [ 1.2s] PostgreSQL 17.6 ready ...}. */
final class Progress {

    private final Consumer<String> sink;
    private final long start = System.nanoTime();

    Progress(Consumer<String> sink) {
        this.sink = sink;
    }

    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    synchronized void step(String message) {
        sink.accept(String.format(Locale.ROOT, "[%4.1fs] %s", elapsedSeconds(), message));
    }

    /** A line without a time stamp (the URL summary, a log tail). */
    synchronized void plain(String message) {
        sink.accept(message);
    }
}
