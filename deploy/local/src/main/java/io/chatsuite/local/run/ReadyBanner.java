package io.chatsuite.local.run;

import java.util.Locale;

/** The lines {@code ./chat up} prints once the suite is ready: where to go, the demo users, where the logs are. */
final class ReadyBanner {

    private ReadyBanner() {}

    /**
     * @param keycloakAdminPassword Keycloak's bootstrap admin password, shown with the file that keeps it
     *                              ({@code passwordFile}); unused without Keycloak
     */
    static void print(
            Progress progress, SuiteUrls u, String keycloakAdminPassword, String passwordFile, String logDir) {
        progress.plain("");
        progress.plain("  Demo website with the widget  " + u.demo());
        progress.plain("  Agent console                 " + u.console());
        progress.plain("  Campaign administration       " + u.console() + "admin.html");
        progress.plain("  Supervisor dashboard          " + u.console() + "dashboard.html");
        if (u.keycloakAdmin() != null) {
            progress.plain("  Keycloak admin console        " + u.keycloakAdmin() + "   (admin / "
                    + keycloakAdminPassword + ", kept in " + passwordFile + ")");
            progress.plain("  DEMO users (password = user name, local demo only):");
            progress.plain("      admin (admin; sales, support)   supervisor (supervisor; sales)");
            progress.plain("      alice, bob (agents; sales)      carol (agent; support)   dora (admin; support)");
        }
        progress.plain("  Logs                          " + logDir);
        progress.plain("");
        progress.step("Chat suite ready in " + String.format(Locale.ROOT, "%.1f", progress.elapsedSeconds())
                + " s. Press Ctrl-C to stop.");
    }
}
