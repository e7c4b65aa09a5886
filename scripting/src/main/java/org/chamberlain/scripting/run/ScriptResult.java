package org.chamberlain.scripting.run;

import org.chamberlain.scripting.parse.Action;
import org.chamberlain.scripting.parse.Script;

/**
 * How a script ended.
 *
 * @param failedAction the action that failed or could not run, or null
 * @param failure its result, or null
 */
public record ScriptResult(Script script, Verdict verdict, long durationNanos, Action failedAction,
        ActionResult failure) {

    /** Where it failed, {@code FILE:LINE}, or just the file. */
    public String location() {
        return failedAction == null ? script.file() : script.file() + ":" + failedAction.line();
    }

    public String message() {
        return failure == null ? null : failure.message();
    }
}
