package org.chamberlain.views.tasks;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Back-pressure from the UI thread to a long background loop (Apply's thousand requests): the loop calls
 * {@link #keepPace()} between steps; now and then that posts a no-op "beat" to the UI thread, and when a beat has
 * waited longer than {@code lag} for the UI thread, the loop waits until it ran (at most {@code maxWait}).
 *
 * <p>Why: on a two-core machine the loop's request/answer ping-pong keeps the connection's reader and writer
 * threads and a local server busy; a stalled UI thread then waited for a core while they ran (docs/benchmarks.md,
 * "FX stalls, round 2"). When the UI thread keeps up, its beats run within a millisecond and the loop never
 * waits. One loop (background thread) per instance.
 */
public final class UiPace {
    /** Defaults for Apply: a beat may wait 20 ms; the loop then yields for at most 250 ms per step. */
    public static final long DEFAULT_LAG_MILLIS = 20;
    public static final long DEFAULT_MAX_WAIT_MILLIS = 250;
    /**
     * At most one beat per this period, so a fast loop does not flood the UI thread with no-ops (on GTK each
     * runLater is a hand-off through Glass's dispatcher thread).
     */
    private static final long BEAT_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private final Executor ui;
    private final long lagNanos;
    private final long maxWaitNanos;
    private final Object lock = new Object();
    /** When the beat not yet run was posted; 0 when none is pending. Guarded by lock. */
    private long pendingSince;
    private long lastPostNanos;
    private long waitedNanos;
    private int waits;
    /** The pending beat already cost the loop a full maxWait: do not wait for it again. Guarded by lock. */
    private boolean gaveUpOnPending;
    private final boolean enabled;

    public UiPace(Executor ui, long lagMillis, long maxWaitMillis) {
        this(ui, lagMillis, maxWaitMillis, true);
    }

    private UiPace(Executor ui, long lagMillis, long maxWaitMillis, boolean enabled) {
        this.enabled = enabled;
        this.ui = ui;
        this.lagNanos = TimeUnit.MILLISECONDS.toNanos(lagMillis);
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
    }

    /** {@code -Dchamberlain.uiPace=false} turns pacing off (benchmarks compare with and without). */
    public static final String PROPERTY = "chamberlain.uiPace";

    /** With the default lag and maximum wait; {@link #off()} when {@link #PROPERTY} is false. */
    public static UiPace forUi(Executor ui) {
        if ("false".equals(System.getProperty(PROPERTY))) {
            return off();
        }
        return new UiPace(ui, DEFAULT_LAG_MILLIS, DEFAULT_MAX_WAIT_MILLIS);
    }

    /** A pace that never waits and posts nothing (tests that crank the UI thread by hand). */
    public static UiPace off() {
        return new UiPace(Runnable::run, 0, 0, false);
    }

    /**
     * Background thread, between two steps: returns at once when the UI thread keeps up; otherwise waits until it
     * has caught up or {@code maxWait} passed (then it does not wait for that beat again).
     *
     * @throws InterruptedException when the loop is cancelled while waiting
     */
    public void keepPace() throws InterruptedException {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        synchronized (lock) {
            if (pendingSince == 0) {
                if (now - lastPostNanos >= BEAT_PERIOD_NANOS) {
                    pendingSince = now;
                    lastPostNanos = now;
                    ui.execute(this::beat);
                }
                return;
            }
            if (now - pendingSince < lagNanos || gaveUpOnPending) {
                return;
            }
            waits++;
            long deadline = now + maxWaitNanos;
            long remaining = maxWaitNanos;
            while (pendingSince != 0 && remaining > 0) {
                TimeUnit.NANOSECONDS.timedWait(lock, remaining);
                remaining = deadline - System.nanoTime();
            }
            waitedNanos += System.nanoTime() - now;
            // A UI thread busy for longer than maxWait (a long task of its own) should not slow the loop at every
            // step: one wait per beat.
            gaveUpOnPending = pendingSince != 0;
        }
    }

    /** UI thread. */
    private void beat() {
        synchronized (lock) {
            pendingSince = 0;
            gaveUpOnPending = false;
            lock.notifyAll();
        }
    }

    /** How often and how long (ms) the loop waited for the UI thread so far; any thread. */
    public String waited() {
        synchronized (lock) {
            return waits + " waits, " + TimeUnit.NANOSECONDS.toMillis(waitedNanos) + " ms";
        }
    }

    /** Milliseconds the loop waited for the UI thread so far; any thread. */
    public long waitedMillis() {
        synchronized (lock) {
            return TimeUnit.NANOSECONDS.toMillis(waitedNanos);
        }
    }
}
