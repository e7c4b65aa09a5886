package org.chamberlain.views.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Reports when a window has shown its first frame, and when its content was complete and rendered, for the
 * start-up benchmark (docs/benchmarks.md); off unless the system property {@value #PROPERTY} is set. The
 * product's launcher and the benchmark's bare window use this same probe, so both figures mean the same thing.
 *
 * <p>"Shown" is the second pulse after the stage is showing: Quantum hands a pulse's frame to the render
 * thread and waits for it before it renders the next pulse, so when the second pulse's layout is done the
 * first frame with the real scene is on the screen. "Ready" is the same two pulses counted from the moment
 * the window says its content is complete; when it was complete before it was shown (the main window, the
 * bare window), that is the first frame itself.
 * Each line also carries the process's CPU time so far (user + system, from {@code /proc/self/stat}; -1
 * where there is none), which other work on a shared machine inflates much less than the wall time, and the
 * FX thread's own CPU time (the critical path: other threads can run on another core).
 * Called on the FX thread.
 */
public final class FirstFrameProbe {
    /** {@code print}: print the lines; {@code exit}: print them, then close the window. */
    public static final String PROPERTY = "chamberlain.firstFrameProbe";
    /** {@code first-frame-epoch-ms=N cpu-ms=C fx-cpu-ms=F}. */
    public static final String OUTPUT_PREFIX = "first-frame-epoch-ms=";
    /** {@code ready-epoch-ms=N cpu-ms=C fx-cpu-ms=F}: the complete window rendered. */
    public static final String READY_PREFIX = "ready-epoch-ms=";
    public static final String CPU_MARK = " cpu-ms=";
    /** After the process CPU: the FX thread's own CPU time so far, the start-up's critical path. */
    public static final String FX_CPU_MARK = " fx-cpu-ms=";

    private FirstFrameProbe() {
    }

    /** Watches a window that is complete with its first frame; call right after the stage's first show. */
    public static void attachIfRequested(Stage stage) {
        attachIfRequested(stage, new javafx.beans.property.SimpleBooleanProperty(true));
    }

    /**
     * Watches {@code stage} if the probe is switched on; call right after the stage's first show.
     * {@code ready} turns true once the window's content is complete.
     */
    public static void attachIfRequested(Stage stage, ObservableBooleanValue ready) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null || stage.getScene() == null) {
            return;
        }
        // Complete when shown: the first frame is the complete window.
        boolean completeWhenShown = ready.get();
        Runnable closeIfAsked = () -> {
            if ("exit".equals(mode)) {
                Platform.runLater(stage::close);
            }
        };
        afterTwoPulses(stage, () -> {
            if (completeWhenShown) {
                // One reading for both lines: the ready line must not also count the time this probe took to
                // print the first one (reading /proc with cold code: ~10-20 ms).
                report(OUTPUT_PREFIX, READY_PREFIX);
                closeIfAsked.run();
            } else {
                report(OUTPUT_PREFIX);
                whenTrue(ready, () -> afterTwoPulses(stage, () -> {
                    report(READY_PREFIX);
                    closeIfAsked.run();
                }));
            }
        });
    }

    private static void whenTrue(ObservableBooleanValue value, Runnable then) {
        if (value.get()) {
            then.run();
            return;
        }
        value.addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean old, Boolean now) {
                if (now) {
                    value.removeListener(this);
                    then.run();
                }
            }
        });
    }

    /**
     * FX thread: runs {@code then} at the end of the second pulse (while the stage shows) from now. Shared by
     * the probe and by the main window, which builds its workspace only once its shell is on the screen.
     */
    public static void afterTwoPulses(Stage stage, Runnable then) {
        Scene scene = stage.getScene();
        int[] pulsesWhileShowing = {0};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (!stage.isShowing()) {
                return;
            }
            pulsesWhileShowing[0]++;
            StartupTrace.mark("pulse " + pulsesWhileShowing[0]);
            if (pulsesWhileShowing[0] < 2) {
                Platform.requestNextPulse();
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            then.run();
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    /** Prints one line per prefix, all with the same reading of the clock and the CPU times, taken first. */
    private static void report(String... prefixes) {
        long now = System.currentTimeMillis();
        String reading = now + CPU_MARK + processCpuMillis() + FX_CPU_MARK + Math.round(threadCpuMicros() / 1000.0);
        for (String prefix : prefixes) {
            StartupTrace.mark(prefix);
            if (prefix.equals(READY_PREFIX)) {
                StartupTrace.threads();
            }
            System.out.println(prefix + reading);
        }
        System.out.flush();
    }

    /**
     * The calling thread's CPU time in microseconds: from {@code /proc/thread-self/schedstat} (nanoseconds on
     * the CPU) where the kernel has it, else from its {@code stat} (10 ms ticks); -1 without /proc.
     */
    static long threadCpuMicros() {
        try {
            String schedstat = Files.readString(Path.of("/proc/thread-self/schedstat"), StandardCharsets.US_ASCII);
            return Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))) / 1000;
        } catch (IOException | RuntimeException e) {
            long millis = cpuMillis(Path.of("/proc/thread-self/stat"));
            return millis < 0 ? -1 : millis * 1000;
        }
    }

    /** User + system CPU time of this process from /proc (Linux), or -1. */
    static long processCpuMillis() {
        return cpuMillis(Path.of("/proc/self/stat"));
    }

    /** User + system CPU time from a /proc stat file (a process's or, under thread-self, a thread's), or -1. */
    static long cpuMillis(Path statFile) {
        try {
            return cpuMillisOfStat(Files.readString(statFile, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** User + system CPU time from the text of a /proc stat file. */
    static long cpuMillisOfStat(String stat) {
        // Fields after the command name (which may hold spaces) start after the last ')'; utime and stime
        // are fields 14 and 15 of the line, i.e. the 12th and 13th after it.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        // USER_HZ is 100 on every Linux build the JDK supports.
        return ticks * 10;
    }
}
