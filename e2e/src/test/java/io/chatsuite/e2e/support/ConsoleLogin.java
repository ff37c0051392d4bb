package io.chatsuite.e2e.support;

import com.microsoft.playwright.Page;

/** The console's sign-in through Keycloak, shared by every console page (agent console, admin, dashboard). */
public final class ConsoleLogin {

    private ConsoleLogin() {}

    /**
     * Opens {@code url}, follows the console's sign-in button to Keycloak and submits {@code user} (demo password =
     * user name). The caller waits for what its page shows once signed in.
     */
    public static void signIn(Page page, String url, String user) {
        page.navigate(url);
        page.getByTestId("console-login").click();
        try {
            page.locator("#username").waitFor();
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "No Keycloak sign-in form at " + page.url() + ": "
                            + page.locator("body").innerText(),
                    e);
        }
        page.locator("#username").fill(user);
        page.locator("#password").fill(user);
        page.locator("#kc-login").click();
    }
}
