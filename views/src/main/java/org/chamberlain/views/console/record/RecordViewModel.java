package org.chamberlain.views.console.record;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.Addresses;
import org.chamberlain.app.connections.ConnectionManager;
import org.chamberlain.views.console.ScriptAccounts;
import org.chamberlain.views.tasks.TaskRunner;
import org.chamberlain.views.xmlconsole.TrafficSource;

/**
 * The "Record" dialog's state: which accounts to record (the app's connected ones, and those the script in the
 * editor declares, connected just for the recording), the {@code [Client]} name of each, and the recording
 * itself. FX thread for everything; connecting runs on the task runner's background threads. Owns the
 * connections it opens for script accounts, one {@link ConnectionManager} each (two clients of a script may
 * share a bare JID, which one manager keys its connections by); {@link #stop()} and {@link #close()} close
 * them in the background.
 */
public final class RecordViewModel implements AutoCloseable {
    /** Where a candidate comes from. */
    public enum Kind { APP, SCRIPT }

    /** An account the app is signed in with: connected, its traffic observable. */
    public record AppAccount(String jid, String boundJid, TrafficSource source) {
    }

    /** Work before the script accounts connect (e.g. creating them on the sandbox); background thread. */
    @FunctionalInterface
    public interface Preparation {
        void run() throws Exception;
    }

    /** Where the script's accounts connect (the console's target). */
    public record Server(String host, int port) {
    }

    /** One row of the dialog. */
    public static final class Candidate {
        private final Kind kind;
        private final String jid;
        private final String password;
        private final AppAccount app;
        private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");
        private final StringProperty name = new SimpleStringProperty(this, "name", "");
        private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

        private Candidate(Kind kind, String jid, String password, AppAccount app, String name) {
            this.kind = kind;
            this.jid = jid;
            this.password = password;
            this.app = app;
            this.name.set(name);
        }

        public Kind kind() {
            return kind;
        }

        public String jid() {
            return jid;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        /** The {@code [Client]} name in the recorded script. */
        public StringProperty nameProperty() {
            return name;
        }

        /** Why the name cannot be used ("" if it can). */
        public ReadOnlyStringProperty problemProperty() {
            return problem.getReadOnlyProperty();
        }
    }

    /** Letters and digits first, then letters, digits, spaces, {@code ' . _ -}; no trailing space. */
    private static final Pattern LEGAL_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} '._-]{0,39}");

    private final TaskRunner tasks;
    private final Server server;
    private final ObservableList<Candidate> candidates = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(this, "canStart");
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(this, "recording");
    private final ReadOnlyIntegerWrapper recorded = new ReadOnlyIntegerWrapper(this, "recorded");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final List<ConnectionManager> opened = new ArrayList<>();
    private final List<AccountConnection> scriptConnections = new ArrayList<>();
    private LiveRecorder recorder;
    private final Preparation prepare;

    /**
     * @param appAccounts    the app's connected accounts (may be empty)
     * @param scriptText     the script in the editor, whose declared accounts are offered too
     * @param server         where script accounts connect (the console's target)
     */
    public RecordViewModel(TaskRunner tasks, List<AppAccount> appAccounts, String scriptText, Server server) {
        this(tasks, appAccounts, scriptText, server, () -> { });
    }

    /** As the other constructor; {@code prepare} runs in the background before script accounts connect. */
    public RecordViewModel(TaskRunner tasks, List<AppAccount> appAccounts, String scriptText, Server server,
            Preparation prepare) {
        this.tasks = tasks;
        this.server = server;
        this.prepare = prepare;
        Map<String, Integer> used = new HashMap<>();
        for (AppAccount account : appAccounts) {
            candidates.add(new Candidate(Kind.APP, account.jid(), null, account,
                    unique(defaultName(account.jid()), used)));
        }
        for (ScriptAccounts.Declared declared : ScriptAccounts.declared(scriptText)) {
            if (declared.jid() != null && declared.jid().contains("@")) {
                candidates.add(new Candidate(Kind.SCRIPT, declared.jid(), declared.password(), null,
                        unique(declared.name(), used)));
            }
        }
        for (Candidate candidate : candidates) {
            candidate.selected.addListener((obs, old, now) -> validate());
            candidate.name.addListener((obs, old, now) -> validate());
        }
        validate();
    }

    /** {@code alice@example.org} → {@code Alice}. */
    static String defaultName(String jid) {
        String local = Addresses.localpart(jid);
        String cleaned = local.replaceAll("[^\\p{L}\\p{N} '._-]", "");
        if (cleaned.isEmpty() || !Character.isLetterOrDigit(cleaned.charAt(0))) {
            cleaned = "Client" + cleaned;
        }
        return cleaned.substring(0, 1).toUpperCase(Locale.ROOT) + cleaned.substring(1);
    }

    private static String unique(String name, Map<String, Integer> used) {
        String key = name.toLowerCase(Locale.ROOT);
        int count = used.merge(key, 1, Integer::sum);
        return count == 1 ? name : name + " " + count;
    }

    public ObservableList<Candidate> candidates() {
        return candidates;
    }

