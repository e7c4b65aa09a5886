package org.chamberlain.views.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.chamberlain.views.console.ActionMark.Verdict;
import org.chamberlain.views.console.replay.ReplayEvent;
import org.chamberlain.views.console.replay.ReplayEvent.ActionFinished;
import org.chamberlain.views.console.replay.ReplayEvent.ActionStarted;
import org.chamberlain.views.console.replay.ReplayEvent.Diagnostic;
import org.chamberlain.views.console.replay.ReplayEvent.Exited;
import org.chamberlain.views.console.replay.ReplayEvent.Paused;
import org.chamberlain.views.console.replay.ReplayEvent.Problem;
import org.chamberlain.views.console.replay.ReplayEvent.RunFinished;
import org.chamberlain.views.console.replay.ReplayEvent.RunStarted;
import org.chamberlain.views.console.replay.ReplayEvent.ScriptFinished;
import org.chamberlain.views.console.replay.ReplayEvent.ScriptInfo;
import org.chamberlain.views.console.replay.ReplayEvent.ScriptStarted;
import org.chamberlain.views.console.replay.ReplayEvent.Stanza;
import org.chamberlain.views.console.replay.ReplayEvent.Unrecognised;
import org.chamberlain.views.tasks.TaskRunner;

/**
 * State and commands of the script console. Every method is called on the FX thread (the UI thread of the
 * task runner); replay events arrive there in batches through {@link #accept(List)}. Holds no controls.
 */
public final class ConsoleViewModel implements AutoCloseable {

    /** What the replays connect to: the host and port typed in, or the sandbox the app runs on. */
    public enum Target { SERVER, SANDBOX }

    /** Said when the sandbox is chosen but the app does not run on one. */
    public static final String NO_SANDBOX = "No sandbox is running. Start Chamberlain with './chamberlain sandbox' "
            + "(a private Prosody on this machine with ready accounts); the console then replays there, creating "
            + "the accounts each script declares.";

    /** Where the console stands. */
    public enum RunState { IDLE, STARTING, RUNNING, PAUSED }

    /** One row of the account mapping table: a script's client and the account it runs as. */
    public static final class AccountRow {
        private final String name;
        private final StringProperty jid = new SimpleStringProperty(this, "jid", "");
        private final StringProperty password = new SimpleStringProperty(this, "password", "");
        private final String scriptJid;

        AccountRow(String name, String scriptJid) {
            this.name = name;
            this.scriptJid = scriptJid == null ? "" : scriptJid;
        }

        public String name() {
            return name;
        }

        public String scriptJid() {
            return scriptJid;
        }

        /** The JID to use instead of the script's; empty keeps the script's. */
        public StringProperty jidProperty() {
            return jid;
        }

        public StringProperty passwordProperty() {
            return password;
        }
    }

