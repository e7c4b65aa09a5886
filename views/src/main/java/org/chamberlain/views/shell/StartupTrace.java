package org.chamberlain.views.shell;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Start-up checkpoints, for finding where the time to the main window goes (docs/benchmarks.md, "Start-up
 * (branch ui-startup, session 3)"): off unless the system property {@value #PROPERTY} is set. Then each
 * {@link #mark} prints the wall clock, the time since the process started, the calling thread's CPU time and
 * the process's CPU time, and {@link #threads} the CPU time of every thread (Linux {@code /proc}). Any thread.
 */
public final class StartupTrace {
    public static final String PROPERTY = "chamberlain.startupTrace";
    private static final boolean ON = System.getProperty(PROPERTY) != null;

    private StartupTrace() {
    }

    /** Prints one checkpoint line (java.management is not in the packaged runtime: /proc and java.base). */
    public static void mark(String what) {
        if (!ON) {
            return;
        }
        long now = System.currentTimeMillis();
        long sinceStart = ProcessHandle.current().info().startInstant()
                .map(started -> now - started.toEpochMilli()).orElse(-1L);
        System.out.printf("trace %d %5d ms  thread-cpu %6.1f ms  process-cpu %5d ms  [%s] %s%n", now, sinceStart,
                FirstFrameProbe.threadCpuMicros() / 1000.0, FirstFrameProbe.processCpuMillis(),
                Thread.currentThread().getName(), what);
    }

    /** Prints the CPU time each live thread has used so far ({@code thread-cpu MS ms NAME}). */
    public static void threads() {
        if (!ON) {
            return;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String stat = Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                long millis = FirstFrameProbe.cpuMillisOfStat(stat);
                if (millis > 0) {
                    System.out.println("thread-cpu " + millis + " ms " + name);
                }
            }
        } catch (IOException | RuntimeException e) {
            // A trace for people measuring; without /proc there is simply nothing to print.
            System.out.println("thread-cpu unavailable: " + e);
        }
    }
}