    /** At least one account chosen, every chosen name legal and unique, not recording yet. */
    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** Elements recorded so far (refreshed by {@link #refreshCount()}). */
    public ReadOnlyIntegerProperty recordedProperty() {
        return recorded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private void validate() {
        Map<String, Integer> names = new HashMap<>();
        for (Candidate candidate : candidates) {
            if (candidate.selected.get()) {
                names.merge(candidate.name.get().strip().toLowerCase(Locale.ROOT), 1, Integer::sum);
            }
        }
        boolean anySelected = false;
        boolean allGood = true;
        for (Candidate candidate : candidates) {
            String name = candidate.name.get();
            String problem = "";
            if (candidate.selected.get()) {
                anySelected = true;
                if (name.isBlank()) {
                    problem = "Give a name";
                } else if (!LEGAL_NAME.matcher(name).matches() || name.endsWith(" ")) {
                    problem = "Letters, digits, spaces and ' . _ - only, starting with a letter or digit, at most "
                            + "40 characters";
                } else if (names.getOrDefault(name.strip().toLowerCase(Locale.ROOT), 0) > 1) {
                    problem = "Another chosen account has this name";
                }
            }
            candidate.problem.set(problem);
            allGood &= problem.isEmpty();
        }
        canStart.set(anySelected && allGood && !recording.get() && recorder == null);
    }

    /**
     * Connects the chosen script accounts (background), then starts recording every chosen account.
     * {@code onStarted} runs on the FX thread once recording runs.
     */
    public void start(Runnable onStarted) {
        if (!canStart.get()) {
            return;
        }
        List<Candidate> chosen = candidates.stream().filter(c -> c.selected.get()).toList();
        canStart.set(false);
        status.set("Connecting…");
        tasks.submit("Connecting the accounts to record", context -> {
            if (chosen.stream().anyMatch(c -> c.kind == Kind.SCRIPT)) {
                prepare.run();
            }
            List<LiveRecorder.Target> targets = new ArrayList<>();
            for (Candidate candidate : chosen) {
                String name = candidate.name.get().strip();
                if (candidate.kind == Kind.APP) {
                    targets.add(new LiveRecorder.Target(name, candidate.app.jid(), candidate.app.boundJid(),
                            candidate.app.source()));
                } else {
                    AccountConnection connection = connect(candidate);
                    targets.add(new LiveRecorder.Target(name, connection.accountJid(),
                            connection.boundJid().orElse(connection.accountJid()), TrafficSource.of(connection)));
                }
            }
            return targets;
        }, targets -> {
            recorder = new LiveRecorder(targets);
            List<AccountConnection> announce = scriptConnections();
            // Smack sends a new connection's initial presence on its own schedule, often before the recorder
            // listens: without a recorded presence the replayed account would be unavailable and miss messages
            // to its bare JID. So each script account says it is online once more, inside the recording.
            tasks.submit("Announcing the recorded script accounts", context -> {
                for (AccountConnection connection : announce) {
                    connection.sendRaw("<presence/>");
                }
                return announce.size();
            }, announced -> {
                recording.set(true);
                status.set("Recording " + targets.size() + (targets.size() == 1 ? " account" : " accounts"));
                onStarted.run();
            }, error -> status.set("Cannot announce the script accounts: " + error.getMessage()));
        }, error -> {
            closeOpened();
            status.set("Cannot start recording: " + error.getMessage());
            validate();
        });
    }

    private AccountConnection connect(Candidate candidate) throws Exception {
        ConnectionManager manager = new ConnectionManager();
        synchronized (opened) {
            opened.add(manager);
        }
        // Script accounts belong to test servers; plaintext only where nothing leaves this machine.
        boolean local = InetAddress.getByName(server.host()).isLoopbackAddress();
        Account account = new Account(candidate.jid, Optional.of(server.host()), server.port(),
                local ? TlsPolicy.PLAINTEXT_ALLOWED : TlsPolicy.REQUIRED, PasswordStorage.MEMORY, Set.of());
        AccountConnection connection = manager.open(account,
                (candidate.password == null ? "" : candidate.password).toCharArray());
        connection.connect();
        synchronized (opened) {
            scriptConnections.add(connection);
        }
        return connection;
    }

    /** The connections opened for script accounts while recording (so one can act as them, e.g. in tests). */
    public List<AccountConnection> scriptConnections() {
        synchronized (opened) {
            return List.copyOf(scriptConnections);
        }
    }

    public void refreshCount() {
        if (recorder != null) {
            recorded.set(recorder.size());
        }
    }

    /** Stops recording, disconnects the script accounts and returns the script; null if not recording. */
    public String stop(String title) {
        if (recorder == null) {
            return null;
        }
        String script = recorder.stop(title);
        recorder = null;
        recording.set(false);
        closeOpened();
        status.set("Recorded " + recorded.get() + " elements");
        validate();
        return script;
    }

    /** Disconnects the script accounts on a background thread (network work never on the FX thread). */
    private void closeOpened() {
        List<ConnectionManager> all;
        synchronized (opened) {
            all = List.copyOf(opened);
            opened.clear();
            scriptConnections.clear();
        }
        if (!all.isEmpty()) {
            tasks.submit("Disconnecting the recorded script accounts", context -> {
                all.forEach(ConnectionManager::close);
                return all.size();
            }, closed -> { }, error -> status.set("Disconnecting failed: " + error.getMessage()));
        }
    }

    @Override
    public void close() {
        if (recorder != null) {
            recorder.stop("");
            recorder = null;
        }
        closeOpened();
    }
}
