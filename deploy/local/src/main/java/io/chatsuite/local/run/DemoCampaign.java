package io.chatsuite.local.run;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.time.Duration;

/** Makes sure the "Demo" campaign of security group {@code sales} exists, through the edge as the console would. */
final class DemoCampaign {

    static final String NAME = "Demo";
    static final String GROUP = "sales";

    private DemoCampaign() {}

    /** The id of the existing or newly created demo campaign. */
    static String ensure(String edgeUrl, String adminToken, Duration timeout, Cancellation cancel) {
        String url = edgeUrl + "/api/campaigns";
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        // The services fetch Keycloak's keys on their first authenticated request, and campaign-service may
        // still be settling: retry transient answers for a while.
        while (System.nanoTime() < deadline) {
            cancel.check();
            try {
                // The listing is paged ({"items": [...], "total": n}); filter it down to the demo's name and group.
                Http.Response list =
                        Http.get(url + "?name=" + NAME + "&securityGroup=" + GROUP + "&size=100", adminToken);
                if (list.status() == 200) {
                    for (Object o : new JsonObject(list.body()).getJsonArray("items", new JsonArray())) {
                        JsonObject c = (JsonObject) o;
                        if (NAME.equals(c.getString("name")) && GROUP.equals(c.getString("securityGroup"))) {
                            return c.getString("id");
                        }
                    }
                    Http.Response created =
                            Http.postJson(url, adminToken, body(edgeUrl).encode());
                    if (created.status() == 201 || created.status() == 200) {
                        return new JsonObject(created.body()).getString("id");
                    }
                    last = "POST " + url + " answered " + created.status() + ": " + created.body();
                    if (created.status() != 409 && created.status() < 500) {
                        break;
                    }
                } else {
                    last = "GET " + url + " answered " + list.status() + ": " + list.body();
                }
            } catch (IOException | RuntimeException e) {
                last = e.toString();
            }
            Cancellation.sleep(500);
        }
        throw new StartupException("Cannot create the demo campaign: " + last);
    }

    static JsonObject body(String edgeUrl) {
        return new JsonObject()
                .put("name", NAME)
                .put("securityGroup", GROUP)
                .put("strategy", "LONGEST_IDLE")
                .put("serviceLevelSeconds", 30)
                .put("defaultLanguage", "en")
                .put(
                        "messages",
                        new JsonObject()
                                .put(
                                        "welcome",
                                        new JsonObject()
                                                .put(
                                                        "es",
                                                        "¡Hola! Esta es la demo de Chat Suite. ¿En qué podemos ayudarte?")
                                                .put("en", "Hi! This is the Chat Suite demo. How can we help?")
                                                .put(
                                                        "pt",
                                                        "Olá! Esta é a demonstração do Chat Suite. Como podemos ajudar?")))
                .put("agentMembers", new JsonArray().add("alice").add("bob"))
                .put("allowedOrigins", new JsonArray().add(edgeUrl));
    }
}
