package org.chamberlain.scripting.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.chamberlain.scripting.parse.ParseResult;
import org.chamberlain.scripting.parse.Script;
import org.chamberlain.scripting.parse.ScriptFiles;
import org.chamberlain.scripting.parse.ScriptProblem;
import org.chamberlain.scripting.report.EventStream;
import org.chamberlain.scripting.report.HumanReport;
import org.chamberlain.scripting.report.ReportFiles;
import org.chamberlain.scripting.run.Listeners;
import org.chamberlain.scripting.run.LoginFigures;
import org.chamberlain.scripting.run.ReplayListener;
import org.chamberlain.scripting.run.ReplayOptions;
import org.chamberlain.scripting.run.StepControl;
import org.chamberlain.scripting.run.Replayer;
import org.chamberlain.scripting.run.RunResult;
import org.chamberlain.scripting.run.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chamberlain replay [options] FILE|DIR...}: replays scansion scripts against a server, for people and
 * for CI. The last line printed is exactly {@code N passed, N failed}. Exit status: 0 all passed, 1 some
 * failed (or could not run: connection, login, server gone), 2 usage or script errors (every bad file is
 * reported before anything connects).
 *
 * <p>Changes nothing process-wide: the replayer has connections of its own (no Smack).
 */
@Command(name = "replay", sortOptions = false,
        description = {"Replays scansion scripts (*.scs) as several XMPP accounts at once.",
            "Directories stand for their *.scs files in alphabetical order."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:every selected script passed", "1:some script failed or could not run",
            "2:usage error or script errors (nothing was run)"})
public final class ReplayCommand implements Callable<Integer> {
    static final int ALL_PASSED = 0;
    static final int SOME_FAILED = 1;
    static final int USAGE_OR_SCRIPT_ERRORS = 2;

    private final PrintStream standardOut;
    private final PrintStream standardErr;

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*", description = "Scripts or directories of scripts.")
    private List<Path> paths = new ArrayList<>();

    @Option(names = "-d", paramLabel = "DIR", description = "A directory of scripts (as scansion's -d).")
    private List<Path> directories = new ArrayList<>();

    @Option(names = "--host", description = "Host for accounts without connect_host (default: the JID's domain).")
    private String host;

    @Option(names = "--port", description = "Port for accounts without connect_port (default: 5222).")
    private int port;

    @Option(names = "--trust-certificate", paramLabel = "SHA256", description = "Accept a server certificate with "
            + "this SHA-256 fingerprint although Java does not trust it (a test server's self-signed one); repeatable.")
    private List<String> trustedCertificates = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long each receives waits for a match (default: ${DEFAULT-VALUE}).")
    private double timeoutSeconds;

    @Option(names = "--pause-ms", paramLabel = "MS", defaultValue = "1",
            description = "Pause after each send, once its bytes are on the socket (default: ${DEFAULT-VALUE}).")
    private double pauseMillis;

    @Option(names = "--only-tags", split = ",", paramLabel = "TAG",
            description = "Run only scripts with one of these tags (## tag lines).")
    private List<String> onlyTags = new ArrayList<>();

    @Option(names = "--skip-tags", split = ",", paramLabel = "TAG",
            description = "Skip scripts with any of these tags.")
    private List<String> skipTags = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON.")
    private Path jsonFile;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML.")
    private Path junitFile;

    @Option(names = "--events", description = "Write one JSON event per line on stdout (docs/replay-events.md); "
            + "human output goes to stderr.")
    private boolean events;

    @Option(names = "--pause-at-start", description = "With --events: pause before the first action and read "
            + "step/continue/run-to commands on stdin (docs/replay-events.md).")
    private boolean pauseAtStart;

    @Option(names = "--break", paramLabel = "[FILE:]LINE", description = "With --events: pause before the action "
            + "on LINE of every script, or of FILE only (repeatable).")
    private List<String> breakLines = new ArrayList<>();

    @Option(names = "--strict-fifo", description = "Diagnostic mode: a receives fails on the first stanza that "
            + "does not match, instead of skipping it.")
    private boolean strictFifo;

    @Option(names = {"-v", "--verbose"}, description = "Print every action and stanza.")
    private boolean verbose;

