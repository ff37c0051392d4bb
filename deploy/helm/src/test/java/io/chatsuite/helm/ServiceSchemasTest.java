package io.chatsuite.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The five service charts share one values shape (the library chart renders them all), so their schemas must stay
 * the same: a field added to one and forgotten in another would be refused or let through depending on the service.
 */
class ServiceSchemasTest {

    @Test
    void serviceChartSchemasAreTheSameButForTheirTitle() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode first = null;
        for (String service : Charts.SERVICES) {
            ObjectNode schema = (ObjectNode) json.readTree(HelmTools.CHARTS
                    .resolve(service)
                    .resolve("values.schema.json")
                    .toFile());
            assertEquals(service + " values", schema.remove("title").asText());
            if (first == null) {
                first = schema;
            } else {
                assertEquals(first, schema, service + "'s schema differs from " + Charts.SERVICES.get(0) + "'s");
            }
        }
    }
}
