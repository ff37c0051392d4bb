package io.chatsuite.helm;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** helm lint passes on every chart with good values; the values schemas refuse bad ones with a clear message. */
class ChartLintTest {

    @ParameterizedTest
    @EnumSource(Charts.Example.class)
    void umbrellaChartLintsWithTheExampleValues(Charts.Example example) {
        HelmTools.Result r = HelmTools.helm(
                Charts.workspace(),
                "lint",
                Charts.UMBRELLA,
                "--strict",
                "-f",
                Charts.example(example).toString());
        System.out.println(
                "[helm lint " + example.file + "] " + r.output().strip().replace('\n', ' '));
        assertTrue(r.ok(), r.output());
    }

    static Stream<String> services() {
        return Charts.SERVICES.stream();
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceChartLintsAlone(String service) {
        HelmTools.Result r = HelmTools.helm(
                Charts.workspace(),
                "lint",
                service,
                "--strict",
                "--set",
                "global.kafka.bootstrapServers=kafka:9092,global.oidc.issuerUrl=https://sso.example.com/realms/chat,"
                        + "global.publicUrl=https://chat.example.com,global.sessionSecret.existingSecret=session,"
                        + "database.host=postgres,database.existingSecret=db");
        assertTrue(r.ok(), r.output());
    }

    @Test
    void schemaRefusesEveryWrongValue() {
        Path bad = HelmTools.CHARTS.resolve("src/test/resources/values/bad.yaml");
        HelmTools.Result r =
                HelmTools.helm(Charts.workspace(), "template", Charts.RELEASE, Charts.UMBRELLA, "-f", bad.toString());
        System.out.println("[helm template bad.yaml] " + r.output().strip());
        assertFalse(r.ok(), "the schema let bad values through:\n" + r.output());
        assertAll(Stream.of(
                        "global.publicUrl",
                        "global.kafka.bootstrapServers",
                        "global.kafka.securityProtocol",
                        "global.oidc.issuerUrl",
                        "global.sessionSecret.existingSecret",
                        "ingress.host",
                        "kafka.topics.mode",
                        "replicaCount: Invalid type",
                        "database.sslMode")
                .map(field -> () -> assertTrue(r.output().contains(field), "no message about " + field)));
        assertFalse(HelmTools.helm(Charts.workspace(), "lint", Charts.UMBRELLA, "-f", bad.toString())
                .ok());
    }

    @Test
    void verifiedDatabaseTlsNeedsTheServersCa() {
        HelmTools.Result r = HelmTools.helm(
                Charts.workspace(),
                "template",
                Charts.RELEASE,
                Charts.UMBRELLA,
                "-f",
                Charts.example(Charts.Example.MINIMAL).toString(),
                "--set",
                "campaign-service.database.sslMode=verify-full");
        assertFalse(r.ok());
        assertTrue(r.output().contains("database.sslMode verify-full needs database.tls.caSecret"), r.output());
    }

    @Test
    void installWithoutTheRequiredValuesFailsAndSaysWhich() {
        HelmTools.Result r = HelmTools.helm(Charts.workspace(), "template", Charts.RELEASE, Charts.UMBRELLA);
        assertFalse(r.ok());
        assertAll(Stream.of("global.kafka.bootstrapServers", "global.sessionSecret.existingSecret")
                .map(field -> () -> assertTrue(r.output().contains(field), r.output())));
    }
}
