package org.chamberlain.views.console.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Hands events from a producer thread to the UI thread in batches: at most one drain is pending on the UI
 * executor at any time, and each drain takes what accumulated meanwhile (capped, so one drain never holds
 * the FX thread long). At 10,000 stanzas a second this is a few dozen {@code runLater}s, not 10,000.
 *
 * <p>With a {@link Delayer} and a minimum interval, drains are also spaced in time: a drain never follows
 * the previous one sooner than the interval. Every drain changes the scene and so costs a frame; a replay
 * whose events trickle in would otherwise make the FX thread render (and, on a software pipeline, wait for
 * the previous frame to be rendered) on every pulse. Events that arrive meanwhile join the next batch.
 *
 * <p>Threads: {@link #offer} from any thread; {@code sink} runs on the UI executor.
 */
public final class EventBatcher<E> {
    /** Runs a task after a delay, on some thread of its owner (the batcher then hands it to the UI). */
    @FunctionalInterface
    public interface Delayer {
        void after(long nanos, Runnable task);
    }

    private final ConcurrentLinkedQueue<E> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong drains = new AtomicLong();
    private final Executor ui;
    private final Consumer<List<E>> sink;
    private final int maxBatch;
    private final Delayer delayer;
    private final long minIntervalNanos;
    private volatile long lastDrainNanos;

    /** Drains as soon as the UI executor runs them. */
    public EventBatcher(Executor ui, Consumer<List<E>> sink, int maxBatch) {
        this(ui, sink, maxBatch, null, 0);
    }

    /**
     * Drains at most once per {@code minIntervalMillis}; {@code delayer} postpones a drain that would come
     * too soon.
     */
    public EventBatcher(Executor ui, Consumer<List<E>> sink, int maxBatch, Delayer delayer, long minIntervalMillis) {
        this.ui = Objects.requireNonNull(ui);
        this.sink = Objects.requireNonNull(sink);
        this.maxBatch = maxBatch;
        this.delayer = delayer;
        this.minIntervalNanos = delayer == null ? 0 : minIntervalMillis * 1_000_000L;
        this.lastDrainNanos = System.nanoTime() - this.minIntervalNanos;
    }

    public void offer(E event) {
        queue.add(event);
        if (scheduled.compareAndSet(false, true)) {
            schedule();
        }
    }

    private void schedule() {
        long wait = lastDrainNanos + minIntervalNanos - System.nanoTime();
        if (wait > 0) {
            delayer.after(wait, () -> ui.execute(this::drain));
        } else {
            ui.execute(this::drain);
        }
    }

    /** How many batches were handed to the UI so far (for tests and benchmarks). */
    public long drains() {
        return drains.get();
    }

    private void drain() {
        // Cleared before polling: an event offered from now on schedules the next drain itself.
        scheduled.set(false);
        lastDrainNanos = System.nanoTime();
        List<E> batch = new ArrayList<>(Math.min(maxBatch, 256));
        E event;
        while (batch.size() < maxBatch && (event = queue.poll()) != null) {
            batch.add(event);
        }
        if (!batch.isEmpty()) {
            drains.incrementAndGet();
            sink.accept(batch);
        }
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            schedule();
        }
    }
}
