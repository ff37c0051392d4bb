package io.chatsuite.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.local.infra.SuiteTopics;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The chart creates every topic the services use, compacted where the local run compacts it. */
class KafkaTopicsTest {

    private static final JsonNode TOPICS =
            Charts.readYaml(HelmTools.CHARTS.resolve("chat-suite/values.yaml")).at("/kafka/topics/list");

    @Test
    void everyTopicAServiceNamesIsCreated() {
        Set<String> created = names(false);
        Set<String> used = new TreeSet<>();
        Charts.SERVICES.forEach(s -> used.addAll(ServiceProperties.of(s).topics()));
        used.removeAll(created);
        assertTrue(used.isEmpty(), "topics the chart does not create: " + used);
        assertTrue(created.containsAll(staticSet("ALL")), "the local run's topics: " + staticSet("ALL"));
    }

    @Test
    void compactionAsTheLocalRunHasIt() {
        assertEquals(new TreeSet<>(staticSet("COMPACTED")), names(true));
    }

    @Test
    void strimziModeRendersAKafkaTopicPerTopic() {
        List<JsonNode> topics = Charts.ofKind(Charts.manifests(Charts.Example.OPERATORS), "KafkaTopic");
        Set<String> rendered = new TreeSet<>();
        for (JsonNode t : topics) {
            rendered.add(t.at("/spec/topicName").asText());
            assertEquals(
                    "chat-kafka", t.at("/metadata/labels/strimzi.io~1cluster").asText());
            assertEquals(
                    names(true).contains(t.at("/spec/topicName").asText()),
                    "compact".equals(t.at("/spec/config/cleanup.policy").asText()));
        }
        assertEquals(names(false), rendered);
    }

    @Test
    void jobModeCreatesEveryTopicBeforeInstallAndUpgrade() {
        JsonNode job =
                Charts.ofKind(Charts.manifests(Charts.Example.MINIMAL), "Job").get(0);
        assertEquals(
                "pre-install,pre-upgrade",
                job.at("/metadata/annotations/helm.sh~1hook").asText());
        String script = job.at("/spec/template/spec/containers/0/args/0").asText();
        for (String topic : names(false)) {
            assertTrue(script.contains("create \"" + topic + "\""), topic);
        }
        assertTrue(script.contains("create \"campaigns\" 6 1 \"--config cleanup.policy=compact\""), script);
    }

    private static Set<String> names(boolean compactedOnly) {
        Set<String> names = new TreeSet<>();
        TOPICS.forEach(t -> {
            if (!compactedOnly || t.path("compacted").asBoolean()) {
                names.add(t.path("name").asText());
            }
        });
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> staticSet(String field) {
        try {
            Field f = SuiteTopics.class.getDeclaredField(field);
            f.setAccessible(true);
            return (Collection<String>) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
