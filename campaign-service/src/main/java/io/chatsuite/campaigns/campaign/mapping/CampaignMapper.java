package io.chatsuite.campaigns.campaign.mapping;

import io.chatsuite.campaigns.campaign.Campaign;
import io.chatsuite.campaigns.campaign.CampaignDefinition;
import io.chatsuite.campaigns.campaign.CampaignSettings;
import io.chatsuite.campaigns.campaign.api.CampaignResponse;
import io.chatsuite.campaigns.campaign.api.ScheduleBody;
import io.chatsuite.events.campaign.CampaignUpserted;
import io.chatsuite.events.campaign.Schedule;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Maps campaigns between the validated definition, the entity, the REST records and the event contract. */
public final class CampaignMapper {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private CampaignMapper() {}

    public static void apply(CampaignDefinition d, Campaign campaign) {
        campaign.name = d.name();
        campaign.securityGroup = d.securityGroup();
        campaign.strategy = d.strategy();
        campaign.serviceLevelSeconds = d.serviceLevelSeconds();
        campaign.defaultLanguage = d.defaultLanguage();
        campaign.settings = new CampaignSettings(
                d.schedule(),
                d.messages(),
                d.allowedOrigins(),
                d.serviceLevelFormula(),
                d.shortAbandonSeconds(),
                d.maxWaiting(),
                d.allowAudio(),
                d.allowVideo(),
                d.offlineMessagesEnabled());
        // Replace the members only when they change: an untouched collection keeps its rows.
        if (!members(campaign).equals(d.agentMembers())) {
            campaign.agentMembers.clear();
            campaign.agentMembers.addAll(d.agentMembers());
        }
    }

    public static CampaignResponse toResponse(Campaign c) {
        CampaignSettings s = c.settings;
        return new CampaignResponse(
                c.id,
                c.version,
                c.name,
                c.securityGroup,
                c.strategy,
                c.serviceLevelSeconds,
                s.serviceLevelFormula(),
                s.shortAbandonSeconds(),
                toBody(s.schedule()),
                s.maxWaiting(),
                s.allowAudio(),
                s.allowVideo(),
                s.offlineMessagesEnabled(),
                s.allowedOrigins(),
                c.defaultLanguage,
                s.messages(),
                members(c),
                c.createdAt,
                c.updatedAt);
    }

    public static CampaignUpserted toEvent(Campaign c) {
        CampaignSettings s = c.settings;
        return new CampaignUpserted(
                c.id,
                c.version,
                c.name,
                c.securityGroup,
                c.strategy,
                c.serviceLevelSeconds,
                c.defaultLanguage,
                s.schedule(),
                s.messages(),
                members(c),
                s.allowedOrigins(),
                c.updatedAt,
                s.serviceLevelFormula(),
                s.shortAbandonSeconds(),
                s.maxWaiting(),
                s.allowAudio(),
                s.allowVideo(),
                s.offlineMessagesEnabled());
    }

    public static ScheduleBody toBody(Schedule s) {
        if (s == null) {
            return null;
        }
        return new ScheduleBody(
                s.timezone(),
                s.weekly().stream()
                        .map(w -> new ScheduleBody.WeeklyRange(
                                w.day() == null ? null : w.day().name(), time(w.start()), time(w.end())))
                        .toList(),
                s.exceptions().stream()
                        .map(e -> new ScheduleBody.DateException(
                                e.date() == null ? null : e.date().toString(),
                                e.closed(),
                                e.ranges().stream()
                                        .map(r -> new ScheduleBody.TimeRange(time(r.start()), time(r.end())))
                                        .toList()))
                        .toList());
    }

    /** The members, sorted (a stable order for round robin and for comparing). */
    public static List<String> members(Campaign c) {
        return c.agentMembers.stream().sorted().toList();
    }

    private static String time(LocalTime t) {
        return t == null ? null : t.format(HH_MM);
    }
}
