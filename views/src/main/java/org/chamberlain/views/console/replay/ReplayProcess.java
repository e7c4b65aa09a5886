package org.chamberlain.views.console.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.chamberlain.views.console.replay.ReplayEvent.Diagnostic;
import org.chamberlain.views.console.replay.ReplayEvent.Exited;

/**
 * A replay running as a child JVM ({@code chamberlain replay --events …}). The replayer's quiet Smack setup
 * is process-wide, so running it in its own process keeps the app's own connections untouched.
 *
 * <p>Owns two reader threads (stdout events, stderr messages); both end when the child's pipes close and are
 * joined by {@link #close()}. Events reach {@code sink} on the UI executor in batches; the last event is
 * always {@link Exited}. {@link #stop()} and {@link #send(String)} may be called from any thread.
 */
public final class ReplayProcess implements AutoCloseable {
    /** The class whose {@code main} is the product's entry point (with the {@code replay} subcommand). */
    public static final String MAIN_CLASS = "org.chamberlain.views.Main";

    private final Process process;
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private final EventBatcher<ReplayEvent> batcher;
    private final Writer stdin;
    private final AtomicBoolean killed = new AtomicBoolean();

    /** How often at most a batch of events reaches the UI when a delayer is given (see EventBatcher). */
    static final long MIN_BATCH_INTERVAL_MILLIS = 50;

    private ReplayProcess(Process process, Executor ui, Consumer<List<ReplayEvent>> sink,
            EventBatcher.Delayer delayer) {
        this.process = process;
        this.batcher = new EventBatcher<>(ui, sink, 4000, delayer, MIN_BATCH_INTERVAL_MILLIS);
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        ReplayEventParser parser = new ReplayEventParser();
        this.stderrReader = new Thread(this::readStderr, "replay-stderr-" + process.pid());
        this.stdoutReader = new Thread(() -> readStdout(parser), "replay-events-" + process.pid());
        stderrReader.setDaemon(true);
        stdoutReader.setDaemon(true);
        stderrReader.start();
        stdoutReader.start();
    }

    /**
     * Starts {@code command} (see {@link #commandForThisJvm}) in {@code workingDir}.
     *
     * @param ui   where batches are delivered (the FX thread in the app)
     * @param sink receives batches of events in order, on {@code ui}
     */
    public static ReplayProcess start(List<String> command, Path workingDir, Executor ui,
            Consumer<List<ReplayEvent>> sink) throws IOException {
        return start(command, workingDir, ui, sink, null);
    }

    /**
     * As {@link #start(List, Path, Executor, Consumer)}, with batches spaced at least
     * {@value #MIN_BATCH_INTERVAL_MILLIS} ms apart by {@code delayer} (null: no spacing).
     */
    public static ReplayProcess start(List<String> command, Path workingDir, Executor ui,
            Consumer<List<ReplayEvent>> sink, EventBatcher.Delayer delayer) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        return new ReplayProcess(builder.start(), Objects.requireNonNull(ui), Objects.requireNonNull(sink),
                delayer);
    }

    /**
     * The command that runs {@code mainClass} with {@code args} on the same {@code java} and class path as
     * this JVM, so the child runs exactly the code the app runs.
     */
    public static List<String> commandForThisJvm(String mainClass, List<String> args) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(lowerPriority(System.getProperty("os.name", ""),
                Integer.getInteger(NICE_PROPERTY, DEFAULT_NICENESS)));
        command.add(java);
        // The replayer is short-lived: C1 only starts faster, and a small heap suits a test run.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** System property: the niceness the child replayer starts with (0: the app's own priority). */
    public static final String NICE_PROPERTY = "chamberlain.replayNiceness";

    /** Lower than the app: a background replay yields the CPU to the UI (see {@link #lowerPriority}). */
    public static final int DEFAULT_NICENESS = 10;

    /**
     * The command prefix that starts a child at a lower CPU priority ({@code nice -n N}), or nothing. On a
     * machine with two cores the replayer JVM (JIT and GC threads included), the server and the app's FX and
     * render threads all want a core while a suite runs; at equal priority the FX thread waited for a core for
     * most of each long stall (docs/benchmarks.md, "FX stalls (branch ui-stalls, session 3)"). A niced child
     * still gets every idle cycle, so a replay alone is not slower. {@code nice} exists on Linux, macOS and
     * the BSDs; Windows has no such command (and Java no API for a process's priority), so there the child
     * keeps the app's priority. {@code nice} execs the JVM: the child's pid stays the one Java started.
     */
    static List<String> lowerPriority(String osName, int niceness) {
        if (niceness <= 0 || osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return List.of();
        }
        for (String dir : List.of("/usr/bin", "/bin")) {
            Path nice = Path.of(dir, "nice");
            if (Files.isExecutable(nice)) {
                return List.of(nice.toString(), "-n", Integer.toString(Math.min(niceness, 19)));
            }
        }
        return List.of();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Batches delivered so far (each one {@code runLater} in the app). */
    public long batchesDelivered() {
        return batcher.drains();
    }

    /** Writes one command line to the child's stdin (step control: see docs/replay-events.md). */
    public void send(String command) {
        synchronized (stdin) {
            try {
                stdin.write(command);
                stdin.write('\n');
                stdin.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("The replay process no longer accepts commands", e);
            }
        }
    }

    /** Stops the replay by killing the child; its connections are dropped by the OS. Idempotent. */
    public void stop() {
        if (process.isAlive()) {
            killed.set(true);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** Waits up to {@code timeout} for the child to end; true if it did. */
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        return process.waitFor(timeout, unit);
    }

    /** Kills the child if it still runs and joins the reader threads. */
    @Override
    public void close() {
        stop();
        try {
            stdoutReader.join(5000);
            stderrReader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readStdout(ReplayEventParser parser) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    batcher.offer(parser.parse(line));
                }
            }
        } catch (IOException e) {
            if (!killed.get()) {
                batcher.offer(new Diagnostic("Reading the replay's events failed: " + e.getMessage()));
            }
        }
        int code;
        try {
            stderrReader.join(5000);
            code = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        batcher.offer(new Exited(code, killed.get()));
    }

    private void readStderr() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                batcher.offer(new Diagnostic(line));
            }
        } catch (IOException e) {
            if (!killed.get()) {
                batcher.offer(new Diagnostic("Reading the replay's messages failed: " + e.getMessage()));
            }
        }
    }
}
