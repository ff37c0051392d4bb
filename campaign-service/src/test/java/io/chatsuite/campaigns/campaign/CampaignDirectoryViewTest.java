package io.chatsuite.campaigns.campaign;

import static io.chatsuite.campaigns.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatsuite.campaigns.Api;
import io.chatsuite.commons.campaigns.CampaignDirectory;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * What every other service sees of this service's changes: the shared {@link CampaignDirectory}, fed from the
 * campaigns topic (enabled in this module's tests), takes each update and forgets deleted campaigns.
 */
@QuarkusTest
class CampaignDirectoryViewTest {

    static final String ADMIN = TestTokens.admin("sales");

    @Inject
    CampaignDirectory directory;

    @Test
    void anUpdateReplacesTheCampaignAndADeletionRemovesIt() {
        String name = Api.unique("Directory");
        Api.Created c = Api.create(ADMIN, Api.campaign(name, "sales", "alice"));
        CampaignUpserted created =
                await(c.id(), o -> o.isPresent() && o.get().version() == 0).orElseThrow();
        assertEquals(name, created.name());

        String etag = as(ADMIN)
                .header("If-Match", c.etag())
                .body(Api.campaign(name + " v2", "sales", "bob")
                        .replace("https://shop.example.com", "https://new.example.com"))
                .put("/api/campaigns/" + c.id())
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        CampaignUpserted updated =
                await(c.id(), o -> o.isPresent() && o.get().version() == 1).orElseThrow();
        assertEquals(name + " v2", updated.name());
        assertEquals(List.of("bob"), updated.agentMembers());
        assertEquals(List.of("https://new.example.com"), updated.allowedOrigins());

        as(ADMIN)
                .header("If-Match", etag)
                .delete("/api/campaigns/" + c.id())
                .then()
                .statusCode(204);
        assertTrue(await(c.id(), Optional::isEmpty).isEmpty());
        assertTrue(directory.all().stream().noneMatch(x -> x.campaignId().equals(c.id())));
    }

    private Optional<CampaignUpserted> await(String id, Predicate<Optional<CampaignUpserted>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<CampaignUpserted> now = directory.find(id);
            if (done.test(now)) {
                return now;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(
                "The directory never reached the expected state for " + id + ": " + directory.find(id));
    }
}
