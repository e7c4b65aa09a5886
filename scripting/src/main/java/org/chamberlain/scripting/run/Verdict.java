package org.chamberlain.scripting.run;

/** The outcome of an action or a script. */
public enum Verdict {
    /** Everything happened as the script says. */
    PASSED,
    /** The server behaved differently from the script (a mismatch, a timeout, an unexpected stanza). */
    FAILED,
    /** The script could not be run as written: connection or login refused, server gone, bad variable. */
    ERROR,
    /** Not run (tag filters). */
    SKIPPED;

    /** Lower case, as in reports and events. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
