package org.chamberlain.views.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps work waiting: every 10 ms a probe is posted with
 * {@code Platform.runLater}, and the delay until it runs is recorded. A stall of the FX thread shows as one
 * long delay. Owns its scheduler thread; {@link #stop()} shuts it down.
 */
final class Watchdog {
    private final ScheduledExecutorService poster = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fx-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    /** Written on the FX thread only, read after stop() has drained it. */
    private final List<Long> delaysMillis = Collections.synchronizedList(new ArrayList<>());
    private final long startedNanos = System.nanoTime();
    /** When the longest delay began, in milliseconds after start; FX thread only. */
    private volatile long worstAtMillis;
    private volatile long worstMillis = -1;

    private Watchdog() {
    }

    static Watchdog start() {
        Watchdog watchdog = new Watchdog();
        watchdog.poster.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> {
                long delay = (System.nanoTime() - posted) / 1_000_000;
                watchdog.delaysMillis.add(delay);
                if (delay > watchdog.worstMillis) {
                    watchdog.worstMillis = delay;
                    watchdog.worstAtMillis = (posted - watchdog.startedNanos) / 1_000_000;
                }
            });
        }, 0, 10, TimeUnit.MILLISECONDS);
        return watchdog;
    }

    Result stop() throws InterruptedException {
        poster.shutdown();
        poster.awaitTermination(5, TimeUnit.SECONDS);
        // Let the probes already posted run, so the last stall is counted too.
        java.util.concurrent.CountDownLatch drained = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(drained::countDown);
        drained.await(60, TimeUnit.SECONDS);
        List<Long> sorted;
        synchronized (delaysMillis) {
            sorted = new ArrayList<>(delaysMillis);
        }
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return new Result(0, 0, 0, 0, 0);
        }
        return new Result(sorted.size(), sorted.get(sorted.size() - 1),
                sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)),
                sorted.get(sorted.size() / 2), worstAtMillis);
    }

    /** Delays of the probes in milliseconds; {@code worstAtMillis}: when the longest began, after start. */
    record Result(int samples, long max, long p99, long median, long worstAtMillis) {
    }
}
