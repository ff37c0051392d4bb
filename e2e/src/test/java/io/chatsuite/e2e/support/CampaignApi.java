package io.chatsuite.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatsuite.events.EventCodec;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** The campaign REST API through the edge, as the admin pages' browser tests need it: status codes and ETags too. */
public final class CampaignApi {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response: status, parsed body (null node when empty) and ETag header. */
    public record Reply(int status, JsonNode body, String etag) {}

    private final String base;
    private final String token;

    public CampaignApi(String edgeUrl, String token) {
        this.base = edgeUrl + "/api/campaigns";
        this.token = token;
    }

    /** Creates a minimal campaign (always open, no messages) and returns its id. */
    public String create(String name, String group) {
        String body = """
                {"name":"%s","securityGroup":"%s","strategy":"LONGEST_IDLE","serviceLevelSeconds":20,
                 "defaultLanguage":"en","messages":{"welcome":{"en":"Hello from %s"}},"agentMembers":["alice"]}""".formatted(name, group, name);
        Reply reply = send(request(base).POST(HttpRequest.BodyPublishers.ofString(body)));
        expect(reply, 201, "create " + name);
        return reply.body().path("id").asText();
    }

    public Reply get(String id) {
        return send(request(base + "/" + id).GET());
    }

    /** The campaign of the caller's groups named exactly {@code name}, if any. */
    public Optional<JsonNode> findByName(String name) {
        Reply reply = send(request(base + "?size=100&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8))
                .GET());
        expect(reply, 200, "list");
        JsonNode items = reply.body().isArray() ? reply.body() : reply.body().path("items");
        for (JsonNode item : items) {
            if (name.equals(item.path("name").asText())) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    /** Replaces a campaign with If-Match: the ETag read before. */
    public Reply put(String id, String json, String ifMatch) {
        return send(
                request(base + "/" + id).header("If-Match", ifMatch).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static void expect(Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new AssertionError(
                    what + " answered " + reply.status() + ", expected " + status + ": " + reply.body());
        }
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    private static Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty()
                    ? EventCodec.mapper().nullNode()
                    : EventCodec.mapper().readTree(response.body());
            return new Reply(
                    response.statusCode(),
                    body,
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new AssertionError("campaign API call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
