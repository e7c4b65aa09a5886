package org.chamberlain.views.console;

import org.chamberlain.views.console.replay.ReplayEvent.Verdict;

/**
 * One row of a folder run's results table. Immutable.
 *
 * @param line the failing action's line, 0 when the script passed
 */
public record ScriptResult(String file, String title, Verdict verdict, double ms, int line, String message) {
}
