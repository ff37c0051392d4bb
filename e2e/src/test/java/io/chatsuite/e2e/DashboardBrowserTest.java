package io.chatsuite.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.chatsuite.e2e.support.BrowserTest;
import io.chatsuite.e2e.support.Campaigns;
import io.chatsuite.e2e.support.ConsoleLogin;
import io.chatsuite.e2e.support.JsonSocket;
import io.chatsuite.e2e.support.RunningSuite;
import io.chatsuite.e2e.support.Screenshots;
import io.chatsuite.local.run.LocalSuite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The supervisor's live dashboard in a real browser against the whole suite: the supervisor signs in through
 * Keycloak and opens the dashboard; a customer (a WebSocket client) starts a chat and the waiting count and the
 * ticking longest wait appear without a reload; an agent comes online, gets the chat, and the answered count,
 * the service level and the busy agents follow, pushed by routing-service's event stream.
 */
class DashboardBrowserTest extends BrowserTest {

    static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);
    static final LocatorAssertions.HasTextOptions SLOW_EXACT =
            new LocatorAssertions.HasTextOptions().setTimeout(30_000);
    static final List<String> pageErrors = new ArrayList<>();

    @Test
    void theDashboardShowsTheQueueAndTheAnswerLiveWithoutReloading() throws Exception {
        LocalSuite suite = RunningSuite.get();
        String campaignId = Campaigns.create(suite.accessToken("admin"), "bob");
        String ws = RunningSuite.edgeWs();

        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"));
        try {
            Page page = context.newPage();
            page.onPageError(error -> pageErrors.add(page.url() + ": " + error));
            page.onConsoleMessage(m -> System.out.println("[browser] " + m.type() + ": " + m.text()));
            try {
                signInAndWatch(page, suite, campaignId, ws);
            } catch (RuntimeException | AssertionError e) {
                System.out.println("[browser] failed on " + page.url() + ":\n" + page.content());
                Screenshots.save(page, "dashboard-failure");
                throw e;
            }
        } finally {
            context.close();
        }
        assertEquals(List.of(), pageErrors, "JavaScript errors in the page");
    }

    private static void signInAndWatch(Page page, LocalSuite suite, String campaignId, String ws) throws Exception {
        ConsoleLogin.signIn(page, suite.urls().edge() + "/console/dashboard.html", "supervisor");
        assertThat(page.getByTestId("dashboard-status")).containsText("Live", SLOW);

        Locator card = page.locator("[data-testid=sl-card][data-campaign-id='" + campaignId + "']");
        assertThat(card.getByTestId("waiting")).hasText("0", SLOW_EXACT);
        assertThat(card.getByTestId("sl-today")).hasText("—");
        assertThat(card.getByTestId("agents-busy")).hasText("0");
        // Marks the page: a reload would lose it, so the checks below prove the updates were pushed.
        page.evaluate("window.__notReloaded = true");

        try (JsonSocket customer =
                JsonSocket.customer(ws, campaignId, suite.urls().edge())) {
            customer.send("{\"type\":\"hello\",\"language\":\"en\",\"name\":\"Dana\"}");
            String interactionId =
                    customer.awaitType("session").path("interactionId").asText();
            // The gateway asks routing for an agent with the customer's first message.
            customer.send("{\"type\":\"message\",\"clientId\":\"c-1\",\"text\":\"Hello, anyone there?\"}");
            customer.awaitType("ack");

            assertThat(card.getByTestId("waiting")).hasText("1", SLOW_EXACT);
            assertThat(card.getByTestId("staffing-hint")).containsText("1 arrivals in the last hour", SLOW);
            // The longest wait ticks in the page between pushes.
            String firstWait = card.getByTestId("longest-wait").textContent();
            page.waitForTimeout(2_200);
            assertNotEquals(firstWait, card.getByTestId("longest-wait").textContent(), "the wait should tick");
            Screenshots.save(page, "dashboard-waiting");

            try (JsonSocket agent = JsonSocket.agent(ws, suite.accessToken("bob"))) {
                agent.awaitType("hello");
                agent.send("{\"type\":\"presence\",\"status\":\"AVAILABLE\"}");
                agent.await(
                        f -> "assigned".equals(f.path("type").asText())
                                && interactionId.equals(f.path("interactionId").asText()),
                        Duration.ofSeconds(30));

                assertThat(card.getByTestId("waiting")).hasText("0", SLOW_EXACT);
                assertThat(card.getByTestId("answered-today")).hasText("1", SLOW_EXACT);
                assertThat(card.getByTestId("sl-today")).hasText("100.0 %", SLOW_EXACT);
                assertThat(card.getByTestId("sl-last-hour")).hasText("100.0 %", SLOW_EXACT);
                assertThat(card.getByTestId("agents-busy")).hasText("1", SLOW_EXACT);
                assertThat(card.getByTestId("longest-wait")).hasText("0:00", SLOW_EXACT);
                assertThat(card.getByTestId("sl-chart").locator("rect.bar-met")).hasCount(1);
                Screenshots.save(page, "dashboard-answered");
            }
        }
        assertEquals(true, page.evaluate("window.__notReloaded === true"), "the page was reloaded");
    }
}
