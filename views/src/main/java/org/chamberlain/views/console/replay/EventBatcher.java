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
 * <p>Threads: {@link #offer} from any thread; {@code sink} runs on the UI executor.
 */
public final class EventBatcher<E> {
    private final ConcurrentLinkedQueue<E> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong drains = new AtomicLong();
    private final Executor ui;
    private final Consumer<List<E>> sink;
    private final int maxBatch;

    public EventBatcher(Executor ui, Consumer<List<E>> sink, int maxBatch) {
        this.ui = Objects.requireNonNull(ui);
        this.sink = Objects.requireNonNull(sink);
        this.maxBatch = maxBatch;
    }

    public void offer(E event) {
        queue.add(event);
        if (scheduled.compareAndSet(false, true)) {
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
            ui.execute(this::drain);
        }
    }
}
