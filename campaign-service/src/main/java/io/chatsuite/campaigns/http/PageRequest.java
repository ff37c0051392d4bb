package io.chatsuite.campaigns.http;

import io.chatsuite.commons.problem.Problem.FieldError;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The paging and ordering parameters of a listing ({@code page}, {@code size}, {@code sort=field,asc|desc}),
 * read as strings so every bad one is reported rather than the first.
 *
 * @param <F> the enum of the fields a listing may sort by
 */
public record PageRequest<F extends Enum<F>>(int page, int size, F sort, boolean ascending) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** The parameters; unreadable ones are added to {@code errors} and replaced by defaults. */
    public static <F extends Enum<F>> PageRequest<F> parse(
            String page, String size, String sort, Class<F> fields, F defaultSort, List<FieldError> errors) {
        int p = integer("page", page, 0, 0, 100_000, errors);
        int s = integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
        F field = defaultSort;
        boolean ascending = true;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",", -1);
            String allowed = String.join(
                    ", ",
                    Arrays.stream(fields.getEnumConstants()).map(Enum::name).toList());
            field = Arrays.stream(fields.getEnumConstants())
                    .filter(f -> f.name().equals(parts[0].strip()))
                    .findFirst()
                    .orElse(null);
            if (field == null) {
                errors.add(new FieldError("sort", "must be field,asc or field,desc with field one of " + allowed));
                field = defaultSort;
            }
            if (parts.length > 2
                    || (parts.length == 2
                            && !List.of("asc", "desc").contains(parts[1].strip().toLowerCase(Locale.ROOT)))) {
                errors.add(new FieldError("sort", "direction must be asc or desc"));
            } else if (parts.length == 2) {
                ascending = "asc".equalsIgnoreCase(parts[1].strip());
            }
        }
        return new PageRequest<>(p, s, field, ascending);
    }

    private static int integer(String name, String value, int defaultValue, int min, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a whole number between " + min + " and " + max));
        return defaultValue;
    }
}
