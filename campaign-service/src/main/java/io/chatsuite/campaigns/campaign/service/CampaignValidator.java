package io.chatsuite.campaigns.campaign.service;

import io.chatsuite.campaigns.campaign.CampaignDefinition;
import io.chatsuite.campaigns.campaign.api.CampaignRequest;
import io.chatsuite.campaigns.campaign.api.ScheduleBody;
import io.chatsuite.commons.problem.Problem.FieldError;
import io.chatsuite.commons.problem.ProblemException;
import io.chatsuite.events.campaign.MessageCatalog;
import io.chatsuite.events.campaign.Schedule;
import io.chatsuite.events.campaign.ScheduleRules;
import io.chatsuite.events.campaign.ServiceLevelFormula;
import io.chatsuite.events.campaign.Strategy;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a whole campaign request and names every bad field with a JSON-path-like name
 * ({@code schedule.weekly[1].end}, {@code messages.welcome.fr}), so a form can mark all of them at once.
 */
public final class CampaignValidator {

    static final int MAX_TEXT = 2000;
    static final int MAX_WEEKLY = 100;
    static final int MAX_EXCEPTIONS = 400;
    static final int MAX_RANGES = 24;
    static final int MAX_ORIGINS = 50;
    static final int MAX_MEMBERS = 1000;
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?");
    private static final Pattern HH_MM = Pattern.compile("\\d{2}:\\d{2}");
    /** Keycloak usernames: letters, digits and . _ - @ (lower-cased by Keycloak). */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final List<FieldError> errors = new ArrayList<>();

    private CampaignValidator() {}

