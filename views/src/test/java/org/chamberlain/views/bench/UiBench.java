package org.chamberlain.views.bench;

import atlantafx.base.theme.PrimerLight;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.chamberlain.app.AccountSession;
import org.chamberlain.app.affiliations.Affiliation;
import org.chamberlain.app.affiliations.AffiliationChangeSet;
import org.chamberlain.app.affiliations.AffiliationLists;
import org.chamberlain.app.affiliations.ApplyReport;
import org.chamberlain.app.affiliations.ItemResult;
import org.chamberlain.app.audit.AuditLog;
import org.chamberlain.app.audit.AuditTrail;
import org.chamberlain.app.connections.ConnectionManager;
import org.chamberlain.prosody.LocalProsody;
import org.chamberlain.testkit.TestServers;
import org.chamberlain.views.Main;
import org.chamberlain.views.adapter.AccountSessions;
import org.chamberlain.views.main.ConnectionState;
import org.chamberlain.views.members.MembersGateway;
import org.chamberlain.views.members.MembersView;
import org.chamberlain.views.members.MembersViewModel;
import org.chamberlain.views.notifications.NotificationCenter;
import org.chamberlain.views.shell.AccountProfile;
import org.chamberlain.views.shell.FirstFrameProbe;
import org.chamberlain.views.shell.StartupTrace;
import org.chamberlain.views.tasks.FxTaskRunner;
import org.chamberlain.views.tasks.SameThreadTaskRunner;

/**
 * The desktop UI benchmarks of issue 5 ({@code views/bench.sh}; figures in docs/benchmarks.md). Not a test:
 * it starts real windows (under Xvfb) and a real Prosody, and prints figures instead of asserting them.
 *
 * <ul>
 *   <li>{@code startup N}: N alternating launches of a bare JavaFX window and of the product's GUI entry
 *   point, same java, flags and classpath; median time from launch to the first shown frame.</li>
 *   <li>{@code scale}: 10,000 affiliations handed to the members view model, until the table is rendered;
 *   filter keystrokes; VmRSS.</li>
 *   <li>{@code apply}: 1,000 member changes applied to a real Prosody by the members editor while a
 *   watchdog measures how late FX-thread probes run.</li>
 * </ul>
 */
public final class UiBench {
    private static final String ROOM = "big@conference.localhost";

