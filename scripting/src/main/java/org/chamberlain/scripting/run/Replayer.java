package org.chamberlain.scripting.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.chamberlain.scripting.parse.Action;
import org.chamberlain.scripting.parse.Script;
import org.chamberlain.scripting.parse.Verb;

/**
 * Replays scripts one after another against a server, as several accounts at once per script.
 *
 * <p>{@link #run} blocks the calling thread, which does all the network work itself (no thread of its own
 * per connection, see {@code Poller}) and also receives every {@link ReplayListener} call. Each script's
 * connections are closed before the next script starts, whatever happened; a script that fails or cannot run
 * does not stop the run.
 */
public final class Replayer {
    private final ReplayOptions options;

    public Replayer(ReplayOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public ReplayOptions options() {
        return options;
    }

    /**
     * Runs the scripts in the given order.
     *
     * @throws InterruptedException if the calling thread is interrupted; connections are closed first
     */
    public RunResult run(List<Script> scripts, ReplayListener listener) throws InterruptedException {
        Objects.requireNonNull(listener, "listener");
        long runStart = System.nanoTime();
        Timing timing = new Timing(listener, runStart);
        List<ScriptResult> results = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        List<Long> connects = new ArrayList<>();
        long paused = 0;
        long spun;
        int spinsCutShort;
        LoginFigures logins;
        listener.runStarted(List.copyOf(scripts), System.currentTimeMillis());
        try (Poller poller = Poller.open()) {
            for (int index = 0; index < scripts.size(); index++) {
                Script script = scripts.get(index);
                listener.scriptStarted(script, index, System.nanoTime() - runStart);
                ScriptRunner runner = new ScriptRunner(script, options, timing, runStart, poller, latencies,
                        connects);
                ScriptResult result = runner.run();
                paused += runner.pausedNanos();
                results.add(result);
                listener.scriptFinished(script, result, System.nanoTime() - runStart);
            }
            spun = poller.spunNanos();
            spinsCutShort = poller.preemptions();
            logins = poller.logins().figures();
        }
        long replay = timing.firstConnect < 0 ? 0 : timing.lastVerdict - timing.firstConnect;
        RunResult result = new RunResult(results, replay, toArray(latencies), toArray(connects), paused,
                spun, spinsCutShort, logins);
        listener.runFinished(result, System.nanoTime() - runStart);
        return result;
    }

    private static long[] toArray(List<Long> values) {
        long[] array = new long[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    /** Passes events on and notes when the first connect started and the last verdict was reached. */
    private static final class Timing extends ForwardingReplayListener {
        private final long runStart;
        private long firstConnect = -1;
        private long lastVerdict;

        Timing(ReplayListener delegate, long runStart) {
            super(delegate);
            this.runStart = runStart;
        }

        @Override
        public void actionStarted(Script script, Action action, long atNanos) {
            if (firstConnect < 0 && action.verb() == Verb.CONNECTS) {
                firstConnect = System.nanoTime() - runStart;
            }
            super.actionStarted(script, action, atNanos);
        }

        @Override
        public void actionFinished(Script script, Action action, ActionResult result, long atNanos) {
            lastVerdict = System.nanoTime() - runStart;
            super.actionFinished(script, action, result, atNanos);
        }
    }
}
