package io.chatsuite.commons.messaging;

/**
 * A record that can never be applied, whatever the state of the infrastructure: unreadable, not valid against its
 * schema, or refused by the handler for what it says. The pipeline sends it to the dead-letter topic.
 */
public class UnprocessableEventException extends RuntimeException {

    private final String reason;

    public UnprocessableEventException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public UnprocessableEventException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** A short, stable word for metrics: {@code unreadable}, {@code schema-invalid}, {@code refused}. */
    public String reason() {
        return reason;
    }
}
