package org.chamberlain.views.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What the FX thread waited for during a stall, from Linux's per-thread scheduler counters: every 5 ms it reads
 * {@code /proc/self/task/<tid>/schedstat} (ns on a core, ns runnable but waiting for a core) of the FX thread, the
 * render thread and the VM thread (where the serial collector and safepoints run), the whole JVM's CPU, the CPU
 * of this JVM's child processes (Prosody, the replayer) and of {@code -Dbench.watchPids=name:pid,...} (Xvfb), and
 * the machine's idle time ({@code /proc/stat}). {@link #explain} turns two samples around a stall into one line:
 * "FX ran 2 ms and waited 40 ms for a core; render ran 30 ms; GC 0 ms; prosody 30 ms; idle 0 ms".
 * Linux only: elsewhere every figure reads 0. Owns its sampler thread; {@link #close} stops it.
 */
public final class StallAnatomy implements AutoCloseable {
    private static final long PERIOD_MILLIS = 5;
    private static final long TICK_NANOS = 10_000_000L;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "stall-anatomy");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentSkipListMap<Long, Sample> samples = new ConcurrentSkipListMap<>();
    private final Map<String, Path> threadStats = new HashMap<>();
    private final Map<String, Long> watched = new HashMap<>();
    private static final Path SELF_STAT = Path.of("/proc/self/stat");
    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** Open /proc files and the buffer they are read into; the sampler thread only. */
    private final Map<Path, FileChannel> channels = new HashMap<>();
    private final byte[] bytes = new byte[1024];
    private final ByteBuffer buffer = ByteBuffer.wrap(bytes);
    /** The app's threads: schedstat file → name with trailing digits dropped; refreshed every 500 ms. */
    private volatile Map<Path, String> taskNames = Map.of();
    private volatile Map<String, List<Path>> children = Map.of();
    private long childrenRefreshedAt;
    /** Every app thread's time on a core (ns) by name, every 50 ms: sample time → name → ns. */
    private final ConcurrentSkipListMap<Long, Map<String, Long>> threadSamples = new ConcurrentSkipListMap<>();
    private long threadsSampledAt;

    /** One reading: thread counters in ns, process and machine counters in clock ticks (10 ms). */
    private record Sample(long fxRun, long fxWait, long renderRun, long renderWait, long vmRun, long jvmTicks,
            long idleTicks, Map<String, Long> processTicks) {
    }

    private StallAnatomy() {
    }

    /** Any thread; the FX thread must exist (the toolkit started). */
    public static StallAnatomy start() {
        StallAnatomy anatomy = new StallAnatomy();
        for (String spec : System.getProperty("bench.watchPids", "").split(",")) {
            int colon = spec.indexOf(':');
            if (colon > 0) {
                anatomy.watched.put(spec.substring(0, colon), Long.parseLong(spec.substring(colon + 1).trim()));
            }
        }
        anatomy.sampler.scheduleAtFixedRate(anatomy::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return anatomy;
    }

    private void sample() {
        long now = System.nanoTime();
        if (threadStats.size() < 3 || now - childrenRefreshedAt > 500_000_000L) {
            findThreads();
            refreshChildren();
            childrenRefreshedAt = now;
        }
        Path fx = threadStats.get("fx");
        Path render = threadStats.get("render");
        Path vm = threadStats.get("vm");
        Map<String, Long> processes = new HashMap<>();
        children.forEach((name, paths) -> processes.put(name, paths.stream().mapToLong(this::ticks).sum()));
        watched.forEach((name, pid) -> processes.put(name, ticks(Path.of("/proc/" + pid + "/stat"))));
        samples.put(now, new Sample(schedField(fx, 0), schedField(fx, 1), schedField(render, 0),
                schedField(render, 1), schedField(vm, 0), ticks(SELF_STAT), idleTicks(), processes));
        samples.headMap(now - 30_000_000_000L).clear();
        if (now - threadsSampledAt >= 50_000_000L) {
            threadsSampledAt = now;
            threadSamples.put(now, allThreads());
            threadSamples.headMap(now - 30_000_000_000L).clear();
        }
    }

    private Map<String, Long> allThreads() {
        Map<String, Long> byName = new HashMap<>();
        taskNames.forEach((schedstat, name) -> byName.merge(name, schedField(schedstat, 0), Long::sum));
        return byName;
    }

    /** The four app threads (by name, digits folded) that ran most between two times, 50-ms grid. */
    private String busiestThreads(long fromNanos, long toNanos) {
        Map.Entry<Long, Map<String, Long>> before = threadSamples.floorEntry(fromNanos);
        Map.Entry<Long, Map<String, Long>> after = threadSamples.ceilingEntry(toNanos);
        if (after == null) {
            after = threadSamples.lastEntry();
        }
        if (before == null || after == null || after.getKey() <= before.getKey()) {
            return "";
        }
        Map<String, Long> a = before.getValue();
        return after.getValue().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - a.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() >= 1_000_000L)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(4)
                .map(e -> e.getKey() + " " + ms(e.getValue()))
                .collect(Collectors.joining(", ", " [app threads over " + ms(after.getKey() - before.getKey())
                        + " ms: ", "]"));
    }

    private void findThreads() {
        // Native threads started by a Java thread inherit its name (GTK's helpers of the render thread do):
        // the Java thread is the oldest task of that name, the lowest id.
        Map<String, Long> lowest = new HashMap<>();
        Map<Path, String> names = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String comm = read(task.resolve("comm")).trim();
                int end = comm.length();
                while (end > 0 && Character.isDigit(comm.charAt(end - 1))) {
                    end--;
                }
                names.put(task.resolve("schedstat"), comm.substring(0, end));
                String role = comm.startsWith("JavaFX Applicat") ? "fx" : comm.startsWith("QuantumRenderer") ? "render"
                        : comm.equals("VM Thread") ? "vm" : null;
                long tid = Long.parseLong(task.getFileName().toString());
                if (role != null && tid < lowest.getOrDefault(role, Long.MAX_VALUE)) {
                    lowest.put(role, tid);
                    threadStats.put(role, task.resolve("schedstat"));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or a task ended while listed: the figures read 0.
        }
        channels.keySet().removeIf(path -> path.startsWith(Path.of("/proc/self/task")) && !names.containsKey(path)
                && closeQuietly(channels.get(path)));
        taskNames = names;
    }

    private static boolean closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Already gone with its task.
        }
        return true;
    }

    /**
     * Reads a small /proc file into the shared buffer through a channel kept open (re-read from offset 0), so
     * sampling every 5 ms allocates next to nothing: reading with Files.readAllBytes allocated ~20 MB a second,
     * which itself brought young collections into the benchmarks' stalls. Returns the length read, 0 if gone.
     */
    private int load(Path path) {
        if (path == null) {
            return 0;
        }
        try {
            FileChannel channel = channels.get(path);
            if (channel == null) {
                channel = FileChannel.open(path);
                channels.put(path, channel);
            }
            buffer.clear();
            int read = channel.read(buffer, 0);
            return Math.max(0, read);
        } catch (IOException | RuntimeException e) {
            FileChannel gone = channels.remove(path);
            if (gone != null) {
                closeQuietly(gone);
            }
            return 0;
        }
    }

    /** The {@code index}-th space-separated number of the buffer's first {@code length} bytes from {@code from}. */
    private long field(int from, int length, int index) {
        int i = from;
        for (int skipped = 0; skipped < index && i < length; i++) {
            if (bytes[i] == ' ') {
                skipped++;
                while (i + 1 < length && bytes[i + 1] == ' ') {
                    i++;
                }
            }
        }
        long value = 0;
        while (i < length && bytes[i] >= '0' && bytes[i] <= '9') {
            value = value * 10 + (bytes[i++] - '0');
        }
        return value;
    }

    private long schedField(Path schedstat, int index) {
        int length = load(schedstat);
        return length == 0 ? 0 : field(0, length, index);
    }

    private void refreshChildren() {
        children = ProcessHandle.current().descendants().collect(Collectors.groupingBy(
                p -> read(Path.of("/proc/" + p.pid() + "/comm")).trim(),
                Collectors.mapping(p -> Path.of("/proc/" + p.pid() + "/stat"), Collectors.toList())));
    }

    /** utime + stime of a /proc/<pid>/stat, in ticks; 0 when the process is gone. */
    private long ticks(Path stat) {
        int length = load(stat);
        int close = length - 1;
        while (close >= 0 && bytes[close] != ')') {
            close--;
        }
        if (close < 0) {
            return 0;
        }
        // After ") ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
        return field(close + 2, length, 11) + field(close + 2, length, 12);
    }

    private long idleTicks() {
        int length = load(PROC_STAT);
        // "cpu  user nice system idle iowait ...": idle and iowait
        return field(5, length, 3) + field(5, length, 4);
    }

    private static String read(Path path) {
        try {
            return new String(Files.readAllBytes(path), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * Any thread: what happened between {@code fromNanos} and {@code toNanos} ({@link System#nanoTime}); the
     * samples just before and just after bound it (5 ms).
     */
    public String explain(long fromNanos, long toNanos) {
        Map.Entry<Long, Sample> before = samples.floorEntry(fromNanos);
        Map.Entry<Long, Sample> after = samples.ceilingEntry(toNanos);
        if (after == null) {
            after = samples.lastEntry();
        }
        if (before == null || after == null || after.getKey() <= before.getKey()) {
            return "(no samples)";
        }
        Sample a = before.getValue();
        Sample b = after.getValue();
        long fxRun = b.fxRun - a.fxRun;
        long renderRun = b.renderRun - a.renderRun;
        long vmRun = b.vmRun - a.vmRun;
        long otherJvm = (b.jvmTicks - a.jvmTicks) * TICK_NANOS - fxRun - renderRun - vmRun;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "over %d ms: FX ran %d ms, waited for a core %d ms; render ran %d, waited %d; GC/VM thread %d;"
                + " other app threads ~%d", ms(after.getKey() - before.getKey()), ms(fxRun), ms(b.fxWait - a.fxWait),
                ms(renderRun), ms(b.renderWait - a.renderWait), ms(vmRun), Math.max(0, ms(otherJvm))));
        b.processTicks.forEach((name, ticks) -> {
            long spent = (ticks - a.processTicks.getOrDefault(name, ticks)) * 10;
            out.append("; ").append(name).append(" ~").append(spent);
        });
        out.append(String.format(Locale.ROOT, "; idle cores ~%d ms (ms, 10-ms ticks for processes)",
                (b.idleTicks - a.idleTicks) * 10));
        out.append(busiestThreads(fromNanos, toNanos));
        return out.toString();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
        channels.values().forEach(StallAnatomy::closeQuietly);
    }
}
