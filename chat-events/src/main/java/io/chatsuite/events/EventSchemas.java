package io.chatsuite.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates events against the contract's JSON Schemas: the envelope, then the data of its type.
 * Needs {@code com.networknt:json-schema-validator} on the classpath (service-commons brings it: consumers
 * validate what they read; producers' tests validate what they write).
 */
public final class EventSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {}

    /** The violations of a record value as read from a topic; empty when it conforms. */
    public static List<String> violations(String topic, String recordValue) {
        JsonNode tree;
        try {
            tree = EventCodec.mapper().readTree(recordValue);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        schema("schemas/cloudevent.json").validate(tree).forEach(m -> problems.add("envelope: " + m.getMessage()));
        String type = tree.path("type").asText();
        EventType.of(type)
                .ifPresentOrElse(
                        t -> {
                            if (!t.topic().equals(topic)) {
                                problems.add(type + " does not belong on topic " + topic + " but on " + t.topic());
                            }
                            problems.addAll(dataViolations(t, tree.path("data")));
                        },
                        () -> problems.add("unknown event type '" + type + "'"));
        return problems;
    }

    /** The violations of an event's {@code data} against the schema of its type; empty when it conforms. */
    public static List<String> dataViolations(EventType type, JsonNode data) {
        List<String> problems = new ArrayList<>();
        for (ValidationMessage m : schema(type.schemaResource()).validate(data)) {
            problems.add(type.type() + ": " + m.getMessage());
        }
        return problems;
    }

    private static JsonSchema schema(String resource) {
        return CACHE.computeIfAbsent(resource, r -> {
            try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(r)) {
                if (in == null) {
                    throw new IllegalStateException("Missing schema " + r);
                }
                return FACTORY.getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
