package io.chatsuite.local.run;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Lets the startup steps stop early once the suite is being closed (a Ctrl-C while it starts). */
final class Cancellation {

    private volatile boolean cancelled;

    void cancel() {
        cancelled = true;
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link LocalSuite.CancelledException} once the suite is being closed. */
    void check() {
        if (cancelled) {
            throw new LocalSuite.CancelledException();
        }
    }

    /** Sleeps between polls; an interrupt is a cancellation. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalSuite.CancelledException();
        }
    }

    /** Waits for a startup step run in parallel and rethrows its failure as it was. */
    static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalSuite.CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new StartupException(cause.toString(), cause);
        }
    }
}
