package org.chamberlain.views.console.replay;

import java.util.List;
import java.util.Map;

/**
 * One event of {@code chamberlain replay --events} (schema: {@code docs/replay-events.md}), as immutable
 * values the console applies on the FX thread. {@code t} is milliseconds since the run started.
 */
public sealed interface ReplayEvent {

    /** A verdict as the replayer reports it. */
    enum Verdict {
        PASSED, FAILED, ERROR, SKIPPED;

        static Verdict of(String text) {
            return text == null ? ERROR : switch (text) {
                case "passed" -> PASSED;
                case "failed" -> FAILED;
                case "skipped" -> SKIPPED;
                default -> ERROR;
            };
        }
    }

    /** What a {@code receives} did with a stanza. */
    enum Disposition {
        SATISFIED, SKIPPED, UNCONSUMED, NONE;

        static Disposition of(String text) {
            return text == null ? NONE : switch (text) {
                case "satisfied" -> SATISFIED;
                case "skipped" -> SKIPPED;
                case "unconsumed" -> UNCONSUMED;
                default -> NONE;
            };
        }
    }

    /** {@code parse-error} / {@code parse-warning}. */
    record Problem(String file, int line, int column, String message, boolean error) implements ReplayEvent {
    }

    /** One script of the run as announced by {@code run-started}. */
    record ScriptInfo(String file, String title, Map<String, String> tags) {
    }

    record RunStarted(double t, List<ScriptInfo> scripts) implements ReplayEvent {
    }

    record ScriptStarted(double t, String file, int index, String title) implements ReplayEvent {
    }

    record ScriptSkipped(String file, String reason) implements ReplayEvent {
    }

    record ActionStarted(double t, String file, int line, int index, String actor, String verb)
            implements ReplayEvent {
    }

    /** The first difference between an expected and a received stanza. */
    record Difference(String path, String expected, String received, String sentence) {
    }

    record ActionFinished(double t, String file, int line, int index, String actor, String verb,
            Verdict verdict, double ms, String message, String expected, String closest, Difference difference)
            implements ReplayEvent {
    }

    /** {@code stanza-sent} ({@code sent = true}) or {@code stanza-received}. */
    record Stanza(double t, String file, int line, String account, boolean sent, String xml, double arrivedT,
            Disposition disposition) implements ReplayEvent {
    }

    record ScriptFinished(double t, String file, Verdict verdict, double ms, int line, String message)
            implements ReplayEvent {
    }

    record RunFinished(double t, int passed, int failed, int errors, int skipped, double replayMs)
            implements ReplayEvent {
    }

    /** The replayer stopped before the action on {@code line} and waits for a step command. */
    record Paused(double t, String file, int line, int index) implements ReplayEvent {
    }

    /** A line on the child's stderr (human messages). */
    record Diagnostic(String text) implements ReplayEvent {
    }

    /** A stdout line that is not a known event (kept so nothing is silently lost). */
    record Unrecognised(String line, String reason) implements ReplayEvent {
    }

    /** The child process ended with this exit code (0 all passed, 1 failures, 2 usage/script errors). */
    record Exited(int exitCode, boolean killed) implements ReplayEvent {
    }
}