    private UiBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "all" : args[0];
        switch (mode) {
            case "startup":
                List<String> options = List.of(args).subList(Math.min(2, args.length), args.length);
                seedAccounts = options.contains("accounts");
                traceLaunches = options.contains("trace");
                startup(args.length > 1 ? Integer.parseInt(args[1]) : 5, options.contains("cds"));
                break;
            case "scale":
                inToolkit(UiBench::scale);
                break;
            case "rows":
                inToolkit(UiBench::rowSwaps);
                break;
            case "apply":
                inToolkit(UiBench::apply);
                break;
            default:
                System.err.println("usage: UiBench startup [N [cds] [accounts] [trace]] | scale | rows | apply");
                System.exit(2);
        }
        System.exit(0);
    }

    // ---- 1. start to interactive main window ----

    /** Extra flags of a third launch per round, the app with them, to compare two ways of starting it. */
    private static final List<String> VARIANT_FLAGS = flags("bench.variantFlags");
    private static final List<String> CHILD_FLAGS = flags("bench.jvmFlags");

    /** The JVM flags a system property lists, separated by spaces. */
    private static List<String> flags(String property) {
        return java.util.Arrays.stream(System.getProperty(property, "").split("\\s+"))
                .filter(f -> !f.isBlank()).toList();
    }

    /**
     * @param cds give each window its own AppCDS archive, as the installed package has one: a first,
     *     unmeasured launch of each dumps the classes it loaded ({@code -XX:ArchiveClassesAtExit}), the
     *     measured launches map it ({@code -XX:SharedArchiveFile})
     */
    private static void startup(int repetitions, boolean cds) throws Exception {
        System.out.println("startup: extra JVM flags for both windows: " + (CHILD_FLAGS.isEmpty() ? "none"
                : String.join(" ", CHILD_FLAGS)) + (cds ? "; each with its own AppCDS archive" : "; no AppCDS")
                + (seedAccounts ? "; the app remembers " + SEEDED_ACCOUNTS.size() + " accounts (signing in to a"
                + " closed port) and " + SEEDED_ROOMS.size() + " open room tabs" : "; empty settings"));
        Path archives = cds ? Files.createTempDirectory("chamberlain-bench-cds") : null;
        try {
            startup(repetitions, archives);
        } finally {
            // ~30 MB of archives and jars per run.
            deleteTree(archives);
        }
    }

    private static void startup(int repetitions, Path archives) throws Exception {
        List<String> bareFlags = List.of();
        List<String> appFlags = List.of();
        if (archives != null) {
            childClasspath = jarredClasspath(archives);
            // Dumped with empty settings, as the package records its class list.
            boolean seeding = seedAccounts;
            seedAccounts = false;
            bareFlags = archive(BareWindow.class.getName(), archives.resolve("bare.jsa"));
            appFlags = archive(Main.class.getName(), archives.resolve("app.jsa"));
            seedAccounts = seeding;
        }
        List<Launch> bare = new ArrayList<>();
        List<Launch> app = new ArrayList<>();
        List<Launch> variant = new ArrayList<>();
        List<String> variantFlags = new ArrayList<>(appFlags);
        variantFlags.addAll(VARIANT_FLAGS);
        for (int i = 0; i < repetitions; i++) {
            bare.add(launch(BareWindow.class.getName(), bareFlags));
            app.add(launch(Main.class.getName(), appFlags));
            if (!VARIANT_FLAGS.isEmpty()) {
                variant.add(launch(Main.class.getName(), variantFlags));
            }
            System.out.printf("startup run %d: bare %s; app %s%s%n", i + 1, bare.get(i), app.get(i),
                    VARIANT_FLAGS.isEmpty() ? "" : "; app with " + VARIANT_FLAGS + " " + variant.get(i));
        }
        Launch bareMedian = Launch.median(bare);
        Launch appMedian = Launch.median(app);
        if (!VARIANT_FLAGS.isEmpty()) {
            Launch variantMedian = Launch.median(variant);
            System.out.printf("FIGURE startup variant: the app with %s, first frame median %d ms, ratio %.2fx (the app"
                    + " as it is: %.2fx); FX-thread CPU %d ms (as it is: %d ms); process CPU %d ms (as it is: %d ms)%n",
                    VARIANT_FLAGS, variantMedian.firstFrameMillis(),
                    (double) variantMedian.firstFrameMillis() / bareMedian.firstFrameMillis(),
                    (double) appMedian.firstFrameMillis() / bareMedian.firstFrameMillis(),
                    variantMedian.firstFrameFxCpu(), appMedian.firstFrameFxCpu(), variantMedian.firstFrameCpu(),
                    appMedian.firstFrameCpu());
        }
        System.out.printf("FIGURE startup: bare window median %d ms, Chamberlain main window (first frame)"
                + " median %d ms, ratio %.2fx (target <= 1.30x), %d runs each%n", bareMedian.firstFrameMillis(),
                appMedian.firstFrameMillis(), (double) appMedian.firstFrameMillis() / bareMedian.firstFrameMillis(),
                repetitions);
        System.out.printf("FIGURE startup complete: Chamberlain main window with its workspace built and rendered"
                + " median %d ms, ratio %.2fx to the bare window's first frame%n", appMedian.readyMillis(),
                (double) appMedian.readyMillis() / bareMedian.firstFrameMillis());
        System.out.printf("FIGURE startup CPU (process user+system until the frame): bare median %d ms; app first"
                + " frame median %d ms (ratio %.2fx), complete %d ms (ratio %.2fx)%n", bareMedian.firstFrameCpu(),
                appMedian.firstFrameCpu(), (double) appMedian.firstFrameCpu() / bareMedian.firstFrameCpu(),
                appMedian.readyCpu(), (double) appMedian.readyCpu() / bareMedian.firstFrameCpu());
        // The FX thread's own CPU: the part no second core can take over, so the load on a shared machine
        // inflates it least.
        System.out.printf("FIGURE startup FX-thread CPU until the frame: bare median %d ms; app first frame median %d"
                + " ms (ratio %.2fx), complete %d ms (ratio %.2fx)%n", bareMedian.firstFrameFxCpu(),
                appMedian.firstFrameFxCpu(), (double) appMedian.firstFrameFxCpu() / bareMedian.firstFrameFxCpu(),
                appMedian.readyFxCpu(), (double) appMedian.readyFxCpu() / bareMedian.firstFrameFxCpu());
    }

    /** Milliseconds from starting the child JVM to its first frame and to its complete window, and CPU. */
    private record Launch(long firstFrameMillis, long firstFrameCpu, long readyMillis, long readyCpu,
            long firstFrameFxCpu, long readyFxCpu) {
        static Launch median(List<Launch> launches) {
            return new Launch(UiBench.median(launches.stream().map(Launch::firstFrameMillis).toList()),
                    UiBench.median(launches.stream().map(Launch::firstFrameCpu).toList()),
                    UiBench.median(launches.stream().map(Launch::readyMillis).toList()),
                    UiBench.median(launches.stream().map(Launch::readyCpu).toList()),
                    UiBench.median(launches.stream().map(Launch::firstFrameFxCpu).toList()),
                    UiBench.median(launches.stream().map(Launch::readyFxCpu).toList()));
        }

        @Override
        public String toString() {
            return String.format("first frame %d ms (CPU %d ms, FX %d ms), complete %d ms (CPU %d ms, FX %d ms)",
                    firstFrameMillis, firstFrameCpu, firstFrameFxCpu, readyMillis, readyCpu, readyFxCpu);
        }
    }

    /** The class path of the child JVMs; the {@code cds} mode replaces its directories by jars. */
    private static String childClasspath = System.getProperty("java.class.path");

    /** CDS archives only classes from jars ("Cannot have non-empty directory in paths"): jars the directories. */
    private static String jarredClasspath(Path into) throws IOException {
        java.util.spi.ToolProvider jar = java.util.spi.ToolProvider.findFirst("jar")
                .orElseThrow(() -> new IllegalStateException("no jar tool in this JDK"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jarFile = into.resolve("classes-" + (n++) + ".jar");
                int status = jar.run(System.out, System.err, "--create", "--file", jarFile.toString(), "-C",
                        path.toString(), ".");
                if (status != 0) {
                    throw new IllegalStateException("jar failed for " + path);
                }
                entries.add(jarFile.toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Dumps the classes one launch of {@code mainClass} loads; returns the flag that maps the archive. */
    private static List<String> archive(String mainClass, Path file) throws Exception {
        launch(mainClass, List.of("-XX:ArchiveClassesAtExit=" + file));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No CDS archive was written for " + mainClass + " at " + file);
        }
        return List.of("-XX:SharedArchiveFile=" + file, "-Xshare:on");
    }

    private static Launch launch(String mainClass, List<String> extraFlags) throws Exception {
        Path home = Files.createTempDirectory("chamberlain-bench-home");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(childClasspath);
        command.add("-D" + FirstFrameProbe.PROPERTY + "=exit");
        // The same extra JVM flags for both windows, e.g. the installed launcher's (BENCH_JVM_FLAGS in bench.sh).
        command.addAll(CHILD_FLAGS);
        command.addAll(extraFlags);
        command.add(mainClass);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Empty settings for every launch: nothing remembered, no accounts to sign in.
        Map<String, String> env = builder.environment();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        boolean app = mainClass.equals(Main.class.getName());
        if (seedAccounts && app) {
            seed(home.resolve("config").resolve("chamberlain"));
        }
        if (traceLaunches && extraFlags.stream().noneMatch(f -> f.startsWith("-XX:ArchiveClassesAtExit"))) {
            command.add(command.size() - 1, "-D" + StartupTrace.PROPERTY);
        }
        long started = System.currentTimeMillis();
        Process child = builder.start();
        long[] shown = null;
        long[] ready = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(FirstFrameProbe.OUTPUT_PREFIX)) {
                    shown = probeLine(line, FirstFrameProbe.OUTPUT_PREFIX);
                } else if (line.startsWith(FirstFrameProbe.READY_PREFIX)) {
                    ready = probeLine(line, FirstFrameProbe.READY_PREFIX);
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        deleteTree(home);
        if (traceLaunches) {
            System.out.println("  " + (app ? "app" : "bare window") + ":");
            output.toString().lines().filter(l -> l.startsWith("trace ") || l.startsWith("thread-cpu "))
                    .forEach(l -> System.out.println("  " + l));
        }
        if (shown == null || ready == null) {
            throw new IllegalStateException(mainClass + " showed no frame (exit " + child.exitValue() + "):\n"
                    + output);
        }
        return new Launch(shown[0] - started, shown[1], ready[0] - started, ready[1], shown[2], ready[2]);
    }

    /** Deletes a directory and everything in it; nothing when {@code tree} is null. */
    private static void deleteTree(Path tree) throws IOException {
        if (tree == null || !Files.exists(tree)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Whether each launch, bare window and app, prints its start-up checkpoints ({@code trace} option). */
    private static boolean traceLaunches;
    /** Whether the app's launches start with remembered accounts and room tabs ({@code accounts} option). */
    private static boolean seedAccounts;
    private static final List<String> SEEDED_ACCOUNTS = List.of("alice@localhost", "owner@localhost",
            "bob@example.org");
    private static final List<String> SEEDED_ROOMS = List.of("alice@localhost>lobby@conference.localhost",
            "alice@localhost>team@conference.localhost", "owner@localhost>lobby@conference.localhost");

    /**
     * Settings as a person who moderates with three accounts leaves them: the accounts with passwords in the
     * opt-in password file (no keyring on the benchmark's display), three room tabs, and nothing listening on
     * the accounts' server port, so each sign-in fails in the background after Smack has started up.
     */
    private static void seed(Path configDir) throws IOException {
        Files.createDirectories(configDir);
        StringBuilder accounts = new StringBuilder("accounts.count=" + SEEDED_ACCOUNTS.size() + "\n");
        StringBuilder passwords = new StringBuilder();
        for (int i = 0; i < SEEDED_ACCOUNTS.size(); i++) {
            String prefix = "account." + i + ".";
            accounts.append(prefix).append("jid=").append(SEEDED_ACCOUNTS.get(i)).append('\n')
                    .append(prefix).append("host=127.0.0.1\n")
                    .append(prefix).append("port=9\n")
                    .append(prefix).append("tls=PLAINTEXT_ALLOWED\n")
                    .append(prefix).append("passwordStorage=FILE\n");
            passwords.append(SEEDED_ACCOUNTS.get(i)).append('=').append(java.util.Base64
                    .getEncoder().encodeToString("secret".getBytes(StandardCharsets.UTF_8))).append('\n');
        }
        Files.writeString(configDir.resolve("accounts.properties"), accounts);
        Files.writeString(configDir.resolve("passwords.properties"), passwords);
        Files.writeString(configDir.resolve("window.properties"), "window.width=1280.0\nwindow.height=800.0\n"
                + "rooms.open=" + String.join(" ", SEEDED_ROOMS) + "\n");
    }

    /** {@code PREFIXepoch-ms cpu-ms=C fx-cpu-ms=F} → {epoch, cpu, fx}. */
    private static long[] probeLine(String line, String prefix) {
        String rest = line.substring(prefix.length());
        int cpu = rest.indexOf(FirstFrameProbe.CPU_MARK);
        int fx = rest.indexOf(FirstFrameProbe.FX_CPU_MARK);
        return new long[] {Long.parseLong(rest.substring(0, cpu).strip()),
            Long.parseLong(rest.substring(cpu + FirstFrameProbe.CPU_MARK.length(), fx).strip()),
            Long.parseLong(rest.substring(fx + FirstFrameProbe.FX_CPU_MARK.length()).strip())};
    }

    // ---- 2. 10,000 affiliations ----

    private static void scale(Stage stage) throws Exception {
        MembersViewModel model = new MembersViewModel(new SameThreadTaskRunner(),
                new NotificationCenter(Clock.systemUTC()), unusedGateway(), ROOM, "owner@localhost");
        MembersView view = onFx(() -> {
            MembersView v = new MembersView(model);
            show(stage, v);
            return v;
        });
        waitUntil("the window is showing", stage::isShowing);
        afterPulses(stage, 2, () -> { });

        AffiliationLists first = lists(10_000, "user");
        AffiliationLists second = lists(10_000, "member");
        Timing cold = timeToRendered(stage, () -> model.showLists(first));
        int visibleRows = onFx(() -> visibleRows(stage));
        Timing warm = timeToRendered(stage, () -> model.showLists(second));
        System.out.printf("FIGURE 10k rendered: first load %s, second load %s, %d rows in the model,"
                + " %d table rows on screen (target <= 1000 ms)%n", cold, warm, onFx(() -> model.rows().size()),
                visibleRows);

        TextField filter = onFx(() -> (TextField) stage.getScene().lookup("#members-filter"));
        List<Long> nextPulse = new ArrayList<>();
        List<Long> rendered = new ArrayList<>();
        List<Long> fxCpu = new ArrayList<>();
        List<Long> changeCpu = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (String typed : List.of("m", "me", "mem", "memb", "member", "member0", "member09", "member099",
                    "member09", "member0", "member", "")) {
                Timing timing = timeToRendered(stage, () -> filter.setText(typed));
                nextPulse.add(timing.nextPulseMillis());
                rendered.add(timing.renderedMillis());
                fxCpu.add(timing.fxCpuMillis());
                changeCpu.add(timing.changeCpuMillis());
            }
        }
        System.out.printf("FIGURE filter keystroke (%d keystrokes, 10,001 rows): to the next pulse median %d ms,"
                + " max %d ms; to the frame rendered median %d ms, max %d ms; FX-thread CPU median %d ms, max %d ms"
                + " (target <= 50 ms)%n  next pulse %s%n  FX CPU in the model change (filter + list listeners) %s%n",
                nextPulse.size(), median(nextPulse), Collections.max(nextPulse), median(rendered),
                Collections.max(rendered), median(fxCpu), Collections.max(fxCpu), nextPulse, changeCpu);
        System.out.printf("FIGURE RSS after rendering 10k: %s (target <= 350 MB); peak %s; max heap %d MB%n",
                status("VmRSS"), status("VmHWM"), Runtime.getRuntime().maxMemory() >> 20);
        if (view == null) {
            throw new IllegalStateException("no view");
        }
    }

    private static AffiliationLists lists(int members, String prefix) {
        List<String> jids = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            jids.add(String.format("%s%05d@example.org", prefix, i));
        }
        return AffiliationLists.of(ROOM, Map.of(Affiliation.OWNER, List.of("owner@localhost"),
                Affiliation.MEMBER, jids));
    }

    private static MembersGateway unusedGateway() {
        return new MembersGateway() {
            @Override
            public AffiliationLists fetch(String room) {
                throw new IllegalStateException("the scale benchmark hands the lists over directly");
            }

            @Override
            public ApplyReport apply(String room, AffiliationChangeSet changes, boolean confirmed) {
                throw new IllegalStateException("the scale benchmark applies nothing");
            }
        };
    }

    private static int visibleRows(Stage stage) {
        return (int) stage.getScene().getRoot().lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> row && !row.isEmpty() && row.isVisible())
                .count();
    }

    // ---- 2b. the two row swaps of the apply benchmark, repeated, without a server ----

    /**
     * The FX-thread cost of the two big row changes of "apply 1,000 changes", measured in one process and
     * repeated, so it can be compared under load: the paste (1,003 rows, 1,000 of them pending) and the
     * install after Apply (1,003 rows, none pending), each from the change to the end of the next pulse.
     * With {@code -Dbench.rows.styles="A|B"} each round runs once per inline table style (e.g. one that
     * switches the fixed cell size off: {@code -fx-fixed-cell-size: -1}), alternating, back to back.
     */
    private static void rowSwaps(Stage stage) throws Exception {
        MembersViewModel model = new MembersViewModel(new SameThreadTaskRunner(),
                new NotificationCenter(Clock.systemUTC()), unusedGateway(), ROOM, "owner@localhost");
        onFx(() -> {
            show(stage, new MembersView(model));
            return null;
        });
        waitUntil("the window is showing", stage::isShowing);
        afterPulses(stage, 2, () -> { });
        javafx.scene.control.TableView<?> table = onFx(() -> (javafx.scene.control.TableView<?>)
                stage.getScene().lookup("#members-table"));
        List<String> styles = java.util.Arrays.asList(System.getProperty("bench.rows.styles", "").split("\\|", -1));
        StringBuilder paste = new StringBuilder();
        List<String> applied = new ArrayList<>(List.of("member0@localhost", "member1@localhost"));
        for (int i = 0; i < 1_000; i++) {
            paste.append(String.format("person%04d@localhost ", i));
            applied.add(String.format("person%04d@localhost", i));
        }
        AffiliationLists before = AffiliationLists.of(ROOM, Map.of(Affiliation.OWNER, List.of("owner@localhost"),
                Affiliation.MEMBER, applied.subList(0, 2)));
        AffiliationLists after = AffiliationLists.of(ROOM, Map.of(Affiliation.OWNER, List.of("owner@localhost"),
                Affiliation.MEMBER, applied));
        Map<String, List<Timing>> pastes = new java.util.LinkedHashMap<>();
        Map<String, List<Timing>> installs = new java.util.LinkedHashMap<>();
        int rounds = Integer.getInteger("bench.rows.rounds", 8);
        for (int round = 0; round < rounds; round++) {
            for (String style : styles) {
                onFx(() -> {
                    table.setStyle(style);
                    model.showLists(before);
                    return null;
                });
                afterPulses(stage, 2, () -> { });
                pastes.computeIfAbsent(style, k -> new ArrayList<>()).add(timeToRendered(stage,
                        () -> model.addAll(paste.toString(), Affiliation.MEMBER, "benchmark")));
                installs.computeIfAbsent(style, k -> new ArrayList<>()).add(timeToRendered(stage,
                        () -> model.showLists(after)));
            }
        }
        for (String style : styles) {
            for (Map.Entry<String, Map<String, List<Timing>>> kind : Map.of("paste 1000", pastes,
                    "install 1003 rows after Apply", installs).entrySet()) {
                List<Timing> all = kind.getValue().get(style);
                // The first round is cold (class loading, interpreter); the figures are for rounds 2..n.
                List<Timing> warm = all.subList(1, all.size());
                System.out.printf("FIGURE rows %s, table style \"%s\": first %s; then (median of %d) next pulse %d ms,"
                        + " FX-thread CPU %d ms (model change %d ms of it); FX CPU per round %s%n", kind.getKey(),
                        style, all.get(0), warm.size(), median(warm.stream().map(Timing::nextPulseMillis).toList()),
                        median(warm.stream().map(Timing::fxCpuMillis).toList()),
                        median(warm.stream().map(Timing::changeCpuMillis).toList()),
                        all.stream().map(Timing::fxCpuMillis).toList());
            }
        }
    }

    // ---- 3. applying 1,000 changes against Prosody ----

    private static void apply(Stage stage) throws Exception {
        Path audit = Files.createTempFile("chamberlain-bench-audit", ".jsonl");
        try (LocalProsody server = TestServers.start();
                FxTaskRunner tasks = new FxTaskRunner(4);
                ConnectionManager connections = new ConnectionManager()) {
            AccountSessions sessions = new AccountSessions(connections, tasks, AuditTrail.to(new AuditLog(audit)),
                    problem -> System.err.println("audit: " + problem.getMessage()));
            try {
                String account = "benchowner@" + server.domain();
                CompletableFuture<ConnectionState> online = new CompletableFuture<>();
                onFx(() -> {
                    sessions.connect(new AccountProfile(account, "password", server.host(), server.port(), true),
                            (jid, state, problem) -> {
                                if (state == ConnectionState.ONLINE) {
                                    online.complete(state);
                                }
                            }, online::completeExceptionally);
                    return null;
                });
                online.get(60, TimeUnit.SECONDS);
                AccountSession session = sessions.session(account).orElseThrow();
                session.rooms().createInstant(ROOM, "owner");

                NotificationCenter notifications = new NotificationCenter(Clock.systemUTC());
                MembersViewModel model = new MembersViewModel(tasks, notifications, sessions.members(account),
                        ROOM, account);
                onFx(() -> {
                    show(stage, new MembersView(model));
                    model.load();
                    return null;
                });
                waitUntil("the lists are loaded", () -> onFxQuietly(() -> model.loaded().get()
                        && !model.busy().get()));

                StringBuilder jids = new StringBuilder();
                for (int i = 0; i < 1_000; i++) {
                    jids.append(String.format("person%04d@localhost ", i));
                }
                PulseLog pastePulses = onFx(() -> new PulseLog(stage.getScene()));
                Watchdog editing = Watchdog.start();
                long pasted = System.nanoTime();
                Timing addMillis = timeToRendered(stage, () -> model.addAll(jids.toString(), Affiliation.MEMBER,
                        "benchmark"));
                // A large paste is checked on the task runner: wait for its rows, then for their frame.
                waitUntil("the pasted rows are shown", () -> onFxQuietly(() -> model.rows().size() > 1_000));
                afterPulses(stage, 2, () -> { });
                long pasteShownMillis = (System.nanoTime() - pasted) / 1_000_000;
                Watchdog.Result whileEditing = editing.stop();
                onFx(() -> {
                    pastePulses.detach();
                    return null;
                });
                System.out.printf("FIGURE 1000 pending edits (one paste): the call %s; rows rendered %d ms after the"
                        + " paste; watchdog max %d ms, p99 %d ms, median %d ms, FX-thread CPU inside the longest stall"
                        + " %d ms%n%s", addMillis, pasteShownMillis,
                        whileEditing.max(), whileEditing.p99(), whileEditing.median(), whileEditing.worstFxCpuMillis(),
                        whileEditing.stacks().isEmpty() ? "" : whileEditing.stacks() + System.lineSeparator());
                System.out.println("  pulses during the paste: " + pastePulses.longest(3));
                System.out.println(whileEditing.stalls());

                // Every status line shown while Apply runs ("312 / 1000 applied…"): proof of per-item progress.
                List<String> statusLines = Collections.synchronizedList(new ArrayList<>());
                onFx(() -> {
                    model.status().addListener((obs, old, now) -> statusLines.add(now));
                    return null;
                });
                long fxCpuAtApply = fxCpuMillis();
                PulseLog pulses = onFx(() -> new PulseLog(stage.getScene()));
                Watchdog watchdog = Watchdog.start();
                long started = System.nanoTime();
                onFx(() -> {
                    model.apply();
                    return null;
                });
                waitUntil("Apply has finished", () -> onFxQuietly(() -> !model.busy().get()
                        && !model.lastResults().isEmpty()), 600);
                long applyMillis = (System.nanoTime() - started) / 1_000_000;
                long fxCpuBefore = fxCpuMillis();
                // The rows are rebuilt after the report arrives; keep watching until that has been rendered.
                afterPulses(stage, 3, () -> { });
                Thread.sleep(300);
                Watchdog.Result result = watchdog.stop();
                onFx(() -> {
                    pulses.detach();
                    return null;
                });
                long applied = onFx(() -> model.lastResults().stream()
                        .filter(r -> r.outcome() == ItemResult.Outcome.APPLIED).count());
                System.out.printf("FIGURE apply 1000 changes: %d applied in %d ms; FX watchdog (10 ms probes, %d"
                        + " samples): max stall %d ms (began %d ms after Apply), p99 %d ms, median %d ms"
                        + " (target max <= 50 ms); status \"%s\"%n", applied, applyMillis, result.samples(),
                        result.max(), result.worstAtMillis(), result.p99(), result.median(),
                        onFx(() -> model.status().get()));
                System.out.printf("  FX-thread CPU during Apply: %d ms; inside the longest stall: %d ms; Apply"
                        + " waited for the FX thread: %s (pacing %s, -Dchamberlain.uiPace)%n",
                        fxCpuBefore - fxCpuAtApply, result.worstFxCpuMillis(), model.lastApplyPacing(),
                        "false".equals(System.getProperty("chamberlain.uiPace")) ? "off" : "on");
                System.out.println("  pulses during Apply: " + pulses.longest(5));
                System.out.println(result.stalls());
                if (!result.stacks().isEmpty()) {
                    System.out.println(result.stacks());
                }
                synchronized (statusLines) {
                    System.out.printf("FIGURE apply progress: %d status lines while applying (first \"%s\","
                            + " middle \"%s\", last \"%s\")%n", statusLines.size(), statusLines.get(0),
                            statusLines.get(statusLines.size() / 2), statusLines.get(statusLines.size() - 1));
                }
            } finally {
                sessions.close();
            }
        } finally {
            // After the runner and the connections are closed: no audit append can come later and recreate it.
            Files.deleteIfExists(audit);
        }
    }

    // ---- plumbing ----

    private interface StageWork {
        void run(Stage stage) throws Exception;
    }

    private static void inToolkit(StageWork work) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(started::countDown);
        started.await();
        Stage stage = onFx(Stage::new);
        try {
            work.run(stage);
        } finally {
            onFx(() -> {
                stage.close();
                return null;
            });
            Platform.exit();
        }
    }

    /** The members view in a window like the app's (1280×800, the app's theme and stylesheet). */
    private static void show(Stage stage, MembersView view) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene((javafx.scene.Parent) view.node(), 1280, 800);
        scene.getStylesheets().add(MembersView.class.getResource("/org/chamberlain/views/chamberlain.css")
                .toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Chamberlain members benchmark");
        stage.show();
    }

    /**
     * Milliseconds from running {@code change} on the FX thread to the end of the second pulse after it: the
     * first pulse lays the change out and hands its frame to the renderer, the second starts only after that
     * frame was rendered (see {@code FirstFrameProbe}).
     */
    private static Timing timeToRendered(Stage stage, Runnable change) throws Exception {
        CompletableFuture<Timing> done = new CompletableFuture<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Platform.runLater(() -> {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            try {
                change.run();
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                return;
            }
            long changed = System.nanoTime();
            long changeCpu = threads.getCurrentThreadCpuTime() - startCpu;
            long[] firstPulse = new long[1];
            whenPulsed(stage, 1, () -> {
                firstPulse[0] = System.nanoTime();
                whenPulsed(stage, 1, () -> done.complete(new Timing((firstPulse[0] - start) / 1_000_000,
                        (System.nanoTime() - start) / 1_000_000,
                        (threads.getCurrentThreadCpuTime() - startCpu) / 1_000_000,
                        (changed - start) / 1_000_000, changeCpu / 1_000_000)));
            });
        });
        return done.get(120, TimeUnit.SECONDS);
    }

    /**
     * Wall-clock milliseconds to the end of the next pulse and of the one after (the first frame rendered),
     * and the FX thread's CPU milliseconds in that time (what the machine's load does not inflate as much).
     */
    private record Timing(long nextPulseMillis, long renderedMillis, long fxCpuMillis, long changeMillis,
            long changeCpuMillis) {
        @Override
        public String toString() {
            return String.format("%d ms to the next pulse, %d ms to the frame rendered, FX-thread CPU %d ms"
                    + " (of which the model change itself %d ms, CPU %d ms)", nextPulseMillis, renderedMillis,
                    fxCpuMillis, changeMillis, changeCpuMillis);
        }
    }

    private static void afterPulses(Stage stage, int pulses, Runnable then) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> whenPulsed(stage, pulses, () -> {
            then.run();
            done.complete(null);
        }));
        done.get(120, TimeUnit.SECONDS);
    }

    /** FX thread: runs {@code then} after {@code pulses} more pulses of the stage's scene. */
    private static void whenPulsed(Stage stage, int pulses, Runnable then) {
        Scene scene = stage.getScene();
        int[] seen = {0};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            seen[0]++;
            if (seen[0] < pulses) {
                Platform.requestNextPulse();
                return;
            }
            scene.removePostLayoutPulseListener(listener[0]);
            then.run();
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }

    private interface FxCall<T> {
        T call() throws Exception;
    }

    private static <T> T onFx(FxCall<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

    private static boolean onFxQuietly(FxCall<Boolean> call) {
        try {
            return onFx(call);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        waitUntil(what, condition, 60);
    }

    private static void waitUntil(String what, BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    /** CPU time of the FX thread so far. */
    private static long fxCpuMillis() throws Exception {
        return onFx(() -> java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                / 1_000_000);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                long kb = Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
                return (kb >> 10) + " MB";
            }
        }
        return "unknown";
    }
}
