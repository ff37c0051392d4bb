package io.chatsuite.routing.servicelevel.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.chatsuite.events.EventType;
import io.chatsuite.events.agent.PresenceStatus;
import io.chatsuite.events.campaign.ServiceLevelFormula;
import io.chatsuite.events.campaign.Strategy;
import io.chatsuite.routing.Suite;
import io.chatsuite.routing.SuiteTest;
import io.chatsuite.routing.servicelevel.LiveCampaigns;
import io.chatsuite.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The supervisor dashboard (campaigns here: threshold 20 s, short abandon 1 s; one chat per agent). */
@QuarkusTest
class DashboardResourceTest extends SuiteTest {

    @Test
    void dashboardCountsTodaysOutcomesAndShowsTheQueueAndAgentsLive() {
        String agent = Suite.id("xana");
        String campaign = LiveCampaigns.publish(
                suite, "support", List.of(agent), 20, ServiceLevelFormula.ANSWERED_PLUS_LATE_ABANDONS, 1);
        suite.presence(agent, PresenceStatus.AVAILABLE);
        Suite.awaitStatus(campaign, "support", agent, PresenceStatus.AVAILABLE);

        String answered = suite.request(campaign);
        suite.event(answered, 2, EventType.INTERACTION_ASSIGNED);
        String leftAfterAWhile = suite.request(campaign);
        suite.event(leftAfterAWhile, 1, EventType.INTERACTION_QUEUED);
        Suite.sleep(1300);
        suite.abandon(campaign, leftAfterAWhile);
        suite.event(leftAfterAWhile, 2, EventType.INTERACTION_ABANDONED);
        String leftAtOnce = suite.request(campaign);
        suite.event(leftAtOnce, 1, EventType.INTERACTION_QUEUED);
        suite.abandon(campaign, leftAtOnce);
        suite.event(leftAtOnce, 2, EventType.INTERACTION_ABANDONED);
        String waiting = suite.request(campaign);
        suite.event(waiting, 1, EventType.INTERACTION_QUEUED);

        given().auth()
                .oauth2(TestTokens.supervisor("support"))
                .get("/api/routing/dashboard/" + campaign)
                .then()
                .statusCode(200)
                .body("live.formula", equalTo("ANSWERED_PLUS_LATE_ABANDONS"))
                .body("live.today.offered", equalTo(4))
                .body("live.today.answeredWithin", equalTo(1))
                .body("live.today.answeredAfter", equalTo(0))
                .body("live.today.abandonedWithin", equalTo(1))
                .body("live.today.abandonedShort", equalTo(1))
                .body("live.today.abandonedAfter", equalTo(0))
                .body("live.serviceLevelToday", equalTo(100.0f))
                .body("live.serviceLevelLastHour", equalTo(100.0f))
                .body("live.lastHour.offered", equalTo(4))
                .body("live.targetPercent", equalTo(80))
                .body("live.oldestQueuedAt", notNullValue())
                // 4 arrivals in the last hour, nothing ended yet: the default handle time (300 s) is assumed;
                // A = 4 × 300 ÷ 3600 = 1/3 Erlang. 1 slot: Pw = A = 0.333, SL = 1 − 0.333 · e^(−(2/3)·20/300)
                // = 0.681 < 80 %; 2 slots: Pw = 0.048, SL = 0.957 → 2 slots; capacity 1 in tests → 2 agents.
                .body("live.staffing.arrivalsLastHour", equalTo(4))
                .body("live.staffing.handleTimeMeasured", equalTo(false))
                .body("live.staffing.erlangs", equalTo(0.33f))
                .body("live.staffing.slotsNeeded", equalTo(2))
                .body("live.staffing.agentsNeeded", equalTo(2))
                .body("live.waiting", equalTo(1))
                .body("live.agentsBusy", equalTo(1))
                .body("live.agentsAvailable", equalTo(0))
                .body("timezone", equalTo("Z"))
                .body("intervals[0].counts.offered", equalTo(4))
                .body("intervals[0].serviceLevel", equalTo(100.0f))
                .body("agents[0].id", equalTo(agent))
                .body("agents[0].active", equalTo(1));

        // The abandon within the threshold counts against the service level in this formula: 1 of 2.
        given().auth()
                .oauth2(TestTokens.supervisor("support"))
                .queryParam("formula", "ALL_ABANDONS")
                .get("/api/routing/dashboard/" + campaign)
                .then()
                .statusCode(200)
                .body("live.serviceLevelToday", equalTo(50.0f));
        given().auth()
                .oauth2(TestTokens.supervisor("support"))
                .queryParam("date", "2020-01-01")
                .get("/api/routing/dashboard/" + campaign)
                .then()
                .statusCode(200)
                .body("intervals.size()", equalTo(0))
                .body("live.today.offered", equalTo(4));
    }