    @Option(names = "--bench", description = "Print timing figures after the run (replay phase, latencies).")
    private boolean bench;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    /**
     * Runs {@code replay} without the product's other commands (the launcher's shortcut: picocli then builds
     * the model of this command only).
     */
    public static void main(String[] args) {
        ReplayCommand quick = new ReplayCommand();
        if (quick.parseQuickly(args)) {
            System.exit(quick.call());
        }
        System.exit(new picocli.CommandLine(new ReplayCommand()).setCommandName("chamberlain replay").execute(args));
    }

    /**
     * Reads the usual arguments without picocli: building picocli's model of this command costs ~0.1 s of a
     * replay process that should take well under a second (picocli's classes are Java 5 class files, which
     * class-data sharing cannot archive). Understands exactly the options above in their plain forms; for
     * anything else (help, an unknown or repeated option, a value that is not a number, {@code =} forms)
     * it returns false and picocli parses and reports as always. {@code ReplayCommandTest} checks that both
     * give the same settings.
     *
     * @return true if every argument was understood and the fields are set as picocli would set them
     */
    boolean parseQuickly(String[] args) {
        timeoutSeconds = 5;
        pauseMillis = 1;
        java.util.Set<String> seen = new java.util.HashSet<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("-")) {
                    paths.add(Path.of(arg));
                    continue;
                }
                boolean repeatable = arg.equals("-d") || arg.equals("--only-tags") || arg.equals("--skip-tags")
                        || arg.equals("--break");
                if (!seen.add(arg.equals("-v") ? "--verbose" : arg) && !repeatable) {
                    return false;
                }
                switch (arg) {
                    case "--events" -> events = true;
                    case "--pause-at-start" -> pauseAtStart = true;
                    case "--strict-fifo" -> strictFifo = true;
                    case "-v", "--verbose" -> verbose = true;
                    case "--bench" -> bench = true;
                    default -> {
                        if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                            return false;
                        }
                        String value = args[++i];
                        boolean number = arg.equals("--port") || arg.equals("--break");
                        if (number && !value.matches("[0-9]{1,9}") || value.startsWith(",") || value.endsWith(",")) {
                            return false;
                        }
                        switch (arg) {
                            case "-d" -> directories.add(Path.of(value));
                            case "--host" -> host = value;
                            case "--port" -> port = Integer.parseInt(value);
                            case "--timeout" -> timeoutSeconds = Double.parseDouble(value);
                            case "--pause-ms" -> pauseMillis = Double.parseDouble(value);
                            case "--only-tags" -> onlyTags.addAll(List.of(value.split(",")));
                            case "--skip-tags" -> skipTags.addAll(List.of(value.split(",")));
                            case "--json" -> jsonFile = Path.of(value);
                            case "--junit" -> junitFile = Path.of(value);
                            case "--break" -> breakLines.add(value);
                            default -> {
                                return false;
                            }
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            // A number that does not parse, a path the file system refuses: picocli reports it.
            return false;
        }
        return true;
    }

