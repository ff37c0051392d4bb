package io.chatsuite.routing;

import io.chatsuite.commons.campaigns.CampaignDirectory;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test that drives routing-service through its real broker with a {@link Suite}, a fresh one per test. */
public abstract class SuiteTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrap;

    @Inject
    protected CampaignDirectory directory;

    protected Suite suite;

    @BeforeEach
    void connectSuite() {
        suite = new Suite(bootstrap, directory);
    }

    @AfterEach
    void closeSuite() {
        suite.close();
    }
}