    @Test
    void eachCampaignIsJudgedByTheFormulaOfItsSnapshot() {
        String agent = Suite.id("zoe");
        String campaign = LiveCampaigns.publish(suite, "support", List.of(agent), 20, ServiceLevelFormula.OFFERED, 1);
        String leftAtOnce = suite.request(campaign);
        suite.event(leftAtOnce, 1, EventType.INTERACTION_QUEUED);
        suite.abandon(campaign, leftAtOnce);
        suite.event(leftAtOnce, 2, EventType.INTERACTION_ABANDONED);
        // OFFERED counts the short abandon: 0 answered within ÷ 1 offered = 0 %; the default formula has
        // nothing to judge (0 ÷ 0) and says null.
        given().auth()
                .oauth2(TestTokens.supervisor("support"))
                .get("/api/routing/dashboard/" + campaign)
                .then()
                .statusCode(200)
                .body("live.formula", equalTo("OFFERED"))
                .body("live.today.abandonedShort", equalTo(1))
                .body("live.serviceLevelToday", equalTo(0.0f));
        given().auth()
                .oauth2(TestTokens.supervisor("support"))
                .queryParam("formula", "ANSWERED_PLUS_LATE_ABANDONS")
                .get("/api/routing/dashboard/" + campaign)
                .then()
                .statusCode(200)
                .body("live.serviceLevelToday", nullValue());
    }

    @Test
    void aCampaignWithNoOutcomeYetHasNoServiceLevelRatherThanZero() {
        String campaign = suite.campaign("support", Strategy.LONGEST_IDLE, List.of(), null);
        given().auth()
                .oauth2(TestTokens.admin("support"))
                .get("/api/routing/dashboard/" + campaign)
                .then()
                .statusCode(200)
                .body("live.serviceLevelToday", nullValue())
                .body("live.today.offered", equalTo(0))
                .body("live.name", notNullValue());
    }

    @Test
    void supervisorsSeeOnlyTheCampaignsOfTheirGroups() {
        String support = suite.campaign("support", Strategy.LONGEST_IDLE, List.of(), null);
        given().auth()
                .oauth2(TestTokens.supervisor("support"))
                .get("/api/routing/dashboard")
                .then()
                .statusCode(200)
                .body("campaignId", hasItem(support));
        given().auth()
                .oauth2(TestTokens.supervisor("sales"))
                .get("/api/routing/dashboard")
                .then()
                .statusCode(200)
                .body("campaignId", not(hasItem(support)));
        given().auth()
                .oauth2(TestTokens.supervisor("sales"))
                .get("/api/routing/dashboard/" + support)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlySupervisorsAndAdminsReadItAndBadParametersAreClearErrors() {
        String campaign = suite.campaign("support", Strategy.LONGEST_IDLE, List.of(), null);
        given().get("/api/routing/dashboard").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.agent("yago", "support"))
                .get("/api/routing/dashboard")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.supervisor("support"))
                .queryParam("formula", "BEST_CASE")
                .get("/api/routing/dashboard/" + campaign)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("formula"));
        given().auth()
                .oauth2(TestTokens.supervisor("support"))
                .queryParam("date", "yesterday")
                .get("/api/routing/dashboard/" + campaign)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("date"));
    }
}
