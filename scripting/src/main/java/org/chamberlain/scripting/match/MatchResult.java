package org.chamberlain.scripting.match;

import java.util.Map;

/**
 * The outcome of matching an expected element against a received one: matched (with the captures the match
 * binds), or the first difference. {@code score} grows with how much of the expected element was found; the
 * runner uses it to pick the closest candidate for a failure report.
 */
public record MatchResult(boolean matched, Difference difference, int score, Map<String, String> captures) {
    public MatchResult {
        captures = Map.copyOf(captures);
        if (matched != (difference == null)) {
            throw new IllegalArgumentException("a match has no difference, a mismatch has one");
        }
    }

    static MatchResult success(int score, Map<String, String> captures) {
        return new MatchResult(true, null, score, captures);
    }

    /** The received data could not be parsed as XML. */
    public static MatchResult unparsable() {
        return failure(new Difference("/", null, null, "the received data is not well-formed XML"), 0);
    }

    static MatchResult failure(Difference difference, int score) {
        return new MatchResult(false, difference, score, Map.of());
    }
}
