package org.chamberlain.scripting.run;

import org.chamberlain.scripting.match.MatchResult;

/**
 * How an action ended.
 *
 * @param message for anything but {@link Verdict#PASSED} a sentence saying what went wrong (may also note
 *     something on a pass, e.g. a send on a disconnected account)
 * @param expectedXml for a {@code receives} that did not pass: the expected stanza after variable substitution
 * @param closest for a failed {@code receives}: the received stanza most like the expected one, or null
 * @param closestMatch the match result of {@code closest} (its first difference), or null
 * @param waitedNanos of {@code durationNanos}, the time the runner waited for the server (idle in the
 *     selector); the rest is the replayer's own work
 * @param readNanos of {@code durationNanos}, the time spent reading and splitting what arrived on every
 *     connection of the script (not only the actor's); the rest of the own work is parsing, matching, reporting
 * @param skipped for {@code receives}: how many queued stanzas it skipped
 */
public record ActionResult(Verdict verdict, long durationNanos, String message, String expectedXml,
        ReceivedStanza closest, MatchResult closestMatch, long waitedNanos, long readNanos, int skipped) {

    public ActionResult(Verdict verdict, long durationNanos, String message, String expectedXml,
            ReceivedStanza closest, MatchResult closestMatch) {
        this(verdict, durationNanos, message, expectedXml, closest, closestMatch, 0, 0, 0);
    }

    static ActionResult passed(long durationNanos) {
        return new ActionResult(Verdict.PASSED, durationNanos, null, null, null, null);
    }

    static ActionResult passed(long durationNanos, String note) {
        return new ActionResult(Verdict.PASSED, durationNanos, note, null, null, null);
    }

    static ActionResult error(long durationNanos, String message) {
        return new ActionResult(Verdict.ERROR, durationNanos, message, null, null, null);
    }

    static ActionResult failed(long durationNanos, String message) {
        return new ActionResult(Verdict.FAILED, durationNanos, message, null, null, null);
    }
}
