package io.chatsuite.campaigns.security;

import static io.chatsuite.campaigns.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chatsuite.campaigns.Api;
import io.chatsuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint × role (admin, supervisor, agent, no token) × group (the resource's own group, another group).
 * "own" for an agent means a member of the campaign and the owner of the profile. Expected answers: a status,
 * and for listings {@code 200+} (the resource is listed) or {@code 200-} (it is not).
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final List<String> CALLERS = List.of(
            "admin/own", "admin/other", "supervisor/own", "supervisor/other", "agent/own", "agent/other", "none");

    static final String[][] MATRIX = {
        // endpoint                                   admin own/other  supervisor own/other  agent own/other  none
        {"POST /api/campaigns", "201", "403", "403", "403", "403", "403", "401"},
        {"GET /api/campaigns", "200+", "200-", "200+", "200-", "200+", "200-", "401"},
        {"GET /api/campaigns/{id}", "200", "404", "200", "404", "200", "404", "401"},
        {"PUT /api/campaigns/{id}", "200", "404", "403", "403", "403", "403", "401"},
        {"DELETE /api/campaigns/{id}", "204", "404", "403", "403", "403", "403", "401"},
        {"GET /api/campaigns/{id}/messages/welcome", "200", "404", "200", "404", "200", "404", "401"},
        // A preview of an unsaved form reads no stored data: any signed-in role, whatever its groups.
        {"POST /api/campaigns/messages/preview", "200", "200", "200", "200", "200", "200", "401"},
        {"GET /api/agent-profiles", "200+", "200-", "200+", "200-", "200+", "200-", "401"},
        {"GET /api/agent-profiles/{agent}", "200", "404", "200", "404", "200", "404", "401"},
        // The profile exists, managed by a group the other admin is not in: a conflict, never a takeover.
        {"PUT /api/agent-profiles/{agent}", "200", "409", "403", "403", "403", "403", "401"},
        {"DELETE /api/agent-profiles/{agent}", "204", "404", "403", "403", "403", "403", "401"},
    };

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String[] row : MATRIX) {
            for (int i = 0; i < CALLERS.size(); i++) {
                cases.add(Arguments.of(row[0], CALLERS.get(i), row[i + 1]));
            }
        }
        return cases.stream();
    }

    /** A campaign and a profile in a group of their own, with one agent who is a member and the profile's owner. */
    record Fixture(
            String group,
            String otherGroup,
            String agent,
            String campaignId,
            String campaignName,
            String campaignEtag) {

        static Fixture create() {
            String group = Api.group("own");
            String agent = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
            String name = Api.unique("Matrix");
            Api.Created c = Api.create(TestTokens.admin(group), Api.campaign(name, group, agent));
            as(TestTokens.admin(group))
                    .body(profile(group))
                    .put("/api/agent-profiles/" + agent)
                    .then()
                    .statusCode(201);
            return new Fixture(group, Api.group("other"), agent, c.id(), name, c.etag());
        }
    }

    static String profile(String group) {
        return "{\"displayName\":\"M\",\"capacity\":2,\"securityGroups\":[\"" + group + "\"]}";
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("cases")
    void everyEndpointAnswersEveryCallerAsTheMatrixSays(String endpoint, String caller, String expected) {
        Fixture f = Fixture.create();
        String token = token(caller, f);
        Response response = call(endpoint, as(token), f);
        int status = Integer.parseInt(expected.substring(0, 3));
        assertEquals(status, response.statusCode(), endpoint + " as " + caller + ": " + response.asString());
        if (status >= 400 && status != 401) {
            assertEquals("application/problem+json", response.contentType(), endpoint + " as " + caller);
        }
        if (expected.length() == 4) {
            String id = endpoint.contains("agent-profiles") ? f.agent() : f.campaignId();
            List<String> listed =
                    response.jsonPath().getList(endpoint.contains("agent-profiles") ? "items.agentId" : "items.id");
            assertEquals(expected.endsWith("+"), listed.contains(id), endpoint + " as " + caller + " lists " + listed);
        }
    }

    @Test
    void anAgentOfTheGroupWhoIsNotAMemberSeesNeitherTheCampaignNorAnotherAgentsProfile() {
        Fixture f = Fixture.create();
        String outsider = TestTokens.agent("not-a-member", f.group());
        as(outsider).get("/api/campaigns/" + f.campaignId()).then().statusCode(404);
        as(outsider)
                .get("/api/campaigns/" + f.campaignId() + "/messages/welcome")
                .then()
                .statusCode(404);
        as(outsider).get("/api/agent-profiles/" + f.agent()).then().statusCode(404);
        assertEquals(
                0,
                as(outsider)
                        .get("/api/campaigns")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<Integer>path("total"));
    }

    static String token(String caller, Fixture f) {
        if (caller.equals("none")) {
            return null;
        }
        String group = caller.endsWith("/own") ? f.group() : f.otherGroup();
        return switch (caller.substring(0, caller.indexOf('/'))) {
            case "admin" -> TestTokens.admin(group);
            case "supervisor" -> TestTokens.supervisor(group);
            case "agent" -> TestTokens.agent(f.agent(), group);
            default -> throw new IllegalArgumentException(caller);
        };
    }

    static Response call(String endpoint, RequestSpecification request, Fixture f) {
        String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("{id}", f.campaignId())
                .replace("{agent}", f.agent());
        return switch (endpoint) {
            case "POST /api/campaigns" ->
                request.body(Api.campaign(Api.unique("New"), f.group())).post(path);
            case "PUT /api/campaigns/{id}" ->
                request.header("If-Match", f.campaignEtag())
                        .body(Api.campaign(f.campaignName() + " v2", f.group(), f.agent()))
                        .put(path);
            case "POST /api/campaigns/messages/preview" -> request.body("""
                    {"messages":{"welcome":{"en":"Hi"}},"defaultLanguage":"en","kind":"welcome","language":"en"}""").post(path);
            case "PUT /api/agent-profiles/{agent}" ->
                request.header("If-Match", "\"0\"").body(profile(f.group())).put(path);
            default -> endpoint.startsWith("DELETE") ? request.delete(path) : request.get(path);
        };
    }
}
