package org.chamberlain.views.console.fx;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread is unavailable: a timer thread posts a probe every 5 ms and the probe
 * records how late it ran. The largest delay is the longest stall (give or take the 5 ms period).
 */
final class PulseWatchdog implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "pulse-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong maxDelayNanos = new AtomicLong();
    private final AtomicLong probes = new AtomicLong();
    private final AtomicLong startedAt = new AtomicLong();
    private volatile long worstAt;

    PulseWatchdog start() {
        startedAt.set(System.nanoTime());
        timer.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> {
                probes.incrementAndGet();
                long delay = System.nanoTime() - posted;
                if (delay > maxDelayNanos.get()) {
                    maxDelayNanos.set(delay);
                    worstAt = posted;
                }
            });
        }, 0, 5, TimeUnit.MILLISECONDS);
        return this;
    }

    double maxStallMillis() {
        return maxDelayNanos.get() / 1e6;
    }

    /** When the longest stall began, in ms after {@link #start}. */
    double worstAtMillis() {
        return (worstAt - startedAt.get()) / 1e6;
    }

    long probes() {
        return probes.get();
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
    }
}
