package io.chatsuite.local.run;

/** A part of the local run failed to start; the message holds the reason and, for processes, their log's tail. */
public class StartupException extends IllegalStateException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
