package io.chatsuite.commons.messaging;

import io.chatsuite.events.CloudEvent;
import io.smallrye.mutiny.Uni;

/**
 * Applies one consumed event. A failure is retried until it succeeds, unless it is an
 * {@link UnprocessableEventException} (or another failure that {@link Failures#isContentError} recognises): then the
 * record goes to the dead-letter topic.
 */
@FunctionalInterface
public interface EventHandler {

    Uni<?> apply(CloudEvent event, Record data);
}
