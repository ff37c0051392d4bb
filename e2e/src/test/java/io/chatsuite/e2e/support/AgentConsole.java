package io.chatsuite.e2e.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketFrame;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.chatsuite.events.EventCodec;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An agent's console in a browser page, signed in through Keycloak, recording every frame its {@code /ws/agent}
 * socket sends and receives so that a test can tell what the console's buttons really told the server.
 */
public final class AgentConsole {

    private static final LocatorAssertions.ContainsTextOptions SLOW =
            new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);

    private final Page page;
    private final List<JsonNode> sent = new CopyOnWriteArrayList<>();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private AgentConsole(Page page) {
        this.page = page;
        page.onWebSocket(ws -> {
            if (ws.url().contains("/ws/agent")) {
                ws.onFrameSent(frame -> record(sent, frame));
                ws.onFrameReceived(frame -> record(received, frame));
            }
        });
    }

    /** Opens the console in a new page of {@code context} and signs {@code user} in (demo password = user name). */
    public static AgentConsole open(BrowserContext context, String consoleUrl, String user) {
        AgentConsole console = new AgentConsole(context.newPage());
        signIn(console.page, consoleUrl, user);
        return console;
    }

    /** Signs {@code user} in on the console through Keycloak and waits until its socket is online. */
    public static void signIn(Page page, String consoleUrl, String user) {
        ConsoleLogin.signIn(page, consoleUrl, user);
        assertThat(page.getByTestId("connection-status")).containsText("Online", SLOW);
    }

    public Page page() {
        return page;
    }

    /** Every frame the console sent so far. */
    public List<JsonNode> sent() {
        return List.copyOf(sent);
    }

    /** Every frame the console received so far. */
    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** The frames received so far that name {@code interactionId}. */
    public List<JsonNode> receivedAbout(String interactionId) {
        return received.stream()
                .filter(f -> interactionId.equals(f.path("interactionId").asText()))
                .toList();
    }

    /** Waits until the console has sent a frame matching {@code filter}. */
    public JsonNode awaitSent(String what, Predicate<JsonNode> filter) {
        return await(sent, "sent " + what, filter);
    }

    /** Waits until the console has received a frame matching {@code filter}. */
    public JsonNode awaitReceived(String what, Predicate<JsonNode> filter) {
        return await(received, "received " + what, filter);
    }

    /** A frame of {@code type} about {@code interactionId}. */
    public static Predicate<JsonNode> frame(String type, String interactionId) {
        return f -> type.equals(f.path("type").asText())
                && interactionId.equals(f.path("interactionId").asText());
    }

    private JsonNode await(List<JsonNode> frames, String what, Predicate<JsonNode> filter) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode f : frames) {
                if (filter.test(f)) {
                    return f;
                }
            }
            // Playwright delivers the socket events while the test thread is inside one of its calls.
            page.waitForTimeout(100);
        }
        throw new AssertionError("The console never " + what + "; sent " + sent + ", received " + received);
    }

    private static void record(List<JsonNode> frames, WebSocketFrame frame) {
        String text = frame.text();
        if (text == null) {
            return;
        }
        try {
            frames.add(EventCodec.mapper().readTree(text));
        } catch (IOException e) {
            throw new AssertionError("A console frame that is not JSON: " + text, e);
        }
    }
}