    private final TaskRunner tasks;
    private final ReplayLauncher launcher;
    private final Path workDir;

    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final StringProperty host = new SimpleStringProperty(this, "host", "127.0.0.1");
    private final IntegerProperty port = new SimpleIntegerProperty(this, "port", 5222);
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(this, "target", Target.SERVER);
    private final ObjectProperty<SandboxTarget> sandbox = new SimpleObjectProperty<>(this, "sandbox");
    private final IntegerProperty timeoutSeconds = new SimpleIntegerProperty(this, "timeout", 5);
    private final ObservableList<AccountRow> accounts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.IDLE);
    private final ObservableMap<Integer, ActionMark> marks = FXCollections.observableHashMap();
    private final ReadOnlyIntegerWrapper currentLine = new ReadOnlyIntegerWrapper(this, "currentLine", 0);
    private final ObservableList<String> trafficAccounts = FXCollections.observableArrayList();
    private final Map<String, ObservableList<TrafficEntry>> traffic = new HashMap<>();
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final ObservableList<ScriptResult> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ObservableList<String> diagnostics = FXCollections.observableArrayList();

    /** Breakpoints per script, by absolute normalised path: they follow their file through folder runs. */
    private final Map<Path, Set<Integer>> breakpoints = new HashMap<>();
    /** During a folder run: the verdicts of every script, so the gutter can show them when the editor switches. */
    private final Map<Path, Map<Integer, ActionMark>> folderMarks = new HashMap<>();
    /** During a folder run on the sandbox: each copied script → the file it was copied from. */
    private final Map<Path, Path> copies = new HashMap<>();
    private final ReadOnlyObjectWrapper<Path> scriptToShow = new ReadOnlyObjectWrapper<>(this, "scriptToShow");
    private ReplayLauncher.Handle running;
    private Path runningCopy;
    private boolean folderRun;
    private final Map<String, String> titles = new LinkedHashMap<>();
    private long runs;

    /**
     * @param workDir where the console writes the copies of scripts it replays (the copies are deleted when the
     *     JVM exits; the folder belongs to the caller)
     */
    public ConsoleViewModel(TaskRunner tasks, ReplayLauncher launcher, Path workDir) {
        this.tasks = tasks;
        this.launcher = launcher;
        this.workDir = workDir;
        target.addListener((obs, old, now) -> fillFromSandbox());
        sandbox.addListener((obs, old, now) -> fillFromSandbox());
    }

    private void fillFromSandbox() {
        SandboxTarget chosen = sandbox.get();
        if (target.get() == Target.SANDBOX && chosen != null) {
            host.set(chosen.host());
            port.set(chosen.port());
            status.set("Replays go to the sandbox " + chosen.domain() + " at " + chosen.host() + ":" + chosen.port()
                    + "; the script's accounts are created there.");
        } else if (target.get() == Target.SANDBOX) {
            status.set(NO_SANDBOX);
        } else if (!isBusy()) {
            status.set("Ready");
        }
    }

    // ---- properties ----

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public IntegerProperty portProperty() {
        return port;
    }

    /** Server or sandbox; choosing the sandbox fills host and port from it (when there is one). */
    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    /** The sandbox the app runs on, set by whoever starts the app on one; null when there is none. */
    public ObjectProperty<SandboxTarget> sandboxProperty() {
        return sandbox;
    }

    public IntegerProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public ObservableList<AccountRow> accounts() {
        return accounts;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Verdict and time per action line of the script in the editor. */
    public ObservableMap<Integer, ActionMark> marks() {
        return marks;
    }

    public ReadOnlyIntegerProperty currentLineProperty() {
        return currentLine.getReadOnlyProperty();
    }

    /** The accounts that have traffic, in order of first appearance (one tab each). */
    public ObservableList<String> trafficAccounts() {
        return trafficAccounts;
    }

    public ObservableList<TrafficEntry> traffic(String account) {
        return traffic.computeIfAbsent(account, a -> FXCollections.observableArrayList());
    }

    public ReadOnlyObjectProperty<Failure> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ObservableList<ScriptResult> results() {
        return results;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * A script the editor should show because a folder run paused in it (a breakpoint of that file); the view
     * opens it, after which its marks and the current line follow. Null until then.
     */
    public ReadOnlyObjectProperty<Path> scriptToShowProperty() {
        return scriptToShow.getReadOnlyProperty();
    }

    /** Remembers the breakpoints of {@code script} (replacing the previous ones); an empty set forgets them. */
    public void setBreakpoints(Path script, Collection<Integer> lines) {
        Path key = script.toAbsolutePath().normalize();
        if (lines.isEmpty()) {
            breakpoints.remove(key);
        } else {
            breakpoints.put(key, new TreeSet<>(lines));
        }
    }

    /** The breakpoints remembered for {@code script}, in line order (empty if none). */
    public Set<Integer> breakpointsOf(Path script) {
        return Set.copyOf(breakpoints.getOrDefault(script.toAbsolutePath().normalize(), Set.of()));
    }

    /** Human messages of the replayer (its stderr) and unreadable event lines. */
    public ObservableList<String> diagnostics() {
        return diagnostics;
    }

    // ---- commands ----

    /** Refreshes the mapping table from the script's declarations, keeping what the person typed. */
    public void updateAccounts(String scriptText) {
        Map<String, AccountRow> old = new HashMap<>();
        accounts.forEach(row -> old.put(row.name(), row));
        List<AccountRow> rows = new ArrayList<>();
        for (ScriptAccounts.Declared declared : ScriptAccounts.declared(scriptText)) {
            AccountRow previous = old.get(declared.name());
            AccountRow row = new AccountRow(declared.name(), declared.jid());
            if (previous != null) {
                row.jidProperty().set(previous.jidProperty().get());
                row.passwordProperty().set(previous.passwordProperty().get());
            }
            rows.add(row);
        }
        accounts.setAll(rows);
    }

    /** Runs the editor's text (saved or not) as one script, pausing at {@code breakpoints}. */
    public void run(String scriptText, Set<Integer> breakpoints) {
        start(scriptText, breakpoints, false);
    }

    /** Starts the script paused before its first action; each {@link #step()} runs one action. */
    public void startStepping(String scriptText, Set<Integer> breakpoints) {
        start(scriptText, breakpoints, true);
    }

    /** Runs every {@code *.scs} of {@code folder}, alphabetically, filling {@link #results()}. */
    public void runFolder(Path folder) {
        if (isBusy()) {
            return;
        }
        SandboxTarget onSandbox = target.get() == Target.SANDBOX ? sandbox.get() : null;
        if (target.get() == Target.SANDBOX && onSandbox == null) {
            status.set(NO_SANDBOX);
            return;
        }
        reset();
        folderRun = true;
        Path root = folder.toAbsolutePath().normalize();
        if (onSandbox == null) {
            launch(folderArgs(root, root, Map.of()), "Running the scripts of " + folder.getFileName());
            return;
        }
        // On the sandbox every script is moved to its domain in a copied folder (accounts created first);
        // events then name the copies, which copies maps back to the files the editor knows.
        long number = ++runs;
        state.set(RunState.STARTING);
        tasks.submit("Preparing the scripts' accounts on the sandbox", context -> {
            Path dir = Files.createDirectories(workDir.resolve("run-" + number));
            dir.toFile().deleteOnExit();
            Map<Path, Path> made = new LinkedHashMap<>();
            for (Path script : scriptsIn(root)) {
                SandboxPlan plan = SandboxPlan.of(Files.readString(script, StandardCharsets.UTF_8),
                        onSandbox.domain(), onSandbox.accounts());
                for (Map.Entry<String, String> account : plan.toRegister().entrySet()) {
                    onSandbox.ensureAccount(account.getKey(), account.getValue());
                }
                Path copy = dir.resolve(script.getFileName().toString());
                Files.writeString(copy, plan.script(), StandardCharsets.UTF_8);
                copy.toFile().deleteOnExit();
                made.put(copy.toAbsolutePath().normalize(), script.toAbsolutePath().normalize());
            }
            return Map.entry(dir.toAbsolutePath().normalize(), made);
        }, prepared -> {
            copies.putAll(prepared.getValue());
            state.set(RunState.IDLE);
            launch(folderArgs(root, prepared.getKey(), prepared.getValue()),
                    "Running the scripts of " + folder.getFileName() + " on the sandbox");
        }, error -> {
            state.set(RunState.IDLE);
            status.set("Cannot prepare the scripts for the sandbox: " + error.getMessage());
        });
    }

    /**
     * Replay arguments for a folder run of {@code root}'s scripts, replayed from {@code replayed} (root itself,
     * or a folder of copies: {@code copies} maps each copy to its original).
     */
    private List<String> folderArgs(Path root, Path replayed, Map<Path, Path> copies) {
        Map<Path, Path> copyOf = new HashMap<>();
        copies.forEach((copy, original) -> copyOf.put(original, copy));
        List<String> args = new ArrayList<>();
        // Each file's own breakpoints, by path: the replayer pauses in whichever script reaches one.
        breakpoints.entrySet().stream().filter(entry -> entry.getKey().startsWith(root))
                .sorted(Map.Entry.comparingByKey()).forEach(entry -> entry.getValue().forEach(line -> {
                    args.add("--break");
                    args.add(copyOf.getOrDefault(entry.getKey(), entry.getKey()) + ":" + line);
                }));
        args.add(replayed.toString());
        return args;
    }

    /** The file an event's script stands for: the original of a sandbox copy, else the file itself. */
    private Path sourceOf(String eventFile) {
        Path path = Path.of(eventFile).toAbsolutePath().normalize();
        return copies.getOrDefault(path, path);
    }

    public void step() {
        if (state.get() == RunState.PAUSED && running != null) {
            running.send("step");
            state.set(RunState.RUNNING);
        }
    }

    public void resume() {
        if (state.get() == RunState.PAUSED && running != null) {
            running.send("continue");
            state.set(RunState.RUNNING);
        }
    }

    /** Runs until the action on {@code line} (1-based) and pauses before it. */
    public void runToLine(int line) {
        if (state.get() == RunState.PAUSED && running != null) {
            running.send("run-to " + line);
            state.set(RunState.RUNNING);
        }
    }

    /** Stops the replay now (kills the child process). */
    public void stop() {
        if (running != null) {
            running.stop();
            status.set("Stopping…");
        }
    }

    /** The task runner the console's background work goes to (also the Record dialog's). */
    public TaskRunner tasks() {
        return tasks;
    }

    /** Whether the current or last run is a folder run. */
    public boolean isFolderRun() {
        return folderRun;
    }

    public boolean isBusy() {
        return state.get() != RunState.IDLE;
    }

    private void start(String scriptText, Set<Integer> breakpoints, boolean paused) {
        if (isBusy()) {
            return;
        }
        reset();
        folderRun = false;
        String text;
        try {
            text = ScriptAccounts.rewrite(scriptText, mappings());
        } catch (IllegalArgumentException e) {
            status.set("Cannot map accounts: " + e.getMessage());
            return;
        }
        SandboxTarget onSandbox = target.get() == Target.SANDBOX ? sandbox.get() : null;
        if (target.get() == Target.SANDBOX && onSandbox == null) {
            status.set(NO_SANDBOX);
            return;
        }
        String name = file.get() == null ? "untitled.scs" : file.get().getFileName().toString();
        long number = ++runs;
        state.set(RunState.STARTING);
        String taskTitle = onSandbox == null ? "Writing the script for the replay"
                : "Preparing the script's accounts on the sandbox";
        tasks.submit(taskTitle, context -> {
            String replayed = text;
            if (onSandbox != null) {
                // Accounts are registered before the replay starts; prosodyctl blocks, hence this thread.
                SandboxPlan plan = SandboxPlan.of(text, onSandbox.domain(), onSandbox.accounts());
                for (Map.Entry<String, String> account : plan.toRegister().entrySet()) {
                    onSandbox.ensureAccount(account.getKey(), account.getValue());
                }
                replayed = plan.script();
            }
            Path dir = Files.createDirectories(workDir.resolve("run-" + number));
            Path copy = dir.resolve(name);
            Files.writeString(copy, replayed, StandardCharsets.UTF_8);
            // deleteOnExit deletes in the reverse order of registration, so the folder comes first: registered
            // after the copy, it was deleted while it still held the copy, and it (and the console's folder) stayed.
            dir.toFile().deleteOnExit();
            copy.toFile().deleteOnExit();
            return copy;
        }, copy -> {
            runningCopy = copy;
            List<String> args = new ArrayList<>();
            if (paused) {
                args.add("--pause-at-start");
            }
            for (int line : new TreeSet<>(breakpoints)) {
                args.add("--break");
                args.add(Integer.toString(line));
            }
            args.add(copy.toString());
            state.set(RunState.IDLE);
            launch(args, "Replaying " + name);
        }, error -> {
            state.set(RunState.IDLE);
            status.set((onSandbox == null ? "Cannot write a copy of the script: "
                    : "Cannot prepare the script for the sandbox: ") + error.getMessage());
        });
    }

    private Map<String, ScriptAccounts.Mapping> mappings() {
        Map<String, ScriptAccounts.Mapping> mappings = new LinkedHashMap<>();
        for (AccountRow row : accounts) {
            String jid = row.jidProperty().get().strip();
            String password = row.passwordProperty().get();
            if (!jid.isEmpty() || !password.isEmpty()) {
                mappings.put(row.name(), new ScriptAccounts.Mapping(jid.isEmpty() ? null : jid,
                        password.isEmpty() ? null : password));
            }
        }
        return mappings;
    }

    private void launch(List<String> scriptArgs, String title) {
        List<String> args = new ArrayList<>(List.of("replay", "--events",
                "--host", host.get().strip(), "--port", Integer.toString(port.get()),
                "--timeout", Integer.toString(timeoutSeconds.get())));
        args.addAll(scriptArgs);
        state.set(RunState.STARTING);
        status.set(title + "…");
        tasks.submit(title, context -> launcher.start(args, workDir, this::accept), handle -> {
            running = handle;
            if (state.get() == RunState.STARTING) {
                state.set(RunState.RUNNING);
            }
        }, error -> {
            state.set(RunState.IDLE);
            status.set("The replay did not start: " + error.getMessage());
        });
    }

    private void reset() {
        marks.clear();
        folderMarks.clear();
        copies.clear();
        currentLine.set(0);
        failure.set(null);
        results.clear();
        diagnostics.clear();
        titles.clear();
        traffic.values().forEach(List::clear);
        trafficAccounts.clear();
        traffic.clear();
    }

    /** Applies a batch of replay events (FX thread). */
    public void accept(List<ReplayEvent> batch) {
        Map<String, List<TrafficEntry>> newTraffic = new LinkedHashMap<>();
        // The replayer's messages of one batch are one change of the list (each change redraws the messages tab).
        List<String> newDiagnostics = new ArrayList<>();
        for (ReplayEvent event : batch) {
            if (event instanceof Stanza stanza) {
                newTraffic.computeIfAbsent(stanza.account(), a -> new ArrayList<>()).add(new TrafficEntry(
                        stanza.sent() ? stanza.t() : stanza.arrivedT(), stanza.sent(), stanza.xml(),
                        stanza.disposition(), stanza.line()));
            } else if (event instanceof Diagnostic diagnostic) {
                newDiagnostics.add(withOriginalNames(diagnostic.text()));
            } else {
                flushTraffic(newTraffic);
                flushDiagnostics(newDiagnostics);
                apply(event);
            }
        }
        flushTraffic(newTraffic);
        flushDiagnostics(newDiagnostics);
    }

    private void flushDiagnostics(List<String> pending) {
        if (!pending.isEmpty()) {
            diagnostics.addAll(pending);
            pending.clear();
        }
    }

    /** One {@code addAll} per account and batch: a list change per batch, not per stanza. */
    private void flushTraffic(Map<String, List<TrafficEntry>> pending) {
        List<String> newAccounts = new ArrayList<>();
        for (String account : pending.keySet()) {
            if (!trafficAccounts.contains(account)) {
                newAccounts.add(account);
            }
        }
        // One change for all new accounts: each change rebuilds the tab pane's header and its overflow menu.
        trafficAccounts.addAll(newAccounts);
        for (Map.Entry<String, List<TrafficEntry>> entry : pending.entrySet()) {
            traffic(entry.getKey()).addAll(entry.getValue());
        }
        pending.clear();
    }

    private boolean isEditorFile(String eventFile) {
        if (eventFile == null) {
            return false;
        }
        Path path = Path.of(eventFile);
        if (runningCopy != null && !folderRun) {
            return path.toAbsolutePath().normalize().equals(runningCopy.toAbsolutePath().normalize());
        }
        return file.get() != null && sourceOf(eventFile).equals(file.get().toAbsolutePath().normalize());
    }

    private void apply(ReplayEvent event) {
        if (event instanceof RunStarted started) {
            for (ScriptInfo script : started.scripts()) {
                titles.put(script.file(), script.title());
            }
            state.set(RunState.RUNNING);
        } else if (event instanceof ScriptStarted started) {
            status.set("Running " + displayName(started.file()) + "…");
            if (folderRun) {
                // Tabs stay (building and styling new ones for every script stalled the FX thread); each
                // script's traffic replaces the previous one's.
                traffic.values().forEach(List::clear);
            }
        } else if (event instanceof ActionStarted started) {
            mark(started.file(), started.line(), new ActionMark(Verdict.RUNNING, 0));
            if (isEditorFile(started.file())) {
                currentLine.set(started.line());
            }
        } else if (event instanceof Paused paused) {
            state.set(RunState.PAUSED);
            if (folderRun && paused.file() != null && !isEditorFile(paused.file())) {
                // The view now opens this script (through null, so pausing again in a script shown before opens
                // it again); then the gutter shows the script's own verdicts so far.
                Path script = sourceOf(paused.file());
                marks.clear();
                currentLine.set(0);
                scriptToShow.set(null);
                scriptToShow.set(script);
                marks.putAll(folderMarks.getOrDefault(script, Map.of()));
            }
            if (isEditorFile(paused.file())) {
                currentLine.set(paused.line());
            }
            status.set("Paused before line " + paused.line() + (folderRun ? " of " + displayName(paused.file()) : ""));
        } else if (event instanceof ActionFinished finished) {
            actionFinished(finished);
        } else if (event instanceof ScriptFinished finished) {
            results.add(new ScriptResult(displayName(finished.file()), titles.get(finished.file()),
                    finished.verdict(), finished.ms(), finished.line(), finished.message()));
        } else if (event instanceof RunFinished finished) {
            status.set(String.format(Locale.ROOT, "%d passed, %d failed%s in %.0f ms", finished.passed(),
                    finished.failed() + finished.errors(),
                    finished.skipped() > 0 ? ", " + finished.skipped() + " skipped" : "", finished.replayMs()));
        } else if (event instanceof Problem problem) {
            diagnostics.add(displayName(problem.file()) + ":" + problem.line() + ":" + problem.column() + ": "
                    + (problem.error() ? "" : "warning: ") + problem.message());
            if (problem.error()) {
                mark(problem.file(), problem.line(), new ActionMark(Verdict.ERROR, 0));
            }
        } else if (event instanceof Unrecognised unrecognised) {
            diagnostics.add("Unreadable replay event (" + unrecognised.reason() + "): " + unrecognised.line());
        } else if (event instanceof Exited exited) {
            exited(exited);
        }
    }

    /** Records a verdict: in the gutter if the editor shows the file, and per file during folder runs. */
    private void mark(String eventFile, int line, ActionMark mark) {
        if (folderRun && eventFile != null) {
            folderMarks.computeIfAbsent(sourceOf(eventFile), f -> new HashMap<>())
                    .put(line, mark);
        }
        if (isEditorFile(eventFile)) {
            marks.put(line, mark);
        }
    }

    private void actionFinished(ActionFinished finished) {
        Verdict verdict = switch (finished.verdict()) {
            case PASSED -> Verdict.PASSED;
            case FAILED -> Verdict.FAILED;
            case SKIPPED -> Verdict.SKIPPED;
            default -> Verdict.ERROR;
        };
        mark(finished.file(), finished.line(), new ActionMark(verdict, Math.round(finished.ms())));
        if (!isEditorFile(finished.file())) {
            return;
        }
        if (verdict == Verdict.FAILED || verdict == Verdict.ERROR) {
            if (failure.get() == null) {
                failure.set(Failure.of(displayName(finished.file()), finished.line(), finished.actor(),
                        finished.verb(), finished.message(), finished.expected(), finished.closest(),
                        finished.difference()));
            }
            currentLine.set(finished.line());
        }
    }

    private void exited(Exited exited) {
        running = null;
        state.set(RunState.IDLE);
        if (exited.killed()) {
            status.set("Stopped");
            marks.replaceAll((line, mark) -> mark.verdict() == Verdict.RUNNING
                    ? new ActionMark(Verdict.SKIPPED, 0) : mark);
        } else if (exited.exitCode() == 2 && results.isEmpty()) {
            status.set("The script has errors: see the messages below");
        } else if (failure.get() == null && exited.exitCode() == 0) {
            if (!folderRun) {
                currentLine.set(0);
            }
        }
        if (failure.get() != null && !folderRun) {
            status.set("Failed at " + failure.get().summary());
        }
    }

    /**
     * The replayer's own lines name the copies it was given (the editor's text, or scripts moved to the
     * sandbox's domain, in a temporary folder); people know the files they opened.
     */
    private String withOriginalNames(String text) {
        String named = text;
        if (runningCopy != null) {
            named = named.replace(runningCopy.toString(), file.get() != null ? file.get().toString()
                    : runningCopy.getFileName().toString());
        }
        for (Map.Entry<Path, Path> copy : copies.entrySet()) {
            named = named.replace(copy.getKey().toString(), copy.getValue().toString());
        }
        return named;
    }

    private String displayName(String eventFile) {
        if (eventFile == null) {
            return "";
        }
        if (!folderRun && runningCopy != null && file.get() != null) {
            return file.get().getFileName().toString();
        }
        return Path.of(eventFile).getFileName().toString();
    }

    /** Scripts of a folder for the quick-access list, sorted by name. */
    public static List<Path> scriptsIn(Path folder) throws IOException {
        try (var stream = Files.list(folder)) {
            return stream.filter(p -> p.toString().endsWith(".scs")).sorted().toList();
        }
    }

    /** Verdict lines for tests and the gutter: every action line that has a mark. */
    public Collection<Integer> markedLines() {
        return new TreeSet<>(marks.keySet());
    }

    @Override
    public void close() {
        stop();
    }
}
