package org.chamberlain.scripting.run;

import java.util.List;
import org.chamberlain.scripting.parse.Action;
import org.chamberlain.scripting.parse.Script;

/** Combines listeners: each event goes to all of them, in order. */
public final class Listeners implements ReplayListener {
    private final List<ReplayListener> all;

    private Listeners(List<ReplayListener> all) {
        this.all = List.copyOf(all);
    }

    public static ReplayListener of(List<ReplayListener> listeners) {
        return listeners.size() == 1 ? listeners.get(0) : new Listeners(listeners);
    }

    @Override
    public void runStarted(List<Script> scripts, long wallClockMillis) {
        all.forEach(l -> l.runStarted(scripts, wallClockMillis));
    }

    @Override
    public void scriptStarted(Script script, int index, long atNanos) {
        all.forEach(l -> l.scriptStarted(script, index, atNanos));
    }

    @Override
    public void actionStarted(Script script, Action action, long atNanos) {
        all.forEach(l -> l.actionStarted(script, action, atNanos));
    }

    @Override
    public void stanzaSent(Script script, Action action, String account, String xml, long atNanos) {
        all.forEach(l -> l.stanzaSent(script, action, account, xml, atNanos));
    }

    @Override
    public void stanzaReceived(Script script, Action action, ReceivedStanza stanza, Disposition disposition,
            long arrivedAtNanos, long atNanos) {
        all.forEach(l -> l.stanzaReceived(script, action, stanza, disposition, arrivedAtNanos, atNanos));
    }

    @Override
    public void actionFinished(Script script, Action action, ActionResult result, long atNanos) {
        all.forEach(l -> l.actionFinished(script, action, result, atNanos));
    }

    @Override
    public void scriptFinished(Script script, ScriptResult result, long atNanos) {
        all.forEach(l -> l.scriptFinished(script, result, atNanos));
    }

    @Override
    public void runFinished(RunResult result, long atNanos) {
        all.forEach(l -> l.runFinished(result, atNanos));
    }
}
