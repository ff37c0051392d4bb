package io.chatsuite.local.run;

/** A port the local run needs is taken by another process; the message says which and what to do. */
public class PortConflictException extends IllegalStateException {
    public PortConflictException(String message) {
        super(message);
    }
}
