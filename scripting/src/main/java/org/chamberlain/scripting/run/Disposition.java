package org.chamberlain.scripting.run;

/** What became of a received stanza. */
public enum Disposition {
    /** It matched and completed a {@code receives}. */
    SATISFIED,
    /** A {@code receives} took it off the queue while waiting for a match, and discarded it. */
    SKIPPED,
    /** Still queued when the script ended or its account disconnected. */
    UNCONSUMED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
