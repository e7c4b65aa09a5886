package org.chamberlain.views.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;

/**
 * What each pulse of a scene costs the FX thread: wall and CPU time of the CSS + layout pass (pre- to
 * post-layout listener), and of the whole cycle from the previous pulse's layout to this one's (the runnables
 * in between, waiting for the previous frame to be rendered, syncing it). Splits a long FX-thread stall into
 * "the FX thread worked" and "the FX thread waited". FX thread only, except {@link #longest}, called after
 * {@link #detach}.
 */
public final class PulseLog {
    private final Scene scene;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long startedNanos = System.nanoTime();
    private final List<long[]> cycles = new ArrayList<>();
    private long preWall;
    private long preCpu;
    private long lastPostWall;
    private long lastPostCpu;
    private final Runnable pre = this::pre;
    private final Runnable post = this::post;

    /** FX thread. */
    public PulseLog(Scene scene) {
        this.scene = scene;
        lastPostWall = System.nanoTime();
        lastPostCpu = threads.getCurrentThreadCpuTime();
        scene.addPreLayoutPulseListener(pre);
        scene.addPostLayoutPulseListener(post);
    }

    private void pre() {
        preWall = System.nanoTime();
        preCpu = threads.getCurrentThreadCpuTime();
    }

    private void post() {
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        // {start of the cycle after start, cycle wall, cycle FX CPU, layout wall, layout FX CPU}, in µs
        cycles.add(new long[] {(lastPostWall - startedNanos) / 1000, (wall - lastPostWall) / 1000,
                (cpu - lastPostCpu) / 1000, (wall - preWall) / 1000, (cpu - preCpu) / 1000});
        lastPostWall = wall;
        lastPostCpu = cpu;
    }

    /** FX thread. */
    public void detach() {
        scene.removePreLayoutPulseListener(pre);
        scene.removePostLayoutPulseListener(post);
    }

    /** The {@code n} longest pulse cycles, and the most FX CPU in any one cycle. */
    public String longest(int n) {
        return top(n, 1, "longest");
    }

    /**
     * The {@code n} pulse cycles in which the FX thread used the most CPU (where pulses are rare, as in the
     * console, the longest cycles are mostly idle time between them).
     */
    public String mostCpu(int n) {
        return top(n, 2, "costliest");
    }

    private String top(int n, int column, String what) {
        List<long[]> sorted = new ArrayList<>(cycles);
        long maxCpu = sorted.stream().mapToLong(c -> c[2]).max().orElse(0);
        sorted.sort(Comparator.comparingLong((long[] c) -> c[column]).reversed());
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d pulses; most FX CPU in one pulse cycle"
                + " %.1f ms; %s cycles (from the previous pulse's layout to this one's):", cycles.size(),
                maxCpu / 1000.0, what));
        for (long[] c : sorted.subList(0, Math.min(n, sorted.size()))) {
            out.append(String.format(Locale.ROOT, "%n    at %d ms: %.1f ms, FX CPU %.1f ms; of which CSS + layout"
                    + " %.1f ms, FX CPU %.1f ms", c[0] / 1000, c[1] / 1000.0, c[2] / 1000.0, c[3] / 1000.0,
                    c[4] / 1000.0));
        }
        return out.toString();
    }
}
