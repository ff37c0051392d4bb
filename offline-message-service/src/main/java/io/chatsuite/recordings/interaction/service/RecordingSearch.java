package io.chatsuite.recordings.interaction.service;

import io.chatsuite.commons.problem.Problem;
import io.chatsuite.commons.problem.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The filters and page of a recordings search, read from query parameters with every bad one named. */
public record RecordingSearch(String campaignId, String agentId, Instant from, Instant to, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Parses raw query parameters (any may be null); throws a 400 problem listing each invalid one. */
    public static RecordingSearch parse(
            String campaignId, String agentId, String from, String to, String page, String size) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant fromInstant = instant("from", from, errors);
        Instant toInstant = instant("to", to, errors);
        int pageNumber = integer("page", page, 0, 0, Integer.MAX_VALUE, errors);
        int pageSize = integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            errors.add(new Problem.FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The search has invalid parameters", errors);
        }
        return new RecordingSearch(
                blankToNull(campaignId), blankToNull(agentId), fromInstant, toInstant, pageNumber, pageSize);
    }

    private static Instant instant(String field, String value, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(
                    field, "must be an ISO-8601 date-time with offset, " + "like 2025-01-31T09:00:00Z"));
            return null;
        }
    }

    private static int integer(
            String field, String value, int fallback, int min, int max, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below like an out-of-range number.
        }
        errors.add(new Problem.FieldError(
                field,
                max == Integer.MAX_VALUE
                        ? "must be an integer of at least " + min
                        : "must be an integer from " + min + " to " + max));
        return fallback;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
