package io.chatsuite.campaigns.http;

import io.chatsuite.commons.problem.ProblemException;

/**
 * Optimistic concurrency over HTTP (docs/adr/006): a resource's ETag is its version in quotes; a writer sends
 * it back in {@code If-Match} and loses with 412 when someone else changed the resource meanwhile.
 */
public final class Preconditions {

    private Preconditions() {}

    /** The ETag value of {@code version}, without quotes (JAX-RS adds them). */
    public static String tag(long version) {
        return String.valueOf(version);
    }

    /** 428 when a required {@code If-Match} is missing. */
    public static void requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(
                    428,
                    "Precondition Required",
                    "Send If-Match with the ETag you read, "
                            + "so that a change made meanwhile by someone else is not overwritten");
        }
    }

    /** 412 unless {@code ifMatch} (absent: nothing to check) names {@code version} or is {@code *}. */
    public static void check(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (tag.equals(tag(version))) {
                return;
            }
        }
        throw stale(version);
    }

    /** 412 for a resource that does not exist but was expected to (If-Match on a creation). */
    public static void requireAbsentIfMatch(String ifMatch) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            throw new ProblemException(
                    412,
                    "Precondition Failed",
                    "If-Match was sent but the resource does not " + "exist (yet); create it without If-Match");
        }
    }

    public static ProblemException stale(long current) {
        return new ProblemException(
                412,
                "Precondition Failed",
                "The resource changed since you read it; it is " + "now at version " + current
                        + ". Read it again and reapply your change");
    }
}
