package org.chamberlain.scripting.run;

import java.util.List;
import org.chamberlain.scripting.parse.Action;
import org.chamberlain.scripting.parse.Script;

/**
 * Progress of a replay. Every method is called on the thread that called {@link Replayer#run}, never on a
 * connection's thread, so a slow listener never stalls a connection (it does delay the script's next step).
 * Times are nanoseconds since the run started ({@link #runStarted}). All methods have empty defaults.
 * {@code docs/replay-events.md} describes the same events as JSON lines.
 */
public interface ReplayListener {
    /** The scripts that will run, in order; {@code wallClockMillis} is when the run started. */
    default void runStarted(List<Script> scripts, long wallClockMillis) {
    }

    default void scriptStarted(Script script, int index, long atNanos) {
    }

    default void actionStarted(Script script, Action action, long atNanos) {
    }

    /** {@code xml} is exactly what was written to the socket, already flushed. */
    default void stanzaSent(Script script, Action action, String account, String xml, long atNanos) {
    }

    /**
     * A stanza that arrived for {@code stanza.account()}, reported when the runner took it off the queue.
     *
     * @param action the {@code receives} that took it, or null for {@link Disposition#UNCONSUMED}
     * @param arrivedAtNanos when it arrived, on the same clock as {@code atNanos}
     */
    default void stanzaReceived(Script script, Action action, ReceivedStanza stanza, Disposition disposition,
            long arrivedAtNanos, long atNanos) {
    }

    default void actionFinished(Script script, Action action, ActionResult result, long atNanos) {
    }

    default void scriptFinished(Script script, ScriptResult result, long atNanos) {
    }

    default void runFinished(RunResult result, long atNanos) {
    }
}
