package org.chamberlain.views.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps work waiting: every 10 ms a probe is posted with
 * {@code Platform.runLater}, and the delay until it runs is recorded. A stall of the FX thread shows as one
 * long delay. Also samples the FX thread's CPU time every 5 ms, so the longest stall is reported with the CPU
 * the FX thread used inside it (the rest is waiting: for a core, or for the render thread), and, with
 * {@code -Dbench.stacks=N}, the N most frequent FX-thread stacks seen while a probe was overdue by 20 ms.
 * Owns its scheduler threads; {@link #stop()} shuts them down.
 */
final class Watchdog {
    private static final int STACKS = Integer.getInteger("bench.stacks", 0);
    private final ScheduledExecutorService poster = Executors.newScheduledThreadPool(2, r -> {
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
    private volatile long worstFxCpuMillis = -1;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** FX-thread CPU time (ns), sampled every 5 ms: sample time → CPU time. */
    private final ConcurrentSkipListMap<Long, Long> cpuSamples = new ConcurrentSkipListMap<>();
    private final AtomicLong oldestWaiting = new AtomicLong();
    private final Map<String, Integer> stacks = new HashMap<>();
    private volatile Thread fxThread;
    private final StallAnatomy anatomy = StallAnatomy.start();
    /** Probes that waited over 40 ms: {posted, ran} in ns; the FX thread adds, read after stop(). */
    private final List<long[]> longDelays = Collections.synchronizedList(new ArrayList<>());

    private Watchdog() {
    }

    static Watchdog start() throws InterruptedException {
        Watchdog watchdog = new Watchdog();
        CountDownLatch found = new CountDownLatch(1);
        Platform.runLater(() -> {
            watchdog.fxThread = Thread.currentThread();
            found.countDown();
        });
        found.await(60, TimeUnit.SECONDS);
        watchdog.poster.scheduleAtFixedRate(watchdog::sample, 0, 5, TimeUnit.MILLISECONDS);
        watchdog.poster.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            watchdog.oldestWaiting.compareAndSet(0, posted);
            Platform.runLater(() -> {
                watchdog.oldestWaiting.set(0);
                long now = System.nanoTime();
                long delay = (now - posted) / 1_000_000;
                watchdog.delaysMillis.add(delay);
                if (delay > 40) {
                    watchdog.longDelays.add(new long[] {posted, now});
                }
                if (delay > watchdog.worstMillis) {
                    watchdog.worstMillis = delay;
                    watchdog.worstAtMillis = (posted - watchdog.startedNanos) / 1_000_000;
                    Map.Entry<Long, Long> before = watchdog.cpuSamples.floorEntry(posted);
                    watchdog.worstFxCpuMillis = before == null ? -1
                            : (watchdog.threads.getCurrentThreadCpuTime() - before.getValue()) / 1_000_000;
                }
            });
        }, 0, 10, TimeUnit.MILLISECONDS);
        return watchdog;
    }

    private void sample() {
        Thread fx = fxThread;
        long now = System.nanoTime();
        cpuSamples.put(now, threads.getThreadCpuTime(fx.getId()));
        cpuSamples.headMap(now - 5_000_000_000L).clear();
        long waiting = oldestWaiting.get();
        if (STACKS == 0 || waiting == 0 || now - waiting < 20_000_000L) {
            return;
        }
        StringBuilder stack = new StringBuilder();
        StackTraceElement[] frames = fx.getStackTrace();
        for (int i = 0; i < Math.min(40, frames.length); i++) {
            stack.append("\n      at ").append(frames[i]);
        }
        synchronized (stacks) {
            stacks.merge(stack.toString(), 1, Integer::sum);
        }
    }

    Result stop() throws InterruptedException {
        poster.shutdown();
        poster.awaitTermination(5, TimeUnit.SECONDS);
        // Let the probes already posted run, so the last stall is counted too.
        CountDownLatch drained = new CountDownLatch(1);
        Platform.runLater(drained::countDown);
        drained.await(60, TimeUnit.SECONDS);
        List<Long> sorted;
        synchronized (delaysMillis) {
            sorted = new ArrayList<>(delaysMillis);
        }
        Collections.sort(sorted);
        String stalls = stallsOver40();
        anatomy.close();
        if (sorted.isEmpty()) {
            return new Result(0, 0, 0, 0, 0, -1, "", stalls);
        }
        return new Result(sorted.size(), sorted.get(sorted.size() - 1),
                sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)),
                sorted.get(sorted.size() / 2), worstAtMillis, worstFxCpuMillis, topStacks(), stalls);
    }

    /** Each stall over 40 ms (the probes that ran together count once, by the oldest), with what it consisted of. */
    private String stallsOver40() {
        List<long[]> delays;
        synchronized (longDelays) {
            delays = new ArrayList<>(longDelays);
        }
        StringBuilder out = new StringBuilder();
        long lastRan = Long.MIN_VALUE;
        for (long[] d : delays) {
            if (Math.abs(d[1] - lastRan) < 4_000_000L) {
                continue;
            }
            lastRan = d[1];
            out.append(String.format(Locale.ROOT, "%n    stall %d ms at %d ms: %s", (d[1] - d[0]) / 1_000_000,
                    (d[0] - startedNanos) / 1_000_000, anatomy.explain(d[0], d[1])));
        }
        return out.length() == 0 ? "  no stall over 40 ms" : "  stalls over 40 ms (after start):" + out;
    }

    private String topStacks() {
        if (STACKS == 0) {
            return "";
        }
        List<Map.Entry<String, Integer>> sorted;
        synchronized (stacks) {
            sorted = new ArrayList<>(stacks.entrySet());
        }
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        StringBuilder out = new StringBuilder("  FX-thread stacks while a probe was overdue (5 ms samples):");
        for (Map.Entry<String, Integer> entry : sorted.subList(0, Math.min(STACKS, sorted.size()))) {
            out.append(String.format(Locale.ROOT, "%n  %d×%s", entry.getValue(), entry.getKey()));
        }
        return out.toString();
    }

    /**
     * Delays of the probes in milliseconds; {@code worstAtMillis}: when the longest began, after start;
     * {@code worstFxCpuMillis}: the FX thread's CPU inside the longest stall (-1 if unknown); {@code stalls}: each
     * stall over 40 ms with what the FX thread, the render thread, the GC, the app and other processes did in it.
     */
    record Result(int samples, long max, long p99, long median, long worstAtMillis, long worstFxCpuMillis,
            String stacks, String stalls) {
    }
}
