package org.chamberlain.scripting.report;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chamberlain.scripting.match.Difference;
import org.chamberlain.scripting.parse.Action;
import org.chamberlain.scripting.parse.Script;
import org.chamberlain.scripting.parse.ScriptProblem;
import org.chamberlain.scripting.run.ActionResult;
import org.chamberlain.scripting.run.Disposition;
import org.chamberlain.scripting.run.ReceivedStanza;
import org.chamberlain.scripting.run.ReplayListener;
import org.chamberlain.scripting.run.RunResult;
import org.chamberlain.scripting.run.ScriptResult;
import org.chamberlain.scripting.run.Verdict;

/**
 * Writes replay events as JSON lines ({@code docs/replay-events.md}): one object per line, flushed at once.
 * Called on the replay thread only.
 */
public final class EventStream implements ReplayListener {
    private final PrintStream out;

    public EventStream(PrintStream out) {
        this.out = out;
    }

    private void emit(Json json) {
        out.print(json.toString());
        out.print('\n');
        out.flush();
    }

    public void problem(ScriptProblem problem, boolean error) {
        emit(Json.object().put("event", error ? "parse-error" : "parse-warning").put("file", problem.file())
                .put("line", problem.line()).put("column", problem.column()).put("message", problem.message()));
    }

    public void skipped(Script script, String reason) {
        emit(Json.object().put("event", "script-skipped").put("file", script.file()).put("reason", reason));
    }

    @Override
    public void runStarted(List<Script> scripts, long wallClockMillis) {
        StringBuilder list = new StringBuilder("[");
        for (Script script : scripts) {
            if (list.length() > 1) {
                list.append(',');
            }
            list.append(Json.object().put("file", script.file()).put("title", script.title())
                    .raw("tags", tags(script.tags())));
        }
        list.append(']');
        emit(Json.object().put("event", "run-started").millis("t", 0)
                .put("startedAt", Instant.ofEpochMilli(wallClockMillis).toString()).raw("scripts", list.toString()));
    }

    private static String tags(Map<String, String> tags) {
        Json json = Json.object();
        tags.forEach(json::put);
        return json.toString();
    }

    @Override
    public void scriptStarted(Script script, int index, long atNanos) {
        emit(Json.object().put("event", "script-started").millis("t", atNanos).put("file", script.file())
                .put("index", index).put("title", script.title()));
    }

    private static Json action(String event, Script script, Action action, long atNanos) {
        return Json.object().put("event", event).millis("t", atNanos).put("file", script.file())
                .put("line", action.line()).put("index", action.index()).put("actor", action.actor())
                .put("verb", action.verb().word());
    }

    /** The replay paused before {@code action} and waits for a command on stdin (see StepControl). */
    public void paused(Script script, Action action, long atNanos) {
        emit(Json.object().put("event", "paused").millis("t", atNanos).put("file", script.file())
                .put("line", action.line()).put("index", action.index()));
    }

    @Override
    public void actionStarted(Script script, Action action, long atNanos) {
        emit(action("action-started", script, action, atNanos));
    }

    @Override
    public void stanzaSent(Script script, Action action, String account, String xml, long atNanos) {
        emit(Json.object().put("event", "stanza-sent").millis("t", atNanos).put("file", script.file())
                .put("line", action.line()).put("account", account).put("xml", xml));
    }

    @Override
    public void stanzaReceived(Script script, Action action, ReceivedStanza stanza, Disposition disposition,
            long arrivedAtNanos, long atNanos) {
        Json json = Json.object().put("event", "stanza-received").millis("t", atNanos).put("file", script.file());
        if (action != null) {
            json.put("line", action.line());
        }
        emit(json.put("account", stanza.account()).put("xml", stanza.xml()).millis("arrivedT", arrivedAtNanos)
                .put("disposition", disposition.label()));
    }

    @Override
    public void actionFinished(Script script, Action action, ActionResult result, long atNanos) {
        Json json = action("action-finished", script, action, atNanos).put("verdict", result.verdict().label())
                .millis("ms", result.durationNanos());
        if (result.verdict() != Verdict.PASSED || result.message() != null) {
            json.put("message", result.message());
        }
        if (result.verdict() != Verdict.PASSED && result.expectedXml() != null) {
            json.put("expected", result.expectedXml());
            if (result.closest() != null) {
                json.put("closest", result.closest().xml());
            }
            if (result.closestMatch() != null && result.closestMatch().difference() != null) {
                Difference difference = result.closestMatch().difference();
                json.raw("difference", Json.object().put("path", difference.path())
                        .put("expected", difference.expected()).put("received", difference.received())
                        .put("sentence", difference.sentence()).toString());
            }
        }
        emit(json);
    }

    @Override
    public void scriptFinished(Script script, ScriptResult result, long atNanos) {
        Json json = Json.object().put("event", "script-finished").millis("t", atNanos).put("file", script.file())
                .put("verdict", result.verdict().label()).millis("ms", result.durationNanos());
        if (result.failedAction() != null) {
            json.put("line", result.failedAction().line()).put("message", result.message());
        }
        emit(json);
    }

    @Override
    public void runFinished(RunResult result, long atNanos) {
        emit(Json.object().put("event", "run-finished").millis("t", atNanos)
                .put("passed", result.count(Verdict.PASSED)).put("failed", result.count(Verdict.FAILED))
                .put("errors", result.count(Verdict.ERROR)).put("skipped", result.count(Verdict.SKIPPED))
                .millis("replayMs", result.replayNanos()));
    }
}
