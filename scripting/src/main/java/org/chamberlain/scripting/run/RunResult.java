package org.chamberlain.scripting.run;

import java.util.List;

/**
 * The outcome of a run.
 *
 * @param replayNanos from the first connect to the last verdict
 * @param arrivalToVerdictNanos for every stanza that satisfied a {@code receives}: the time from its arrival on
 *     the socket to the verdict
 * @param connectNanos duration of every successful {@code connects} (TCP, stream, SASL, bind)
 * @param pausedNanos time the runner sat out pauses after sends (the rest of each pause overlapped a receives)
 * @param spunNanos time the runner watched its sockets on the CPU before blocking (see {@code Poller})
 * @param spinsCutShort how often a spin found the runner descheduled (spinning then paused for a while)
 * @param logins how the logins went: pipelined or not, time per stage
 */
public record RunResult(List<ScriptResult> scripts, long replayNanos, long[] arrivalToVerdictNanos,
        long[] connectNanos, long pausedNanos, long spunNanos, int spinsCutShort, LoginFigures logins) {
    public RunResult {
        scripts = List.copyOf(scripts);
        arrivalToVerdictNanos = arrivalToVerdictNanos.clone();
        connectNanos = connectNanos.clone();
    }

    public long count(Verdict verdict) {
        return scripts.stream().filter(s -> s.verdict() == verdict).count();
    }

    /** True when every script passed. */
    public boolean allPassed() {
        return scripts.stream().allMatch(s -> s.verdict() == Verdict.PASSED);
    }

    @Override
    public long[] arrivalToVerdictNanos() {
        return arrivalToVerdictNanos.clone();
    }

    @Override
    public long[] connectNanos() {
        return connectNanos.clone();
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "RunResult[" + count(Verdict.PASSED) + " passed, " + (scripts.size() - count(Verdict.PASSED))
                + " not passed]";
    }
}
