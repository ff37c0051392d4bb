package io.chatsuite.e2e.support;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Creates campaigns through the edge with a real Keycloak token of the demo admin. */
public final class Campaigns {

    private Campaigns() {}

    /** A campaign in group sales, longest-idle, with a welcome message in each language; returns its id. */
    public static String create(String adminToken, String agentMember) {
        return create(adminToken, "LONGEST_IDLE", agentMember);
    }

    /**
     * A campaign in group sales with {@code strategy} (a {@code Strategy} name) and these members, open around the
     * clock, with a welcome message in each language and the suite's own origin allowed; returns its id.
     */
    public static String create(String adminToken, String strategy, String... agentMembers) {
        String name = "E2E " + UUID.randomUUID().toString().substring(0, 8);
        String members = Arrays.stream(agentMembers).map(m -> "\"" + m + "\"").collect(Collectors.joining(","));
        String body =
                """
                {"name":"%s","securityGroup":"sales","strategy":"%s","serviceLevelSeconds":30,
                 "defaultLanguage":"en",
                 "messages":{"welcome":{"es":"¡Hola! Un agente te atenderá enseguida.",
                                        "en":"Hi! An agent will be with you shortly.",
                                        "pt":"Olá! Um agente vai atendê-lo em breve."}},
                 "agentMembers":[%s],
                 "allowedOrigins":["%s"]}""".formatted(name, strategy, members, RunningSuite.get().urls().edge());
        return Http.post(RunningSuite.get().urls().edge() + "/api/campaigns", adminToken, body, 201)
                .path("id")
                .asText();
    }
}
