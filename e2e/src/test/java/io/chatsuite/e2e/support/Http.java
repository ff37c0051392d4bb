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

/** Small JSON-over-HTTP client for the tests: Keycloak tokens and the suite's REST APIs. */
public final class Http {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    /** An access token from Keycloak's password grant of the console client (direct grants are demo-only). */
    public static String password(String oidcUrl, String user, String password) {
        String form = "grant_type=password&client_id=chat-console&scope=openid&username=" + enc(user) + "&password="
                + enc(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(oidcUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        JsonNode body = send(request, 200);
        return body.path("access_token").asText();
    }

    public static JsonNode get(String url, String token) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                200);
    }

    public static JsonNode post(String url, String token, String json, int expectedStatus) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                expectedStatus);
    }

    private static JsonNode send(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + ", expected " + expectedStatus + ": " + response.body());
            }
            return response.body().isEmpty()
                    ? EventCodec.mapper().nullNode()
                    : EventCodec.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
