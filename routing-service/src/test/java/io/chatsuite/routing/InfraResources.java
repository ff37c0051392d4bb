package io.chatsuite.routing;

import io.chatsuite.testing.KafkaTestResource;
import io.chatsuite.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The real infrastructure every test of this module runs against: one broker and one PostgreSQL per JVM. */
@QuarkusTestResource(value = KafkaTestResource.class, parallel = true)
@QuarkusTestResource(
        value = PostgresTestResource.class,
        parallel = true,
        initArgs = @ResourceArg(name = "database", value = "routing"))
@QuarkusTestResource(value = OidcWiremockTestResource.class, parallel = true)
public final class InfraResources {
    private InfraResources() {}
}
