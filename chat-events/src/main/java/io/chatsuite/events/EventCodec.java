package io.chatsuite.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes and reads CloudEvents in structured JSON mode. One mapper for the whole suite so that every producer
 * writes the same shape (ISO-8601 times, no nulls) and every consumer tolerates fields added later.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventCodec() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Wraps {@code data} in a new envelope with a random id. */
    public static CloudEvent wrap(String source, String subject, Record data) {
        return wrap(UUID.randomUUID().toString(), source, subject, data, Instant.now());
    }

    /** Wraps {@code data} with a caller-chosen id: retries of one logical event keep the same id. */
    public static CloudEvent wrap(String id, String source, String subject, Record data, Instant time) {
        EventType type = EventType.ofData(data);
        return new CloudEvent(
                CloudEvent.SPEC_VERSION,
                id,
                source,
                type.type(),
                subject,
                OffsetDateTime.ofInstant(time, ZoneOffset.UTC),
                CloudEvent.JSON,
                MAPPER.valueToTree(data));
    }

    public static String encode(CloudEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode event " + event.id(), e);
        }
    }

    /** Reads an envelope; throws {@link MalformedEventException} when the value is not a CloudEvent. */
    public static CloudEvent decode(String json) {
        try {
            CloudEvent event = MAPPER.readValue(json, CloudEvent.class);
            if (event.id() == null || event.type() == null || !CloudEvent.SPEC_VERSION.equals(event.specversion())) {
                throw new MalformedEventException("Not a CloudEvent 1.0: " + abbreviate(json));
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Unreadable event: " + abbreviate(json), e);
        }
    }

    /** The data of {@code event} as the record of its type. */
    public static <T extends Record> T data(CloudEvent event, Class<T> dataClass) {
        try {
            return MAPPER.treeToValue(event.data(), dataClass);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Event " + event.id() + " has unreadable data for " + event.type(), e);
        }
    }

    /** The data of {@code event} as the record its type names. */
    public static Record data(CloudEvent event) {
        EventType type = EventType.of(event.type())
                .orElseThrow(() -> new MalformedEventException("Unknown event type " + event.type()));
        return data(event, type.dataClass());
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    /** An event that cannot be read; consumers log it and move on rather than block their partition. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }

        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
