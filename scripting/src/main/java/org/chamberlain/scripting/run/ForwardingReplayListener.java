package org.chamberlain.scripting.run;

import java.util.List;
import java.util.Objects;
import org.chamberlain.scripting.parse.Action;
import org.chamberlain.scripting.parse.Script;

/**
 * Passes every event on to a delegate. Decorators extend it and override only the events they act on, so
 * none can drop an event by forgetting to forward it.
 */
public abstract class ForwardingReplayListener implements ReplayListener {
    private final ReplayListener delegate;

    protected ForwardingReplayListener(ReplayListener delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public void runStarted(List<Script> scripts, long wallClockMillis) {
        delegate.runStarted(scripts, wallClockMillis);
    }

    @Override
    public void scriptStarted(Script script, int index, long atNanos) {
        delegate.scriptStarted(script, index, atNanos);
    }

    @Override
    public void actionStarted(Script script, Action action, long atNanos) {
        delegate.actionStarted(script, action, atNanos);
    }

    @Override
    public void stanzaSent(Script script, Action action, String account, String xml, long atNanos) {
        delegate.stanzaSent(script, action, account, xml, atNanos);
    }

    @Override
    public void stanzaReceived(Script script, Action action, ReceivedStanza stanza, Disposition disposition,
            long arrivedAtNanos, long atNanos) {
        delegate.stanzaReceived(script, action, stanza, disposition, arrivedAtNanos, atNanos);
    }

    @Override
    public void actionFinished(Script script, Action action, ActionResult result, long atNanos) {
        delegate.actionFinished(script, action, result, atNanos);
    }

    @Override
    public void scriptFinished(Script script, ScriptResult result, long atNanos) {
        delegate.scriptFinished(script, result, atNanos);
    }

    @Override
    public void runFinished(RunResult result, long atNanos) {
        delegate.runFinished(result, atNanos);
    }
}