    /** For the command line: UTF-8 on the process's stdout and stderr. */
    public ReplayCommand() {
        this(new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8),
                new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                        StandardCharsets.UTF_8));
    }

    /** For tests and embedding: where stdout and stderr go. */
    public ReplayCommand(PrintStream standardOut, PrintStream standardErr) {
        this.standardOut = standardOut;
        this.standardErr = standardErr;
    }

    @Override
    public Integer call() {
        long commandStart = System.nanoTime();
        PrintStream stdout = standardOut;
        PrintStream human = events ? standardErr : stdout;
        try {
            return run(human, stdout, commandStart);
        } finally {
            stdout.flush();
            human.flush();
        }
    }

    private int run(PrintStream human, PrintStream stdout, long commandStart) {
        List<Path> arguments = new ArrayList<>(directories);
        arguments.addAll(paths);
        if (arguments.isEmpty()) {
            human.println("replay: give at least one script file or directory (see --help)");
            human.println("0 passed, 0 failed");
            return USAGE_OR_SCRIPT_ERRORS;
        }
        if (timeoutSeconds <= 0 || pauseMillis < 0 || port < 0 || port > 65535) {
            human.println("replay: --timeout must be positive, --pause-ms not negative, --port 1 to 65535");
            human.println("0 passed, 0 failed");
            return USAGE_OR_SCRIPT_ERRORS;
        }
        for (String breakpoint : breakLines) {
            if (!breakpoint.matches("(.+:)?0*[1-9][0-9]{0,8}")) {
                human.println("replay: --break " + breakpoint + ": give LINE or FILE:LINE (a line number from 1)");
                human.println("0 passed, 0 failed");
                return USAGE_OR_SCRIPT_ERRORS;
            }
        }
        EventStream eventStream = events ? new EventStream(stdout) : null;
        List<Path> files;
        try {
            files = ScriptFiles.expand(arguments);
        } catch (IOException e) {
            human.println("replay: cannot list " + e.getMessage());
            human.println("0 passed, 0 failed");
            return USAGE_OR_SCRIPT_ERRORS;
        }
        if (files.isEmpty()) {
            human.println("replay: no *.scs scripts in " + arguments);
            human.println("0 passed, 0 failed");
            return USAGE_OR_SCRIPT_ERRORS;
        }
        List<Script> scripts = new ArrayList<>();
        int errors = 0;
        for (ParseResult parsed : ScriptFiles.parseAll(files)) {
            for (ScriptProblem warning : parsed.warnings()) {
                human.println("warning: " + warning);
                if (eventStream != null) {
                    eventStream.problem(warning, false);
                }
            }
            for (ScriptProblem error : parsed.errors()) {
                human.println("error: " + error);
                if (eventStream != null) {
                    eventStream.problem(error, true);
                }
                errors++;
            }
            if (parsed.ok()) {
                scripts.add(parsed.script());
            }
        }
        if (errors > 0) {
            human.println(errors + (errors == 1 ? " script error" : " script errors") + "; nothing was run.");
            human.println("0 passed, 0 failed");
            return USAGE_OR_SCRIPT_ERRORS;
        }
        List<Script> selected = new ArrayList<>();
        for (Script script : scripts) {
            String reason = skipReason(script);
            if (reason == null) {
                selected.add(script);
            } else {
                human.println("SKIP  " + script.file() + " (" + reason + ")");
                if (eventStream != null) {
                    eventStream.skipped(script, reason);
                }
            }
        }
        ReplayOptions options = ReplayOptions.defaults().withServer(host, port)
                .withReceiveTimeout(Duration.ofNanos((long) (timeoutSeconds * 1e9)))
                .withPause(Duration.ofNanos((long) (pauseMillis * 1e6)))
                .withStrictFifo(strictFifo)
                .withTrustedCertificates(java.util.Set.copyOf(trustedCertificates));
        List<ReplayListener> listeners = new ArrayList<>();
        listeners.add(new HumanReport(human, verbose));
        if (eventStream != null) {
            listeners.add(eventStream);
        }
        Benchmark.ActionTimes actionTimes = new Benchmark.ActionTimes();
        if (bench) {
            listeners.add(actionTimes);
        }
        RunResult result;
        long replayStart;
        try {
            ReplayListener listener = Listeners.of(listeners);
            if (eventStream != null && (pauseAtStart || !breakLines.isEmpty())) {
                // Stepping for the console: pauses inside actionStarted, commands on stdin.
                listener = StepControl.withBreakpoints(listener, new java.io.BufferedReader(
                        new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)), eventStream::paused,
                        breakLines, pauseAtStart, human);
            }
            replayStart = System.nanoTime();
            result = new Replayer(options).run(selected, listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            human.println("replay: interrupted");
            human.println("0 passed, 0 failed");
            return SOME_FAILED;
        }
        try {
            if (jsonFile != null) {
                ReportFiles.writeJson(result, jsonFile);
            }
            if (junitFile != null) {
                ReportFiles.writeJunit(result, junitFile);
            }
        } catch (IOException e) {
            human.println("replay: cannot write the report: " + e.getMessage());
        }
        long passed = result.count(Verdict.PASSED);
        long failed = result.scripts().size() - passed;
        if (bench) {
            Benchmark.print(result, commandStart, replayStart, actionTimes, human);
        }
        human.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? ALL_PASSED : SOME_FAILED;
    }

    private String skipReason(Script script) {
        for (String tag : skipTags) {
            if (script.tags().containsKey(tag.strip())) {
                return "tag " + tag.strip() + " is skipped";
            }
        }
        if (!onlyTags.isEmpty() && onlyTags.stream().map(String::strip).noneMatch(script.tags()::containsKey)) {
            return "none of the tags " + String.join(",", onlyTags);
        }
        return null;
    }

    /** The timing figures of {@code --bench}. */
    static final class Benchmark {
        private Benchmark() {
        }

        /** Durations of actions by verb. */
        static final class ActionTimes implements ReplayListener {
            private static final int SLOWEST = 5;
            private final java.util.Map<String, List<Long>> byVerb = new java.util.TreeMap<>();
            /** Per script file name, then per verb (scripts in run order). */
            private final java.util.Map<String, java.util.Map<String, List<Long>>> byScript =
                    new java.util.LinkedHashMap<>();
            /** The slowest actions, as "duration, FILE:LINE verb", slowest first. */
            private final java.util.TreeMap<Long, String> slowest = new java.util.TreeMap<>();
            /** From each script's last verdict to its end: closing every connection (one round trip). */
            private long lastVerdictAt;
            private long closingNanos;
            /** Per script file name: of each receives, the wait for the server, our own time, stanzas skipped. */
            private final java.util.Map<String, List<long[]>> receives = new java.util.LinkedHashMap<>();

            @Override
            public void actionFinished(org.chamberlain.scripting.parse.Script script,
                    org.chamberlain.scripting.parse.Action action, org.chamberlain.scripting.run.ActionResult result,
                    long atNanos) {
                byVerb.computeIfAbsent(action.verb().word(), key -> new ArrayList<>()).add(result.durationNanos());
                byScript.computeIfAbsent(script.file().substring(script.file().lastIndexOf('/') + 1),
                        key -> new java.util.TreeMap<>())
                        .computeIfAbsent(action.verb().word(), key -> new ArrayList<>()).add(result.durationNanos());
                slowest.put(result.durationNanos(), script.file().substring(script.file().lastIndexOf('/') + 1) + ":"
                        + action.line() + " "
                        + action.describe());
                if (slowest.size() > SLOWEST) {
                    slowest.pollFirstEntry();
                }
                lastVerdictAt = atNanos;
                if (action.verb() == org.chamberlain.scripting.parse.Verb.RECEIVES) {
                    receives.computeIfAbsent(script.file().substring(script.file().lastIndexOf('/') + 1),
                            key -> new ArrayList<>()).add(new long[] {result.waitedNanos(), result.readNanos(),
                                result.durationNanos() - result.waitedNanos() - result.readNanos(),
                                result.skipped()});
                }
            }

            @Override
            public void scriptFinished(org.chamberlain.scripting.parse.Script script,
                    org.chamberlain.scripting.run.ScriptResult result, long atNanos) {
                closingNanos += atNanos - lastVerdictAt;
            }
        }

        /** "wait median …, reading median …, the rest median …, skipped median …" of some receives. */
        private static String receiveSplit(List<long[]> times) {
            long[] waited = times.stream().mapToLong(t -> t[0]).sorted().toArray();
            long[] read = times.stream().mapToLong(t -> t[1]).sorted().toArray();
            long[] rest = times.stream().mapToLong(t -> t[2]).sorted().toArray();
            long[] skipped = times.stream().mapToLong(t -> t[3]).sorted().toArray();
            return String.format(Locale.ROOT, "waiting for the server median %.3f ms (p99 %.3f); replayer's own "
                    + "work: reading+splitting every connection median %.3f ms (p99 %.3f), taking+matching+reporting "
                    + "median %.3f ms (p99 %.3f); stanzas skipped median %d (max %d)",
                    percentile(waited, 50) / 1e6, percentile(waited, 99) / 1e6, percentile(read, 50) / 1e6,
                    percentile(read, 99) / 1e6, percentile(rest, 50) / 1e6, percentile(rest, 99) / 1e6,
                    percentile(skipped, 50), skipped[skipped.length - 1]);
        }

        static void print(RunResult result, long commandStart, long replayStart, ActionTimes actionTimes,
                PrintStream out) {
            long[] latencies = result.arrivalToVerdictNanos();
            long[] connects = result.connectNanos();
            Arrays.sort(latencies);
            Arrays.sort(connects);
            out.println(String.format(Locale.ROOT, "bench: replay phase (first connect to last verdict) %.3f s",
                    result.replayNanos() / 1e9));
            out.println(String.format(Locale.ROOT, "bench: arrival to verdict, %d stanzas: median %.3f ms, "
                    + "p99 %.3f ms", latencies.length, percentile(latencies, 50) / 1e6,
                    percentile(latencies, 99) / 1e6));
            out.println(String.format(Locale.ROOT, "bench: pauses after sends sat out %.3f s in all (--pause-ms "
                    + "per send, kept before the next write, overlapped by receives)", result.pausedNanos() / 1e9));
            out.println(String.format(Locale.ROOT, "bench: spinning before blocking %.3f s in all; spins cut short "
                    + "because the runner lost its core %d times (no spinning for 0.2 s after each)",
                    result.spunNanos() / 1e9, result.spinsCutShort()));
            out.println(String.format(Locale.ROOT, "bench: connect+login, %d connections: median %.2f ms, "
                    + "p99 %.2f ms", connects.length, percentile(connects, 50) / 1e6, percentile(connects, 99) / 1e6));
            LoginFigures logins = result.logins();
            if (!logins.logins().isEmpty()) {
                out.println(String.format(Locale.ROOT, "bench: logins, %d: started ahead of their action %d (redone"
                        + " at the action %d); pipelined %d (fell back %d); median per "
                        + "stage: TCP %.3f ms, header to features %.3f ms, features to SASL success %.3f ms, success "
                        + "to bound %.3f ms; waits for the server per login: median %d, %d in all",
                        logins.logins().size(), logins.prepared(), logins.preparedRedone(), logins.pipelined(),
                        logins.fallbacks(),
                        stageMedian(logins, LoginFigures.Stages::tcpNanos) / 1e6,
                        stageMedian(logins, LoginFigures.Stages::featuresNanos) / 1e6,
                        stageMedian(logins, LoginFigures.Stages::saslNanos) / 1e6,
                        stageMedian(logins, LoginFigures.Stages::bindNanos) / 1e6,
                        stageMedian(logins, LoginFigures.Stages::waits),
                        logins.logins().stream().mapToInt(LoginFigures.Stages::waits).sum()));
            }
            actionTimes.byVerb.forEach((verb, times) -> {
                long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
                out.println(String.format(Locale.ROOT, "bench: action '%s', %d times: median %.3f ms, p99 %.3f ms, "
                        + "max %.3f ms, total %.3f s", verb, sorted.length, percentile(sorted, 50) / 1e6,
                        percentile(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6,
                        Arrays.stream(sorted).sum() / 1e9));
            });
            actionTimes.byScript.forEach((file, verbs) -> verbs.forEach((verb, times) -> {
                long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
                out.println(String.format(Locale.ROOT, "bench-script: %s action '%s', %d times: median %.3f ms",
                        file, verb, sorted.length, percentile(sorted, 50) / 1e6));
            }));
            out.println(String.format(Locale.ROOT, "bench: closing every connection at the ends of scripts %.3f s in "
                    + "all", actionTimes.closingNanos / 1e9));
            List<long[]> allReceives = new ArrayList<>();
            actionTimes.receives.values().forEach(allReceives::addAll);
            if (!allReceives.isEmpty()) {
                out.println("bench: receives split, " + allReceives.size() + " times: " + receiveSplit(allReceives));
            }
            actionTimes.receives.forEach((file, times) -> out.println("bench-script: " + file + " receives split: "
                    + receiveSplit(times)));
            actionTimes.slowest.descendingMap().forEach((nanos, what) -> out.println(String.format(Locale.ROOT,
                    "bench: slow action %.3f ms %s", nanos / 1e6, what)));
            out.println(String.format(Locale.ROOT, "bench: command %.3f s (of which reading the scripts %.3f s); "
                    + "process so far (JVM start included; OS start time, coarse) %s, CPU %s",
                    (System.nanoTime() - commandStart) / 1e9, (replayStart - commandStart) / 1e9, processSeconds(),
                    cpuSeconds()));
        }

        private static long stageMedian(LoginFigures logins, java.util.function.ToLongFunction<LoginFigures.Stages>
                stage) {
            return percentile(logins.logins().stream().mapToLong(stage).sorted().toArray(), 50);
        }

        /** User + system CPU time of this process so far, from /proc (no management beans to load). */
        private static String cpuSeconds() {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // Fields 14 and 15 of stat(5), counted from the state field (3): utime and stime in clock ticks.
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                return String.format(Locale.ROOT, "%.2f s", ticks / 100.0);
            } catch (IOException | RuntimeException e) {
                return "unknown";
            }
        }

        private static String processSeconds() {
            return ProcessHandle.current().info().startInstant()
                    .map(start -> String.format(Locale.ROOT, "%.3f s",
                            Duration.between(start, Instant.now()).toNanos() / 1e9))
                    .orElse("unknown");
        }

        static long percentile(long[] sorted, int percent) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }
}
