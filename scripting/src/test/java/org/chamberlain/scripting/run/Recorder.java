package org.chamberlain.scripting.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.chamberlain.scripting.parse.Action;
import org.chamberlain.scripting.parse.Script;

/** Collects listener calls of a run for assertions, and describes failures for assertion messages. */
class Recorder implements ReplayListener {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<String> threads = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void scriptStarted(Script script, int index, long atNanos) {
        note("script-started " + script.file());
    }

    @Override
    public void actionStarted(Script script, Action action, long atNanos) {
        note("action-started " + action.line());
    }

    @Override
    public void stanzaSent(Script script, Action action, String account, String xml, long atNanos) {
        note("sent " + account + " " + xml);
    }

    @Override
    public void stanzaReceived(Script script, Action action, ReceivedStanza stanza, Disposition disposition,
            long arrivedAtNanos, long atNanos) {
        note("received " + stanza.account() + " " + disposition + " " + stanza.xml());
    }

    @Override
    public void actionFinished(Script script, Action action, ActionResult result, long atNanos) {
        note("action-finished " + action.line() + " " + result.verdict());
    }

    @Override
    public void scriptFinished(Script script, ScriptResult result, long atNanos) {
        note("script-finished " + script.file() + " " + result.verdict());
    }

    private void note(String event) {
        events.add(String.format("%.1f ms %s", System.nanoTime() / 1e6 % 100000, event));
        threads.add(Thread.currentThread().getName());
    }

    static String describe(RunResult result) {
        StringBuilder out = new StringBuilder();
        for (ScriptResult script : result.scripts()) {
            if (script.verdict() != Verdict.PASSED) {
                out.append(script.location()).append(' ').append(script.verdict()).append(": ")
                        .append(script.message()).append('\n');
                ActionResult failure = script.failure();
                if (failure != null && failure.expectedXml() != null) {
                    out.append("  expected: ").append(failure.expectedXml()).append('\n');
                }
                if (failure != null && failure.closest() != null) {
                    out.append("  closest:  ").append(failure.closest().xml()).append('\n');
                    if (failure.closestMatch() != null) {
                        out.append("  diff:     ").append(failure.closestMatch().difference()).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }
}
