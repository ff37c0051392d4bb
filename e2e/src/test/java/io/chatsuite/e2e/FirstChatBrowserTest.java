package io.chatsuite.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.chatsuite.e2e.support.AgentConsole;
import io.chatsuite.e2e.support.BrowserTest;
import io.chatsuite.e2e.support.Campaigns;
import io.chatsuite.e2e.support.Http;
import io.chatsuite.e2e.support.RunningSuite;
import io.chatsuite.e2e.support.Screenshots;
import io.chatsuite.local.run.LocalSuite;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first chat as users live it, in a real browser: an admin creates a campaign with a Keycloak token; a
 * customer opens the demo website in Spanish and writes in the widget; an agent logs in to the console through
 * Keycloak, gets the chat, and they talk; the agent ends it; a supervisor reads the transcript.
 */
class FirstChatBrowserTest extends BrowserTest {

    static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);
    static final List<String> pageErrors = new ArrayList<>();

    @Test
    void customerAndAgentChatFromTheDemoPageToTheConsoleAndTheSupervisorReadsTheTranscript() throws Exception {
        LocalSuite suite = RunningSuite.get();
        String campaignId = Campaigns.create(suite.accessToken("admin"), "alice");

        BrowserContext agentContext = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"));
        BrowserContext customerContext = browser.newContext(new Browser.NewContextOptions().setLocale("es-ES"));
        try {
            Page agent = watched(agentContext.newPage());
            AgentConsole.signIn(agent, suite.urls().console(), "alice");
            assertThat(agent.getByTestId("agent-name")).containsText("Alice", SLOW);

            Page customer = watched(customerContext.newPage());
            customer.navigate(
                    suite.urls().edge() + "/demo/?campaignId=" + campaignId,
                    new Page.NavigateOptions()
                            .setWaitUntil(com.microsoft.playwright.options.WaitUntilState.DOMCONTENTLOADED));
            customer.getByTestId("chat-launcher").click();
            Locator customerMessages = customer.locator("[data-testid=chat-message]");
            assertThat(customerMessages.first()).containsText("¡Hola! Un agente te atenderá enseguida.", SLOW);

            customer.getByTestId("chat-input").fill("Hola, quiero cambiar mi pedido");
            customer.getByTestId("chat-send").click();

            agent.getByTestId("chat-item").first().waitFor();
            agent.getByTestId("chat-item").first().click();
            assertThat(agent.getByTestId("chat-message").last()).containsText("quiero cambiar mi pedido", SLOW);

            assertThat(agent.getByTestId("chat-message").first()).containsText("Un agente te atenderá", SLOW);
            agent.getByTestId("chat-input").fill("Claro, ¿cuál es el número de pedido?");
            agent.getByTestId("chat-send").click();
            assertThat(customerMessages.last()).containsText("¿cuál es el número de pedido?", SLOW);

            customer.getByTestId("chat-input").fill("Es el 4711");
            customer.getByTestId("chat-send").click();
            assertThat(agent.getByTestId("chat-message").last()).containsText("4711", SLOW);

            agent.getByTestId("chat-end").click();
            assertThat(customer.getByTestId("chat-status")).containsText("El chat ha terminado", SLOW);
            Screenshots.save(customer, "customer-ended");
            Screenshots.save(agent, "agent-ended");
        } finally {
            agentContext.close();
            customerContext.close();
        }
        assertEquals(List.of(), pageErrors, "JavaScript errors in the pages");

        String supervisorToken = suite.accessToken("supervisor");
        JsonNode transcript = awaitEndedRecording(suite, supervisorToken, campaignId);
        List<String> texts = new ArrayList<>();
        transcript.path("transcript").forEach(m -> texts.add(m.path("text").asText()));
        assertEquals(
                List.of("Hola, quiero cambiar mi pedido", "Claro, ¿cuál es el número de pedido?", "Es el 4711"), texts);
        assertEquals("alice", transcript.path("agentId").asText());
    }

    private static JsonNode awaitEndedRecording(LocalSuite suite, String token, String campaignId)
            throws InterruptedException {
        String base = suite.urls().edge() + "/api/recordings/interactions";
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode last = null;
        while (System.currentTimeMillis() < deadline) {
            JsonNode page = Http.get(base + "?campaignId=" + campaignId, token);
            JsonNode items = page.isArray() ? page : page.path("items");
            if (items.size() == 1) {
                last = Http.get(base + "/" + items.get(0).path("id").asText(), token);
                if (last.path("transcript").size() == 3
                        && !last.path("endedAt").isMissingNode()
                        && !last.path("endedAt").isNull()) {
                    return last;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("The supervisor never saw the ended transcript; last read: " + last);
    }

    private static Page watched(Page page) {
        page.onPageError(error -> pageErrors.add(page.url() + ": " + error));
        return page;
    }
}
