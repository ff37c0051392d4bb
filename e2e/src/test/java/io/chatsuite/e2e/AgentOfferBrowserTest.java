package io.chatsuite.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.chatsuite.e2e.support.AgentConsole.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.WaitUntilState;
import io.chatsuite.e2e.support.AgentConsole;
import io.chatsuite.e2e.support.BrowserTest;
import io.chatsuite.e2e.support.Campaigns;
import io.chatsuite.e2e.support.RunningSuite;
import io.chatsuite.e2e.support.Screenshots;
import io.chatsuite.local.run.LocalSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Offers in the agent console, in real browsers against the whole suite: a RING_ALL campaign rings both of its
 * available agents; each console shows the offer with the customer's name and language; the one who declines loses
 * it, the other keeps it, accepts, and chats with the customer, while the decliner never sees the chat; an offer
 * still ringing when the customer leaves disappears from both consoles.
 */
class AgentOfferBrowserTest extends BrowserTest {

    static final LocatorAssertions.HasCountOptions SLOW_COUNT =
            new LocatorAssertions.HasCountOptions().setTimeout(30_000);
    static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);
    /** Well below routing's offer timeout (20 s in the local run), so an expiry cannot explain what is seen. */
    static final LocatorAssertions.HasCountOptions BEFORE_EXPIRY =
            new LocatorAssertions.HasCountOptions().setTimeout(10_000);

    final List<String> pageErrors = new CopyOnWriteArrayList<>();
    final List<BrowserContext> contexts = new ArrayList<>();
    LocalSuite suite;

    @BeforeEach
    void suite() {
        suite = RunningSuite.get();
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        assertEquals(List.of(), pageErrors, "JavaScript errors in the pages");
    }

    @Test
    void bothAgentsAreOfferedTheChatBobDeclinesAliceAcceptsAndOnlyAliceGetsTheChat() {
        String campaignId = Campaigns.create(suite.accessToken("admin"), "RING_ALL", "alice", "bob");
        AgentConsole alice = availableAgent("alice");
        AgentConsole bob = availableAgent("bob");

        Page customer = openWidget(campaignId, "pt-BR", "Joana");
        Locator customerMessages = customer.getByTestId("chat-message");
        assertThat(customerMessages.first()).containsText("Olá! Um agente vai atendê-lo em breve.", SLOW);
        customer.getByTestId("chat-input").fill("Olá, a minha encomenda não chegou");
        customer.getByTestId("chat-send").click();

        // Both consoles ring with the same interaction, naming the customer and her language.
        assertThat(offersOf(alice, "Joana")).hasCount(1, SLOW_COUNT);
        assertThat(offersOf(bob, "Joana")).hasCount(1, SLOW_COUNT);
        String interactionId = offersOf(alice, "Joana").getAttribute("data-interaction-id");
        assertThat(offersOf(bob, "Joana")).hasAttribute("data-interaction-id", interactionId);
        Locator aliceOffer = offer(alice, interactionId);
        Locator bobOffer = offer(bob, interactionId);
        for (Locator offer : List.of(aliceOffer, bobOffer)) {
            assertThat(offer.locator(".offer-who")).hasText("Joana (pt)");
            assertThat(offer).containsText("ringing everyone");
            assertThat(offer.getByTestId("offer-countdown")).hasText(Pattern.compile("^\\d+ s$"));
            assertThat(offer.getByTestId("offer-accept")).hasText("Accept");
            assertThat(offer.getByTestId("offer-accept")).isEnabled();
            assertThat(offer.getByTestId("offer-decline")).isEnabled();
        }
        assertEquals(
                "RING_ALL",
                alice.awaitReceived("the offer", frame("offer", interactionId))
                        .path("strategy")
                        .asText());
        assertThat(chatItem(alice, interactionId)).hasCount(0);
        assertThat(chatItem(bob, interactionId)).hasCount(0);
        Screenshots.save(alice.page(), "offer-alice-ringing");
        Screenshots.save(bob.page(), "offer-bob-ringing");

        // Bob declines: his console tells the gateway, routing takes him out of the ring, and the gateway confirms.
        bobOffer.getByTestId("offer-decline").click();
        assertThat(bobOffer).hasCount(0);
        bob.awaitSent("the decline", frame("decline", interactionId));
        bob.awaitReceived("the withdrawal of the declined offer", frame("offer-withdrawn", interactionId));
        assertThat(bob.page().getByTestId("console-error")).isHidden();
        // Alice still holds it, answerable: routing withdrew Bob's offer only.
        assertThat(aliceOffer).hasCount(1);
        assertThat(aliceOffer.getByTestId("offer-accept")).isEnabled();
        assertTrue(
                alice.receivedAbout(interactionId).stream().noneMatch(frame("offer-withdrawn", interactionId)),
                "Alice's offer was withdrawn when Bob declined: " + alice.receivedAbout(interactionId));
        Screenshots.save(bob.page(), "offer-bob-declined");

        // Alice accepts: the offer gives way to the chat, with what the customer wrote before.
        aliceOffer.getByTestId("offer-accept").click();
        alice.awaitSent("the acceptance", frame("accept", interactionId));
        Locator aliceChat = chatItem(alice, interactionId);
        assertThat(aliceChat).containsText("Joana", SLOW);
        assertThat(aliceChat).containsText("PT");
        assertThat(aliceOffer).hasCount(0);
        aliceChat.click();
        assertThat(alice.page().locator("#conversation-title")).hasText("Joana");
        assertThat(alice.page().getByTestId("chat-status")).containsText("Active");
        assertThat(alice.page().getByTestId("chat-notice").first()).containsText("Joana was assigned to you");
        Locator aliceMessages = alice.page().getByTestId("chat-message");
        assertThat(aliceMessages.last()).containsText("a minha encomenda não chegou", SLOW);

        // The customer sees Alice join; they write both ways.
        assertThat(customer.getByTestId("chat-notice").last()).containsText("Alice Agent entrou no chat", SLOW);
        assertThat(customer.getByTestId("chat-status")).containsText("Alice Agent");
        alice.page().getByTestId("chat-input").fill("Olá Joana, qual é o número da encomenda?");
        alice.page().getByTestId("chat-send").click();
        assertThat(customerMessages.last()).containsText("qual é o número da encomenda?", SLOW);
        customer.getByTestId("chat-input").fill("É a 4711");
        customer.getByTestId("chat-send").click();
        assertThat(aliceMessages.last()).containsText("É a 4711", SLOW);
        assertThat(aliceMessages.last()).hasAttribute("data-role", "customer");
        Screenshots.save(alice.page(), "offer-alice-chatting");
        Screenshots.save(customer, "offer-customer-chatting");

        // Bob never got the chat: nothing in his list, and his socket only ever carried the offer and its withdrawal.
        assertThat(bob.page().locator("[data-interaction-id='" + interactionId + "']"))
                .hasCount(0);
        Set<String> bobFrameTypes = new TreeSet<>();
        bob.receivedAbout(interactionId)
                .forEach(f -> bobFrameTypes.add(f.path("type").asText()));
        assertEquals(
                Set.of("offer", "offer-withdrawn"),
                bobFrameTypes,
                "Bob's frames about the chat: " + bob.receivedAbout(interactionId));

        // Alice ends it, so that she is free again for the next test.
        alice.page().getByTestId("chat-end").click();
        assertThat(customer.getByTestId("chat-status")).containsText("O chat foi encerrado", SLOW);
    }

    @Test
    void anOfferStillRingingWhenTheCustomerLeavesDisappearsFromBothConsoles() {
        String campaignId = Campaigns.create(suite.accessToken("admin"), "RING_ALL", "alice", "bob");
        AgentConsole alice = availableAgent("alice");
        AgentConsole bob = availableAgent("bob");

        Page customer = openWidget(campaignId, "en-US", "Dana");
        assertThat(customer.getByTestId("chat-message").first()).containsText("Hi! An agent will be with you", SLOW);
        customer.getByTestId("chat-input").fill("Is anyone there?");
        customer.getByTestId("chat-send").click();

        assertThat(offersOf(alice, "Dana")).hasCount(1, SLOW_COUNT);
        assertThat(offersOf(bob, "Dana")).hasCount(1, SLOW_COUNT);
        String interactionId = offersOf(alice, "Dana").getAttribute("data-interaction-id");
        Locator aliceOffer = offer(alice, interactionId);
        Locator bobOffer = offer(bob, interactionId);
        assertThat(aliceOffer.locator(".offer-who")).hasText("Dana (en)");
        assertThat(bobOffer.locator(".offer-who")).hasText("Dana (en)");
        JsonNode offered = bob.awaitReceived("the offer", frame("offer", interactionId));
        assertEquals("Dana", offered.path("customer").path("name").asText());

        // The customer leaves while it rings: the offer is withdrawn from both consoles, before it could expire.
        customer.getByTestId("chat-end").click();
        assertThat(aliceOffer).hasCount(0, BEFORE_EXPIRY);
        assertThat(bobOffer).hasCount(0, BEFORE_EXPIRY);
        alice.awaitReceived("the withdrawal", frame("offer-withdrawn", interactionId));
        bob.awaitReceived("the withdrawal", frame("offer-withdrawn", interactionId));
        assertThat(customer.getByTestId("chat-status")).containsText("The chat has ended", SLOW);
        for (AgentConsole agent : List.of(alice, bob)) {
            assertThat(agent.page().locator("[data-interaction-id='" + interactionId + "']"))
                    .hasCount(0);
            assertTrue(
                    agent.sent().stream()
                            .noneMatch(f ->
                                    interactionId.equals(f.path("interactionId").asText())),
                    "a console answered the offer by itself: " + agent.sent());
        }
        Screenshots.save(alice.page(), "offer-withdrawn-alice");
    }

    // ---------------------------------------------------------------------------------------------

    /** The console's offers of the customer named so (each test has its own customer). */
    private static Locator offersOf(AgentConsole agent, String customerName) {
        return agent.page().getByTestId("offer").filter(new Locator.FilterOptions().setHasText(customerName));
    }

    /** The console's chat list entry of the interaction. */
    private static Locator chatItem(AgentConsole agent, String interactionId) {
        return agent.page().locator("[data-testid=chat-item][data-interaction-id='" + interactionId + "']");
    }

    /** The console's offer of the interaction. */
    private static Locator offer(AgentConsole agent, String interactionId) {
        return agent.page().locator("[data-testid=offer][data-interaction-id='" + interactionId + "']");
    }

    /** The agent's console, signed in, in its own browser context, and available for chats. */
    private AgentConsole availableAgent(String user) {
        AgentConsole agent = AgentConsole.open(context("en-US"), suite.urls().console(), user);
        agent.page().onPageError(error -> pageErrors.add(user + "'s console: " + error));
        assertThat(agent.page().getByTestId("presence")).hasValue("AVAILABLE");
        agent.awaitSent(
                "AVAILABLE",
                f -> "presence".equals(f.path("type").asText())
                        && "AVAILABLE".equals(f.path("status").asText()));
        return agent;
    }

    /**
     * The demo page of the campaign with its widget open. The page embeds the loader tag; a site that knows its
     * customer adds {@code data-customer-name} to that tag, as this does before the loader runs.
     */
    private Page openWidget(String campaignId, String locale, String customerName) {
        Page page = context(locale).newPage();
        page.onPageError(error -> pageErrors.add("customer page: " + error));
        page.addInitScript("""
                new MutationObserver((records, observer) => {
                  for (const record of records) {
                    for (const node of record.addedNodes) {
                      if (node.tagName === 'SCRIPT' && /\\/widget\\/loader\\.js/.test(node.src)) {
                        node.dataset.customerName = %s;
                        observer.disconnect();
                      }
                    }
                  }
                }).observe(document, { childList: true, subtree: true });
                """.formatted("'" + customerName + "'"));
        page.navigate(
                suite.urls().edge() + "/demo/?campaignId=" + campaignId,
                new Page.NavigateOptions().setWaitUntil(WaitUntilState.DOMCONTENTLOADED));
        page.getByTestId("chat-launcher").click();
        return page;
    }

    private BrowserContext context(String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale));
        contexts.add(context);
        return context;
    }
}