    /** The typed definition of a valid request; a 400 problem naming every bad field otherwise. */
    public static CampaignDefinition validate(CampaignRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A campaign is required", List.of());
        }
        return new CampaignValidator().check(request);
    }

    /** A 400 problem listing {@code errors}, sorted by field, unless it is empty. */
    public static void failIfAny(List<FieldError> errors, String detail) {
        if (!errors.isEmpty()) {
            List<FieldError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparing(FieldError::field));
            throw ProblemException.badRequest(detail, sorted);
        }
    }

    private CampaignDefinition check(CampaignRequest r) {
        String name = r.name() == null ? null : r.name().strip();
        if (name == null || name.isEmpty()) {
            error("name", "must not be blank");
        } else if (name.length() > 120) {
            error("name", "must be at most 120 characters");
        }
        String group = r.securityGroup() == null ? null : r.securityGroup().strip();
        if (group == null || group.isEmpty()) {
            error("securityGroup", "must not be blank");
        } else if (group.length() > 120) {
            error("securityGroup", "must be at most 120 characters");
        }
        Strategy strategy = required("strategy", r.strategy(), Strategy.class);
        int serviceLevelSeconds = range("serviceLevelSeconds", r.serviceLevelSeconds(), null, 1, 3600);
        ServiceLevelFormula formula = r.serviceLevelFormula() == null
                ? ServiceLevelFormula.ANSWERED_PLUS_LATE_ABANDONS
                : required("serviceLevelFormula", r.serviceLevelFormula(), ServiceLevelFormula.class);
        int shortAbandon = range("shortAbandonSeconds", r.shortAbandonSeconds(), 5, 1, 600);
        int maxWaiting = range("maxWaiting", r.maxWaiting(), 50, 1, 1000);
        String language = r.defaultLanguage();
        if (language == null || !MessageCatalog.LANGUAGES.contains(language)) {
            error("defaultLanguage", "must be one of es, en, pt");
        }
        Schedule schedule = r.schedule() == null ? null : schedule(r.schedule());
        List<String> origins = origins(r.allowedOrigins());
        Map<String, Map<String, String>> messages = messages(r.messages());
        List<String> members = members(r.agentMembers());
        failIfAny(errors, "The campaign has invalid fields");
        return new CampaignDefinition(
                name,
                group,
                strategy,
                serviceLevelSeconds,
                formula,
                shortAbandon,
                schedule,
                maxWaiting,
                Boolean.TRUE.equals(r.allowAudio()),
                Boolean.TRUE.equals(r.allowVideo()),
                Boolean.TRUE.equals(r.offlineMessagesEnabled()),
                origins,
                language,
                messages,
                members);
    }

    private Schedule schedule(ScheduleBody s) {
        if (s.timezone() == null || !ScheduleRules.isValidZone(s.timezone())) {
            error("schedule.timezone", "must be an IANA time zone such as Europe/Madrid");
        }
        List<Schedule.WeeklyRange> weekly = new ArrayList<>();
        List<ScheduleBody.WeeklyRange> given = s.weekly() == null ? List.of() : s.weekly();
        if (given.size() > MAX_WEEKLY) {
            error("schedule.weekly", "must have at most " + MAX_WEEKLY + " ranges");
        }
        for (int i = 0; i < given.size(); i++) {
            String at = "schedule.weekly[" + i + "]";
            ScheduleBody.WeeklyRange w = given.get(i);
            if (w == null) {
                error(at, "must not be null");
                continue;
            }
            DayOfWeek day = required(at + ".day", w.day(), DayOfWeek.class);
            LocalTime start = time(at + ".start", w.start());
            LocalTime end = time(at + ".end", w.end());
            weekly.add(new Schedule.WeeklyRange(day, start, end));
        }
        List<Schedule.DateException> exceptions = new ArrayList<>();
        List<ScheduleBody.DateException> dated = s.exceptions() == null ? List.of() : s.exceptions();
        if (dated.size() > MAX_EXCEPTIONS) {
            error("schedule.exceptions", "must have at most " + MAX_EXCEPTIONS + " dates");
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < dated.size(); i++) {
            String at = "schedule.exceptions[" + i + "]";
            ScheduleBody.DateException e = dated.get(i);
            if (e == null) {
                error(at, "must not be null");
                continue;
            }
            LocalDate date = null;
            if (e.date() == null) {
                error(at + ".date", "must not be null");
            } else {
                try {
                    date = LocalDate.parse(e.date(), DATE);
                    if (!seen.add(date)) {
                        error(at + ".date", "another exception already has date " + e.date());
                    }
                } catch (DateTimeParseException ex) {
                    error(at + ".date", "must be a date yyyy-MM-dd");
                }
            }
            boolean closed = Boolean.TRUE.equals(e.closed());
            List<ScheduleBody.TimeRange> ranges = e.ranges() == null ? List.of() : e.ranges();
            if (closed && !ranges.isEmpty()) {
                error(at + ".ranges", "must be empty when the date is closed");
            }
            if (ranges.size() > MAX_RANGES) {
                error(at + ".ranges", "must have at most " + MAX_RANGES + " ranges");
            }
            List<Schedule.TimeRange> times = new ArrayList<>();
            for (int j = 0; j < ranges.size(); j++) {
                String rat = at + ".ranges[" + j + "]";
                ScheduleBody.TimeRange t = ranges.get(j);
                if (t == null) {
                    error(rat, "must not be null");
                    continue;
                }
                times.add(new Schedule.TimeRange(time(rat + ".start", t.start()), time(rat + ".end", t.end())));
            }
            exceptions.add(new Schedule.DateException(date, closed, times));
        }
        exceptions.sort(
                Comparator.comparing(Schedule.DateException::date, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Schedule(s.timezone(), weekly, exceptions);
    }

    private List<String> origins(List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_ORIGINS) {
            error("allowedOrigins", "must have at most " + MAX_ORIGINS + " origins");
        }
        List<String> origins = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String o = given.get(i) == null ? null : given.get(i).strip();
            if (o == null || !ORIGIN.matcher(o).matches()) {
                error("allowedOrigins[" + i + "]", "must be an origin like https://www.example.com");
            } else if (!origins.contains(o)) {
                origins.add(o);
            }
        }
        return origins;
    }

    private Map<String, Map<String, String>> messages(Map<String, Map<String, String>> given) {
        Map<String, Map<String, String>> messages = new LinkedHashMap<>();
        if (given == null) {
            return messages;
        }
        for (var kind : given.entrySet()) {
            String at = "messages." + kind.getKey();
            if (!MessageCatalog.KINDS.contains(kind.getKey())) {
                error(at, "unknown message kind; one of " + String.join(", ", MessageCatalog.KINDS));
                continue;
            }
            Map<String, String> texts = new LinkedHashMap<>();
            if (kind.getValue() != null) {
                for (var text : kind.getValue().entrySet()) {
                    String lat = at + "." + text.getKey();
                    if (!MessageCatalog.LANGUAGES.contains(text.getKey())) {
                        error(lat, "unknown language; one of es, en, pt");
                    } else if (text.getValue() != null && text.getValue().length() > MAX_TEXT) {
                        error(lat, "must be at most " + MAX_TEXT + " characters");
                    } else if (text.getValue() != null && !text.getValue().isBlank()) {
                        // A blank text is no text: the fallback rule skips it anyway, so it is not stored.
                        texts.put(text.getKey(), text.getValue());
                    }
                }
            }
            if (!texts.isEmpty()) {
                messages.put(kind.getKey(), texts);
            }
        }
        return messages;
    }

    private List<String> members(List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_MEMBERS) {
            error("agentMembers", "must have at most " + MAX_MEMBERS + " agents");
        }
        TreeSet<String> members = new TreeSet<>();
        for (int i = 0; i < given.size(); i++) {
            String m = given.get(i) == null ? null : given.get(i).strip();
            if (m == null || !USERNAME.matcher(m).matches()) {
                error("agentMembers[" + i + "]", "must be a username (letters, digits, . _ - @; at most 100)");
            } else {
                members.add(m);
            }
        }
        return List.copyOf(members);
    }

    private LocalTime time(String field, String value) {
        if (value == null) {
            error(field, "must not be null");
            return null;
        }
        if (!HH_MM.matcher(value).matches()) {
            error(field, "must be a time HH:mm");
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            error(field, "must be a time HH:mm between 00:00 and 23:59");
            return null;
        }
    }

    private int range(String field, Integer value, Integer defaultValue, int min, int max) {
        if (value == null) {
            if (defaultValue == null) {
                error(field, "must not be null");
                return 0;
            }
            return defaultValue;
        }
        if (value < min || value > max) {
            error(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    private <E extends Enum<E>> E required(String field, String value, Class<E> type) {
        Function<E, String> name = Enum::name;
        if (value != null) {
            for (E e : type.getEnumConstants()) {
                if (name.apply(e).equals(value)) {
                    return e;
                }
            }
        }
        error(
                field,
                value == null
                        ? "must not be null"
                        : "must be one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(type.getEnumConstants())
                                                .map(Enum::name)
                                                .toList()));
        return null;
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
