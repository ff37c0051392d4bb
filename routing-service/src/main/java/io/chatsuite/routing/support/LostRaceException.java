package io.chatsuite.routing.support;

/** A guarded update found the row changed by a concurrent transaction; the work is rolled back and retried. */
public class LostRaceException extends RuntimeException {

    public LostRaceException(String message) {
        super(message, null, false, false);
    }
}
