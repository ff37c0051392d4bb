package io.chatsuite.commons.messaging;

import io.chatsuite.events.EventCodec;
import io.vertx.pgclient.PgException;

/** Tells a failure caused by what a record says (applying it again cannot succeed) from a transient one. */
public final class Failures {

    private Failures() {}

    /**
     * True for failures of content: unreadable or invalid events, programming errors that the same input repeats
     * (null where a value is required, a bad cast or index), and PostgreSQL data exceptions and constraint
     * violations (SQLSTATE classes 22 and 23). Everything else (a database or broker that cannot be reached, a
     * timeout, a shutdown) is the infrastructure's, and retrying it will succeed once the infrastructure is back.
     */
    public static boolean isContentError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnprocessableEventException
                    || t instanceof EventCodec.MalformedEventException
                    || t instanceof IllegalArgumentException
                    || t instanceof NullPointerException
                    || t instanceof ClassCastException
                    || t instanceof IndexOutOfBoundsException) {
                return true;
            }
            if (t instanceof PgException pg
                    && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /** The metrics word for a content failure. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnprocessableEventException u) {
                return u.reason();
            }
        }
        return "refused";
    }
}
