package io.chatsuite.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.chatsuite.e2e.support.BrowserTest;
import io.chatsuite.e2e.support.CampaignApi;
import io.chatsuite.e2e.support.ConsoleLogin;
import io.chatsuite.e2e.support.Http;
import io.chatsuite.e2e.support.RunningSuite;
import io.chatsuite.e2e.support.Screenshots;
import io.chatsuite.local.run.LocalSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The campaign administration pages in a real browser against the whole suite: an admin signs in through
 * Keycloak, creates, edits and deletes campaigns, and sees the server's validation errors beside the fields;
 * what the pages save is what the REST API returns; users only see their own security groups' campaigns.
 */
class CampaignAdminBrowserTest extends BrowserTest {

    static final LocatorAssertions.IsVisibleOptions SLOW = new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);

    final List<String> pageErrors = new ArrayList<>();
    BrowserContext context;
    LocalSuite suite;
    CampaignApi adminApi;

    @BeforeEach
    void newContext() {
        suite = RunningSuite.get();
        adminApi = new CampaignApi(suite.urls().edge(), suite.accessToken("admin"));
        context = browser.newContext(new Browser.NewContextOptions()
                .setLocale("en-US")
                .setTimezoneId("Europe/Madrid")
                .setViewportSize(1280, 900));
    }

    @AfterEach
    void closeContext() {
        context.close();
        assertEquals(List.of(), pageErrors, "JavaScript errors in the pages");
    }

    @Test
    void adminCreatesACampaignWithScheduleMessagesAndAMemberAndTheApiReturnsExactlyThat() throws Exception {
        String name = unique("Created in the browser");
        Page page = signIn("admin");
        page.getByTestId("campaign-new").click();

        page.getByTestId("campaign-name").fill(name);
        page.getByTestId("campaign-security-group").selectOption("support");
        page.getByTestId("campaign-strategy").selectOption("ROUND_ROBIN");
        page.getByTestId("campaign-default-language").selectOption("en");
        page.getByTestId("campaign-sl-seconds").fill("25");
        page.getByTestId("campaign-sl-formula").selectOption("ANSWERED_ONLY");
        page.getByTestId("campaign-short-abandon").fill("4");
        page.getByTestId("campaign-max-waiting").fill("7");
        page.getByTestId("campaign-allow-audio").check();
        page.getByTestId("campaign-offline-enabled").uncheck();

        // Schedule: Monday 09:00–13:00 and 22:00–02:00 (past midnight), Friday 10:00–18:00, one special day.
        page.getByTestId("schedule-always-open").uncheck();
        page.getByTestId("schedule-timezone").selectOption("America/Sao_Paulo");
        Locator monday = page.getByTestId("schedule-ranges-MONDAY");
        page.getByTestId("schedule-add-range-MONDAY").click();
        page.getByTestId("schedule-add-range-MONDAY").click();
        monday.getByTestId("schedule-range-start").nth(0).fill("09:00");
        monday.getByTestId("schedule-range-end").nth(0).fill("13:00");
        monday.getByTestId("schedule-range-start").nth(1).fill("22:00");
        monday.getByTestId("schedule-range-end").nth(1).fill("02:00");
        assertThat(monday.getByTestId("schedule-overnight-note").nth(1)).containsText("Crosses midnight");
        assertThat(monday.getByTestId("schedule-overnight-note").nth(0)).isEmpty();
        page.getByTestId("schedule-add-range-FRIDAY").click();
        page.getByTestId("schedule-add-range-FRIDAY").click();
        page.getByTestId("schedule-ranges-FRIDAY")
                .getByTestId("schedule-remove-range")
                .nth(1)
                .click();
        assertThat(page.getByTestId("schedule-ranges-FRIDAY").getByTestId("schedule-range-start"))
                .hasCount(1);
        page.getByTestId("schedule-ranges-FRIDAY")
                .getByTestId("schedule-range-start")
                .fill("10:00");
        page.getByTestId("schedule-ranges-FRIDAY")
                .getByTestId("schedule-range-end")
                .fill("18:00");
        page.getByTestId("schedule-add-exception").click();
        Locator exception = page.getByTestId("schedule-exception");
        exception.getByTestId("exception-date").fill("2030-12-24");
        exception.getByTestId("exception-closed").uncheck();
        exception.getByTestId("exception-add-range").click();
        exception.getByTestId("exception-range-start").fill("10:00");
        exception.getByTestId("exception-range-end").fill("14:00");

        page.getByTestId("origin-add").click();
        page.getByTestId("origin-input").fill("https://shop.example.com");

        // Messages in Spanish and English; the Portuguese preview falls back to the default language.
        page.getByTestId("message-tab-es").click();
        page.getByTestId("message-welcome-es").fill("¡Hola! Te atendemos enseguida.");
        page.getByTestId("message-outOfHours-es").fill("Ahora estamos cerrados.");
        page.getByTestId("message-tab-en").click();
        page.getByTestId("message-welcome-en").fill("Hi! We will be right with you.");
        page.getByTestId("message-tab-pt").click();
        assertThat(page.getByTestId("message-welcome-pt")).isVisible();
        assertThat(page.getByTestId("message-welcome-en")).isHidden();
        page.getByTestId("preview-kind").selectOption("welcome");
        page.getByTestId("preview-language").selectOption("pt");
        page.getByTestId("message-preview").click();
        assertThat(page.getByTestId("preview-text")).hasText("Hi! We will be right with you.");
        assertThat(page.getByTestId("preview-fallback")).containsText("Fallback");
        page.getByTestId("preview-language").selectOption("es");
        page.getByTestId("message-preview").click();
        assertThat(page.getByTestId("preview-text")).hasText("¡Hola! Te atendemos enseguida.");
        assertThat(page.getByTestId("preview-fallback")).not().containsText("Fallback");

        page.getByTestId("member-add-input").fill("carol");
        page.getByTestId("member-add").click();
        assertThat(page.getByTestId("member-row")).hasCount(1);
        // Capacity belongs to the agent's profile: saved at once, in the campaign's group for a new profile.
        Locator carol = page.getByTestId("member-row").filter(new Locator.FilterOptions().setHasText("carol"));
        carol.getByTestId("member-capacity").fill("2");
        carol.getByTestId("member-capacity").press("Tab");
        assertThat(carol.getByTestId("member-capacity-status")).hasText("Saved");
        JsonNode profile = Http.get(suite.urls().edge() + "/api/agent-profiles/carol", suite.accessToken("admin"));
        assertEquals(2, profile.path("capacity").asInt());
        assertEquals(json("[\"support\"]"), profile.path("securityGroups"));
        Screenshots.save(page, "admin-form-filled");

        page.getByTestId("campaign-save").click();
        assertThat(page.getByTestId("admin-toast")).containsText("created");
        Locator row = rowOf(page, name);
        assertThat(row).isVisible();
        assertThat(row.getByTestId("campaign-row-strategy")).hasText("Round robin");
        assertThat(row.getByTestId("campaign-row-sl")).containsText("25 s");
        assertThat(row.getByTestId("campaign-row-schedule")).containsText("America/Sao_Paulo");
        assertThat(row.getByTestId("campaign-row-members")).hasText("1");
        Screenshots.save(page, "admin-table");

        JsonNode saved = adminApi.findByName(name).orElseThrow(() -> new AssertionError(name + " not listed"));
        JsonNode c = adminApi.get(saved.path("id").asText()).body();
        assertEquals(name, c.path("name").asText());
        assertEquals("support", c.path("securityGroup").asText());
        assertEquals("ROUND_ROBIN", c.path("strategy").asText());
        assertEquals(25, c.path("serviceLevelSeconds").asInt());
        assertEquals("ANSWERED_ONLY", c.path("serviceLevelFormula").asText());
        assertEquals(4, c.path("shortAbandonSeconds").asInt());
        assertEquals(7, c.path("maxWaiting").asInt());
        assertTrue(c.path("allowAudio").asBoolean());
        assertFalse(c.path("allowVideo").asBoolean());
        assertFalse(c.path("offlineMessagesEnabled").asBoolean());
        assertEquals("en", c.path("defaultLanguage").asText());
        assertEquals(json("[\"https://shop.example.com\"]"), c.path("allowedOrigins"));
        assertEquals(json("[\"carol\"]"), c.path("agentMembers"));
        assertEquals(json("""
                {"welcome":{"es":"¡Hola! Te atendemos enseguida.","en":"Hi! We will be right with you."},
                 "outOfHours":{"es":"Ahora estamos cerrados."}}"""), c.path("messages"));
        JsonNode schedule = c.path("schedule");
        assertEquals("America/Sao_Paulo", schedule.path("timezone").asText());
        assertEquals(json("""
                [{"day":"MONDAY","start":"09:00","end":"13:00"},{"day":"MONDAY","start":"22:00","end":"02:00"},
                 {"day":"FRIDAY","start":"10:00","end":"18:00"}]"""), normalizedTimes(schedule.path("weekly")));
        assertEquals(1, schedule.path("exceptions").size());
        JsonNode special = schedule.path("exceptions").get(0);
        assertEquals("2030-12-24", special.path("date").asText());
        assertFalse(special.path("closed").asBoolean());
        assertEquals(json("[{\"start\":\"10:00\",\"end\":\"14:00\"}]"), normalizedTimes(special.path("ranges")));

        // The form reads back what was saved, overnight note included.
        row.getByTestId("campaign-edit").click();
        assertThat(page.getByTestId("campaign-name")).hasValue(name);
        assertThat(page.getByTestId("schedule-ranges-MONDAY")
                        .getByTestId("schedule-overnight-note")
                        .nth(1))
                .containsText("Crosses midnight");
        assertThat(page.getByTestId("schedule-always-open")).not().isChecked();
        Screenshots.save(page, "admin-form-schedule");
    }

    @Test
    void adminEditsStrategyAndAMessageAndTheChangeSurvivesAReload() throws Exception {
        String name = unique("Edited");
        String id = adminApi.create(name, "sales");
        Page page = signIn("admin");
        page.navigate(suite.urls().edge() + "/console/admin.html#/campaigns/" + id);
        assertThat(page.getByTestId("campaign-name")).hasValue(name);
        page.getByTestId("campaign-strategy").selectOption("LEAST_BUSY");
        page.getByTestId("message-tab-en").click();
        page.getByTestId("message-welcome-en").fill("Welcome, edited in the browser");

        // Someone else saves first: the save is refused, the input stays, and a reload is offered.
        CampaignApi.Reply current = adminApi.get(id);
        String other = current.body().deepCopy().toString().replace("\"LONGEST_IDLE\"", "\"RING_ALL\"");
        CampaignApi.Reply concurrent = adminApi.put(id, other, current.etag());
        assertEquals(2, concurrent.status() / 100, "concurrent edit: " + concurrent);
        page.getByTestId("campaign-save").click();
        assertThat(page.getByTestId("conflict-banner")).isVisible();
        assertThat(page.getByTestId("conflict-banner")).containsText("changed by someone else");
        assertThat(page.getByTestId("message-welcome-en")).hasValue("Welcome, edited in the browser");
        assertThat(page.getByTestId("campaign-strategy")).hasValue("LEAST_BUSY");
        Screenshots.save(page, "admin-conflict");
        page.getByTestId("conflict-reload").click();
        assertThat(page.getByTestId("campaign-strategy")).hasValue("RING_ALL");

        page.getByTestId("campaign-strategy").selectOption("LEAST_BUSY");
        page.getByTestId("message-tab-en").click();
        page.getByTestId("message-welcome-en").fill("Welcome, edited in the browser");
        page.getByTestId("campaign-save").click();
        assertThat(page.getByTestId("admin-toast")).containsText("saved");

        page.reload();
        Locator row = rowOf(page, name);
        assertThat(row.getByTestId("campaign-row-strategy")).hasText("Least busy");
        row.getByTestId("campaign-edit").click();
        assertThat(page.getByTestId("campaign-strategy")).hasValue("LEAST_BUSY");
        assertThat(page.getByTestId("message-welcome-en")).hasValue("Welcome, edited in the browser");
        JsonNode c = adminApi.get(id).body();
        assertEquals("LEAST_BUSY", c.path("strategy").asText());
        assertEquals(
                "Welcome, edited in the browser",
                c.path("messages").path("welcome").path("en").asText());

        // Leaving with unsaved changes asks first.
        page.getByTestId("campaign-name").fill(name + " (unsaved)");
        page.getByTestId("campaign-cancel").click();
        assertThat(page.getByTestId("confirm-discard")).isVisible();
        page.getByTestId("confirm-cancel").click();
        assertThat(page.getByTestId("campaign-name")).hasValue(name + " (unsaved)");
        page.getByTestId("campaign-cancel").click();
        page.getByTestId("confirm-discard").click();
        assertThat(rowOf(page, name)).isVisible();
    }

    @Test
    void serverValidationErrorsAreShownBesideTheirFields() throws Exception {
        String taken = unique("Taken");
        adminApi.create(taken, "sales");
        Page page = signIn("admin");
        page.getByTestId("campaign-new").click();
        page.getByTestId("campaign-name").fill(unique("Invalid"));
        page.getByTestId("campaign-security-group").selectOption("sales");
        page.getByTestId("campaign-sl-seconds").fill("0");
        page.getByTestId("origin-add").click();
        page.getByTestId("origin-input").fill("not an origin");
        page.getByTestId("campaign-save").click();

        Locator slError = page.locator("[data-field=serviceLevelSeconds] [data-testid=field-error]");
        assertThat(slError).isVisible();
        assertThat(slError).containsText("between");
        assertThat(page.getByTestId("campaign-sl-seconds")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator(".origin-row [data-testid=field-error]")).isVisible();
        assertThat(page.getByTestId("error-summary")).isVisible();
        assertThat(page.getByTestId("error-summary-item")).hasCount(2);
        Screenshots.save(page, "admin-validation");

        // A duplicate name (a 409 from the server) lands beside the name.
        page.getByTestId("campaign-name").fill(taken);
        page.getByTestId("campaign-sl-seconds").fill("20");
        page.getByTestId("origin-remove").click();
        page.getByTestId("campaign-save").click();
        Locator nameError = page.locator("[data-field=name] [data-testid=field-error]");
        assertThat(nameError).isVisible();
        assertThat(nameError).containsText("already exists");
        assertThat(page.locator("[data-field=serviceLevelSeconds] [data-testid=field-error]"))
                .hasCount(0);
    }

    @Test
    void adminDeletesACampaignAfterConfirmingAndItIsGone() throws Exception {
        String name = unique("Deleted");
        String id = adminApi.create(name, "sales");
        Page page = signIn("admin");
        Locator row = rowOf(page, name);
        row.getByTestId("campaign-delete").click();
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText(name);
        page.getByTestId("confirm-cancel").click();
        assertThat(row).isVisible();

        row.getByTestId("campaign-delete").click();
        page.getByTestId("confirm-delete").click();
        assertThat(page.getByTestId("admin-toast")).containsText("deleted");
        assertThat(page.locator("[data-testid=campaign-row][data-name=\"" + name + "\"]"))
                .hasCount(0);
        page.reload();
        page.getByTestId("campaign-search").fill(name);
        assertThat(page.getByTestId("campaign-table-status")).containsText("No campaign matches");
        assertEquals(404, adminApi.get(id).status());
    }

    @Test
    void usersOnlySeeCampaignsOfTheirOwnGroupsAndNonAdminsCannotWrite() throws Exception {
        String sales = unique("Sales visible");
        String support = unique("Support hidden");
        adminApi.create(sales, "sales");
        adminApi.create(support, "support");

        Page page = signIn("supervisor");
        assertThat(page.getByTestId("admin-role")).containsText("read-only");
        assertThat(page.getByTestId("filter-group").locator("option")).hasText(new String[] {"All my groups", "sales"});
        page.getByTestId("campaign-search").fill(support);
        assertThat(page.getByTestId("campaign-table-status")).containsText("No campaign matches");
        page.getByTestId("campaign-search").fill(sales);
        Locator row = rowOf(page, sales);
        assertThat(page.getByTestId("campaign-new")).hasCount(0);
        assertThat(row.getByTestId("campaign-delete")).hasCount(0);
        row.getByTestId("campaign-edit").click();
        assertThat(page.getByTestId("read-only-notice")).isVisible();
        assertThat(page.getByTestId("campaign-name")).isDisabled();
        assertThat(page.getByTestId("campaign-save")).hasCount(0);
        Screenshots.save(page, "admin-read-only");

        // Typing the address of the other group's campaign does not show it either.
        String supportId = adminApi.findByName(support).orElseThrow().path("id").asText();
        page.navigate(suite.urls().edge() + "/console/admin.html#/campaigns/" + supportId);
        assertThat(page.getByTestId("load-error")).isVisible();
        assertThat(page.getByTestId("campaign-name")).hasCount(0);
    }

    @Test
    void anAdminOfAnotherGroupCannotSeeOrOpenTheCampaign() throws Exception {
        String sales = unique("Sales only");
        adminApi.create(sales, "sales");
        String salesId = adminApi.findByName(sales).orElseThrow().path("id").asText();

        // dora administers the support group only.
        Page page = signIn("dora");
        assertThat(page.getByTestId("filter-group").locator("option"))
                .hasText(new String[] {"All my groups", "support"});
        assertThat(page.getByTestId("campaign-new")).isVisible();
        page.getByTestId("campaign-search").fill(sales);
        assertThat(page.getByTestId("campaign-table-status")).containsText("No campaign matches");
        page.navigate(suite.urls().edge() + "/console/admin.html#/campaigns/" + salesId);
        assertThat(page.getByTestId("load-error")).isVisible();
        assertThat(page.getByTestId("campaign-name")).hasCount(0);
        Screenshots.save(page, "admin-other-group");
    }

    // ---------------------------------------------------------------------------------------------

    private Page signIn(String user) {
        Page page = context.newPage();
        page.onPageError(error -> pageErrors.add(page.url() + ": " + error));
        ConsoleLogin.signIn(page, suite.urls().edge() + "/console/admin.html", user);
        assertThat(page.getByTestId("campaign-table-status")).isVisible(SLOW);
        assertThat(page).hasURL(Pattern.compile(".*/console/admin\\.html#/campaigns$"));
        return page;
    }

    /** The table row of {@code name}, found with the search box (the table pages). */
    private static Locator rowOf(Page page, String name) {
        Locator search = page.getByTestId("campaign-search");
        if (!name.equals(search.inputValue())) {
            search.fill(name);
        }
        Locator row = page.locator("[data-testid=campaign-row][data-name=\"" + name + "\"]");
        assertThat(row).isVisible();
        return row;
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonNode json(String text) throws Exception {
        return io.chatsuite.events.EventCodec.mapper().readTree(text);
    }

    /** Times as HH:mm whether the server writes seconds or not. */
    private static JsonNode normalizedTimes(JsonNode ranges) throws Exception {
        String text = ranges.toString().replaceAll("\"(\\d\\d:\\d\\d):00\"", "\"$1\"");
        return json(text);
    }
}
