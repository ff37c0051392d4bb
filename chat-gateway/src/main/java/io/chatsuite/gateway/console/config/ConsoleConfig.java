package io.chatsuite.gateway.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the agent console (static files served by this gateway) logs in. */
@ConfigMapping(prefix = "chat.console")
public interface ConsoleConfig {

    /** The OIDC realm the console authenticates against. */
    @WithDefault("http://localhost:8180/realms/chat-suite")
    String oidcUrl();

    /** The console's public OIDC client. */
    @WithDefault("chat-console")
    String clientId();
}
