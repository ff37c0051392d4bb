package io.chatsuite.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A CloudEvent 1.0 in structured JSON mode, as carried in the value of every Kafka record of the suite.
 * The data stays a JSON tree until a consumer asks for its record with {@link EventCodec#data}.
 */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
}
