package io.chatsuite.campaigns.campaign.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chatsuite.campaigns.campaign.CampaignDefinition;
import io.chatsuite.campaigns.campaign.api.CampaignRequest;
import io.chatsuite.campaigns.campaign.api.ScheduleBody;
import io.chatsuite.commons.problem.Problem;
import io.chatsuite.commons.problem.ProblemException;
import io.chatsuite.events.campaign.ServiceLevelFormula;
import io.chatsuite.events.campaign.Strategy;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignValidatorTest {

    static CampaignRequest request(ScheduleBody schedule, List<String> members, Map<String, Map<String, String>> msgs) {
        return new CampaignRequest(
                " Sales ",
                "sales",
                "MANUAL",
                30,
                null,
                null,
                schedule,
                null,
                null,
                true,
                null,
                List.of("https://a.example.com", "https://a.example.com"),
                "pt",
                msgs,
                members);
    }

    static List<String> fields(CampaignRequest r) {
        ProblemException e = assertThrows(ProblemException.class, () -> CampaignValidator.validate(r));
        assertEquals(400, e.status());
        return e.errors().stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void aValidRequestIsTrimmedDefaultedAndNormalized() {
        CampaignDefinition d = CampaignValidator.validate(request(
                new ScheduleBody(
                        "America/Sao_Paulo",
                        List.of(new ScheduleBody.WeeklyRange("SUNDAY", "22:00", "06:00")),
                        List.of(
                                new ScheduleBody.DateException("2030-01-02", false, List.of()),
                                new ScheduleBody.DateException("2030-01-01", true, null))),
                List.of("bob", "alice", "bob"),
                Map.of("welcome", Map.of("pt", "Olá", "en", " "))));
        assertEquals("Sales", d.name());
        assertEquals(Strategy.MANUAL, d.strategy());
        assertEquals(ServiceLevelFormula.ANSWERED_PLUS_LATE_ABANDONS, d.serviceLevelFormula());
        assertEquals(5, d.shortAbandonSeconds());
        assertEquals(50, d.maxWaiting());
        assertEquals(List.of("alice", "bob"), d.agentMembers());
        assertEquals(List.of("https://a.example.com"), d.allowedOrigins());
        assertEquals(Map.of("welcome", Map.of("pt", "Olá")), d.messages(), "blank texts are dropped");
        assertEquals(LocalTime.of(6, 0), d.schedule().weekly().get(0).end());
        assertEquals("2030-01-01", d.schedule().exceptions().get(0).date().toString(), "exceptions sorted by date");
    }

    @Test
    void withoutAScheduleTheCampaignIsAlwaysOpen() {
        assertNull(CampaignValidator.validate(request(null, null, null)).schedule());
    }

    @Test
    void nestedErrorsAreNamedByTheirPath() {
        assertEquals(
                List.of("schedule.exceptions[0].ranges[1].start", "schedule.weekly[0].day"),
                fields(request(
                        new ScheduleBody(
                                "UTC",
                                List.of(new ScheduleBody.WeeklyRange("monday", "09:00", "10:00")),
                                List.of(new ScheduleBody.DateException(
                                        "2030-01-01",
                                        false,
                                        List.of(
                                                new ScheduleBody.TimeRange("09:00", "10:00"),
                                                new ScheduleBody.TimeRange("7:00", "10:00"))))),
                        null,
                        null)));
        assertEquals(
                List.of("messages.bogus", "messages.offline.de"),
                fields(request(
                        null,
                        null,
                        Map.of(
                                "bogus",
                                Map.of("es", "x"),
                                "offline",
                                Map.of("de", "x"),
                                "comments",
                                Map.of("es", "ok")))));
        assertEquals(List.of("schedule.timezone"), fields(request(new ScheduleBody("CET+1", null, null), null, null)));
        assertEquals(List.of("agentMembers[1]"), fields(request(null, List.of("ok", "no spaces"), null)));
    }
}
