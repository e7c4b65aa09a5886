package org.chamberlain.views.console.fx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread is unavailable: a timer thread posts a probe every 5 ms and the probe
 * records how late it ran. The largest delay is the longest stall (give or take the 5 ms period).
 *
 * <p>It also says why: while a probe is overdue by more than 20 ms, a second timer samples the FX thread's
 * stack every 5 ms; {@link #stallSamples(int)} returns the most frequent stacks, so a stall found by the
 * benchmark names the code that caused it.
 */
final class PulseWatchdog implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread thread = new Thread(r, "pulse-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong maxDelayNanos = new AtomicLong();
    private final AtomicLong probes = new AtomicLong();
    private final AtomicLong startedAt = new AtomicLong();
    /** When the oldest probe not yet run was posted; 0 when none is waiting. */
    private final AtomicLong oldestWaiting = new AtomicLong();
    private final Map<String, Integer> samples = new HashMap<>();
    private final List<Long> delaysOver50 = new ArrayList<>();
    /** Every probe's delay in microseconds, for the percentiles; FX thread writes, read after close. */
    private final List<Long> allDelaysMicros = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<java.lang.management.GarbageCollectorMXBean> collectors =
            java.lang.management.ManagementFactory.getGarbageCollectorMXBeans();
    private final List<Long> stallStarts = new ArrayList<>();
    private final List<String> stallCpu = new ArrayList<>();
    private volatile long maxFxCpuInStall;
    private volatile long worstDelayWithCpu;
    private volatile long worstStallFxCpu = -1;
    private final java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    /** CPU time (ns) of the FX thread and of the render thread, sampled every 5 ms: time → {fx, render}. */
    private final java.util.concurrent.ConcurrentSkipListMap<Long, long[]> cpuSamples =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    private volatile Thread renderThread;
    private volatile Thread fxThread;
    private volatile long worstAt;
    private org.chamberlain.views.bench.StallAnatomy anatomy;
    /** {posted, ran} in ns of each stall over 50 ms, for {@link #stallsOver50()}. */
    private final List<long[]> stallSpans = new ArrayList<>();

    PulseWatchdog start() throws InterruptedException {
        CountDownLatch found = new CountDownLatch(1);
        Platform.runLater(() -> {
            fxThread = Thread.currentThread();
            found.countDown();
        });
        found.await(10, TimeUnit.SECONDS);
        anatomy = org.chamberlain.views.bench.StallAnatomy.start();
        startedAt.set(System.nanoTime());
        timer.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            oldestWaiting.compareAndSet(0, posted);
            Platform.runLater(() -> {
                probes.incrementAndGet();
                oldestWaiting.set(0);
                long delay = System.nanoTime() - posted;
                allDelaysMicros.add(delay / 1000);
                if (delay > 50_000_000L) {
                    recordStall(posted, delay);
                }
                if (delay > maxDelayNanos.get()) {
                    maxDelayNanos.set(delay);
                    worstAt = posted;
                }
            });
        }, 0, 5, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::sample, 2, 5, TimeUnit.MILLISECONDS);
        return this;
    }

    private long[] cpuNow() {
        Thread render = renderThread;
        if (render == null) {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().startsWith("QuantumRenderer")) {
                    renderThread = thread;
                    render = thread;
                }
            }
        }
        long gcMillis = 0;
        for (java.lang.management.GarbageCollectorMXBean collector : collectors) {
            gcMillis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] {cpu.getThreadCpuTime(fxThread.getId()),
            render == null ? 0 : cpu.getThreadCpuTime(render.getId()), gcMillis * 1_000_000L};
    }

    /** A probe posted at {@code posted} ran {@code delay} ns late; probes of one stall run at the same time. */
    private void recordStall(long posted, long delay) {
        long ranAt = posted + delay;
        long[] now = cpuNow();
        java.util.Map.Entry<Long, long[]> before = cpuSamples.floorEntry(posted);
        synchronized (delaysOver50) {
            int last = delaysOver50.size() - 1;
            if (last >= 0 && Math.abs(stallStarts.get(last) * 1_000_000L + startedAt.get()
                    + delaysOver50.get(last) * 1_000_000L - ranAt) < 4_000_000L) {
                return;
            }
            delaysOver50.add(delay / 1_000_000);
            stallStarts.add((posted - startedAt.get()) / 1_000_000);
            stallSpans.add(new long[] {posted, ranAt});
            if (before != null) {
                maxFxCpuInStall = Math.max(maxFxCpuInStall, (now[0] - before.getValue()[0]) / 1_000_000);
            }
            stallCpu.add(before == null ? "?" : String.format(Locale.ROOT, "fx %d ms cpu, render %d ms cpu, gc %d ms",
                    (now[0] - before.getValue()[0]) / 1_000_000, (now[1] - before.getValue()[1]) / 1_000_000,
                    (now[2] - before.getValue()[2]) / 1_000_000));
            if (before != null && delay == Math.max(delay, worstDelayWithCpu)) {
                worstDelayWithCpu = delay;
                worstStallFxCpu = (now[0] - before.getValue()[0]) / 1_000_000;
            }
        }
    }

    private void sample() {
        long sampledAt = System.nanoTime();
        if (fxThread != null) {
            cpuSamples.put(sampledAt, cpuNow());
            cpuSamples.headMap(sampledAt - 5_000_000_000L).clear();
        }
        long waiting = oldestWaiting.get();
        Thread fx = fxThread;
        // Stacks only when asked for (-Dconsole.bench.stacks=N): sampling them costs the stall itself CPU.
        if (fx == null || waiting == 0 || System.nanoTime() - waiting < 20_000_000L
                || Integer.getInteger("console.bench.stacks", 0) == 0) {
            return;
        }
        StringBuilder stack = new StringBuilder();
        int shown = 0;
        StackTraceElement[] frames = fx.getStackTrace();
        for (StackTraceElement frame : frames) {
            if (shown++ == 90) {
                break;
            }
            stack.append("\n      at ").append(frame);
        }
        if (frames.length > 0 && frames.length > 6 && frames[6].getMethodName().equals("waitForRenderingToComplete")
                || frames.length > 5 && frames[5].getMethodName().equals("waitForRenderingToComplete")) {
            // Waiting for the render thread: what it does is the cause.
            for (Map.Entry<Thread, StackTraceElement[]> other : Thread.getAllStackTraces().entrySet()) {
                if (other.getKey().getName().startsWith("QuantumRenderer")) {
                    stack.append("\n    renderer:");
                    shown = 0;
                    for (StackTraceElement frame : other.getValue()) {
                        if (shown++ == 10) {
                            break;
                        }
                        stack.append("\n      at ").append(frame);
                    }
                }
            }
        }
        synchronized (samples) {
            samples.merge(stack.toString(), 1, Integer::sum);
        }
        Thread render = renderThread;
        // Only when stacks are asked for: sampling a second thread's stack every 5 ms cost ~20 ms of CPU per stall.
        if (render != null && Integer.getInteger("console.bench.stacks", 0) > 0) {
            StackTraceElement[] frames2 = render.getStackTrace();
            if (frames2.length > 0 && !frames2[0].getMethodName().equals("park")) {
                StringBuilder renderStack = new StringBuilder();
                for (int i = 0; i < Math.min(14, frames2.length); i++) {
                    renderStack.append("\n      at ").append(frames2[i]);
                }
                synchronized (renderSamples) {
                    renderSamples.merge(renderStack.toString(), 1, Integer::sum);
                }
            }
        }
    }

    /** Render-thread stacks sampled while a probe was overdue and the render thread was not idle. */
    private final Map<String, Integer> renderSamples = new HashMap<>();

    String renderSamples(int top) {
        List<Map.Entry<String, Integer>> sorted;
        synchronized (renderSamples) {
            sorted = new ArrayList<>(renderSamples.entrySet());
        }
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d busy render-thread samples during stalls",
                sorted.stream().mapToInt(Map.Entry::getValue).sum()));
        for (Map.Entry<String, Integer> entry : sorted.subList(0, Math.min(top, sorted.size()))) {
            out.append(String.format(Locale.ROOT, "%n  %d×%s", entry.getValue(), entry.getKey()));
        }
        return out.toString();
    }

    double maxStallMillis() {
        return maxDelayNanos.get() / 1e6;
    }

    /** When the longest stall began, in ms after {@link #start}. */
    double worstAtMillis() {
        return (worstAt - startedAt.get()) / 1e6;
    }

    /** The most CPU time the FX thread used during one stall over 50 ms (its own work, not waiting). */
    long maxFxCpuInStallMillis() {
        return maxFxCpuInStall;
    }

    /** FX-thread CPU during the longest stall over 50 ms (-1 when there was none). */
    long fxCpuInWorstStallMillis() {
        return worstStallFxCpu;
    }

    /** The probes' delay at quantile {@code q} (0.5 median, 0.99 p99), in ms. */
    double delayQuantileMillis(double q) {
        List<Long> sorted;
        synchronized (allDelaysMicros) {
            sorted = new ArrayList<>(allDelaysMicros);
        }
        if (sorted.isEmpty()) {
            return 0;
        }
        java.util.Collections.sort(sorted);
        int index = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(sorted.size() * q) - 1));
        return sorted.get(index) / 1000.0;
    }

    long probes() {
        return probes.get();
    }

    /** Stalls over 50 ms as "length at start (CPU used meanwhile)", ms after {@link #start}, in their order. */
    List<String> stallsOver50() {
        synchronized (delaysOver50) {
            List<String> all = new ArrayList<>();
            for (int i = 0; i < delaysOver50.size(); i++) {
                all.add(delaysOver50.get(i) + " ms at " + stallStarts.get(i) + " (" + stallCpu.get(i) + "; "
                        + anatomy.explain(stallSpans.get(i)[0], stallSpans.get(i)[1]) + ")");
            }
            return all;
        }
    }

    /** The {@code top} most frequent FX-thread stacks seen during stalls, with their sample counts (5 ms each). */
    String stallSamples(int top) {
        List<Map.Entry<String, Integer>> sorted;
        synchronized (samples) {
            sorted = new ArrayList<>(samples.entrySet());
        }
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        StringBuilder out = new StringBuilder();
        int total = sorted.stream().mapToInt(Map.Entry::getValue).sum();
        out.append(String.format(Locale.ROOT, "%d FX-thread stack samples during stalls%s", total,
                top > 0 ? "" : " (-Dconsole.bench.stacks=N prints the N most frequent)"));
        for (Map.Entry<String, Integer> entry : sorted.subList(0, Math.min(top, sorted.size()))) {
            out.append(String.format(Locale.ROOT, "%n  %d×%s", entry.getValue(), entry.getKey()));
        }
        return out.toString();
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        if (anatomy != null) {
            anatomy.close();
        }
    }
}
