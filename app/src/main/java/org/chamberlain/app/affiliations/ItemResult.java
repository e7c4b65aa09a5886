package org.chamberlain.app.affiliations;

import java.util.Objects;
import java.util.Optional;
import org.chamberlain.app.errors.ModerationException;

/**
 * What happened to one change when a change set was applied.
 *
 * @param change the change
 * @param outcome applied, ignored, refused or not attempted
 * @param error the server's refusal (or the failure) for {@link Outcome#REFUSED} and {@link Outcome#NOT_ATTEMPTED}
 */
public record ItemResult(AffiliationChange change, Outcome outcome, Optional<ModerationException> error) {
    public ItemResult {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(error, "error");
    }

    /** One line for people: "applied: add alice@… to members", "refused: … — You are not allowed …". */
    public String describe() {
        String line = outcome.word() + ": " + change.describe();
        return error.map(e -> line + " — " + e.getMessage()).orElse(line);
    }

    /** The fate of one change. */
    public enum Outcome {
        /** The server accepted it (and the re-fetched lists show it, when they could be fetched). */
        APPLIED("applied"),
        /** The server answered "result" but the re-fetched lists still show the old affiliation. */
        IGNORED("accepted but not applied"),
        /** The server refused it. */
        REFUSED("refused"),
        /** Not sent, because an earlier failure (e.g. a lost connection) stopped the run. */
        NOT_ATTEMPTED("not attempted");

        private final String word;

        Outcome(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }
}
