package io.chatsuite.campaigns.campaign.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A campaign's schedule as the console edits it: local times "HH:mm" in an IANA zone; a weekly range whose end
 * is at or before its start runs past midnight; a dated exception replaces that date's weekly ranges.
 */
@Schema(name = "Schedule", description = "null means always open", example = """
        {"timezone":"Europe/Madrid",
         "weekly":[{"day":"MONDAY","start":"09:00","end":"14:00"},{"day":"MONDAY","start":"16:00","end":"20:00"},
                   {"day":"FRIDAY","start":"22:00","end":"02:00"}],
         "exceptions":[{"date":"2025-12-25","closed":true,"ranges":[]},
                       {"date":"2025-12-24","closed":false,"ranges":[{"start":"09:00","end":"13:00"}]}]}""")
public record ScheduleBody(
        @Schema(description = "IANA time zone", example = "Europe/Madrid")
        String timezone,

        List<WeeklyRange> weekly,
        List<DateException> exceptions) {

    @Schema(name = "WeeklyRange")
    public record WeeklyRange(
            @Schema(enumeration = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"})
            String day,

            @Schema(pattern = "^\\d{2}:\\d{2}$", example = "09:00")
            String start,

            @Schema(pattern = "^\\d{2}:\\d{2}$", example = "18:00")
            String end) {}

    @Schema(name = "TimeRange")
    public record TimeRange(
            @Schema(pattern = "^\\d{2}:\\d{2}$", example = "09:00")
            String start,

            @Schema(pattern = "^\\d{2}:\\d{2}$", example = "13:00")
            String end) {}

    @Schema(name = "DateException", description = "closed all day, or open only in ranges")
    public record DateException(
            @Schema(format = "date", example = "2025-12-25") String date, Boolean closed, List<TimeRange> ranges) {}
}
