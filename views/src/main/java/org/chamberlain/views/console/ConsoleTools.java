package org.chamberlain.views.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.views.console.replay.ChildReplayLauncher;
import org.chamberlain.views.main.MainWindowView;
import org.chamberlain.views.tasks.TaskRunner;
import org.chamberlain.views.xmlconsole.TrafficSource;
import org.chamberlain.views.xmlconsole.XmlConsoleView;
import org.chamberlain.views.xmlconsole.XmlConsoleViewModel;

/**
 * Puts the script console and the XML console into the main window's Tools menu; each opens as a workspace
 * tab. Created by the composition root on the FX thread and closed by it on exit (kills running replays).
 */
public final class ConsoleTools implements AutoCloseable {
    public static final KeyCombination SCRIPT_CONSOLE = KeyCombination.keyCombination("Shortcut+Shift+S");
    public static final KeyCombination XML_CONSOLE = KeyCombination.keyCombination("Shortcut+Shift+X");

    private final MainWindowView window;
    private final TaskRunner tasks;
    private final Supplier<Optional<AccountConnection>> activeConnection;
    private final Supplier<List<AccountConnection>> signedIn;
    private final Optional<SandboxTarget> sandbox;
    private final ChildReplayLauncher launcher = new ChildReplayLauncher(Platform::runLater);
    private final Map<String, XmlConsoleViewModel> xmlConsoles = new HashMap<>();
    private ConsoleView console;

    /**
     * @param activeConnection the active account's connection, if it is signed in
     * @param signedIn         the connections of every account (recording takes those that are connected)
     * @param sandbox          the sandbox the app runs on, if any: the script console then targets it
     */
    public ConsoleTools(MainWindowView window, TaskRunner tasks,
            Supplier<Optional<AccountConnection>> activeConnection, Supplier<List<AccountConnection>> signedIn,
            Optional<SandboxTarget> sandbox) {
        this.window = window;
        this.tasks = tasks;
        this.activeConnection = activeConnection;
        this.signedIn = signedIn;
        this.sandbox = sandbox;
        MenuItem scripts = new MenuItem("_Script console");
        scripts.setAccelerator(SCRIPT_CONSOLE);
        scripts.setOnAction(e -> openScriptConsole());
        MenuItem xml = new MenuItem("_XML console of the active account");
        xml.setAccelerator(XML_CONSOLE);
        xml.setOnAction(e -> openXmlConsole());
        MenuItem record = new MenuItem("_Record a session as a script…");
        record.setOnAction(e -> {
            openScriptConsole();
            if (console.confirmReplacingUnsavedChanges()) {
                console.openRecorder().show();
            }
        });
        window.toolsMenu().getItems().addAll(scripts, xml, new javafx.scene.control.SeparatorMenuItem(), record);
        // Demos and screenshots: -Dchamberlain.console.open=FILE opens the console on that script at start.
        String open = System.getProperty("chamberlain.console.open");
        if (open != null && !open.isBlank()) {
            Platform.runLater(() -> {
                openScriptConsole();
                console.openFile(Path.of(open));
            });
        }
    }

    public void openScriptConsole() {
        if (console == null) {
            Path work;
            try {
                work = Files.createTempDirectory("chamberlain-console");
                work.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Cannot create a folder for the console's script copies", e);
            }
            console = new ConsoleView(new ConsoleViewModel(tasks, launcher, work), quickFolders());
            console.setAppAccounts(this::connectedAccounts);
            // Recent scripts and unsaved edits survive the session (and a crash) beside the other settings.
            console.keepBetweenSessionsIn(org.chamberlain.views.settings.ConfigDirectory.resolve().resolve("console"));
            // On `chamberlain sandbox`, the console targets the sandbox from the start.
            sandbox.ifPresent(target -> {
                console.model().sandboxProperty().set(target);
                console.model().targetProperty().set(ConsoleViewModel.Target.SANDBOX);
            });
        }
        window.openTool("script-console", "Script console", console.node(), () -> { });
    }

    private void openXmlConsole() {
        Optional<AccountConnection> connection = activeConnection.get();
        if (connection.isEmpty()) {
            return;
        }
        String account = connection.get().accountJid();
        XmlConsoleViewModel model = xmlConsoles.computeIfAbsent(account,
                a -> new XmlConsoleViewModel(tasks, TrafficSource.of(connection.get())));
        window.openTool("xml-" + account, "XML " + account, new XmlConsoleView(model).node(), () -> {
            XmlConsoleViewModel closed = xmlConsoles.remove(account);
            if (closed != null) {
                closed.close();
            }
        });
    }

    /** The signed-in accounts that are connected now, for the Record dialog. */
    private List<org.chamberlain.views.console.record.RecordViewModel.AppAccount> connectedAccounts() {
        List<org.chamberlain.views.console.record.RecordViewModel.AppAccount> accounts = new ArrayList<>();
        for (AccountConnection connection : signedIn.get()) {
            connection.boundJid().ifPresent(full -> accounts.add(
                    new org.chamberlain.views.console.record.RecordViewModel.AppAccount(connection.accountJid(), full,
                            TrafficSource.of(connection))));
        }
        return accounts;
    }

    /** The project's {@code spec/} and the shared Prosody suite, when found above the working directory. */
    static List<Path> quickFolders() {
        List<Path> folders = new ArrayList<>();
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("spec")) && folders.isEmpty()) {
                folders.add(dir.resolve("spec"));
            }
            Path suite = dir.resolveSibling("shared").resolve("suite").resolve("prosody-0.12.3");
            if (Files.isDirectory(suite)) {
                folders.add(suite);
                break;
            }
            dir = dir.getParent();
        }
        return folders;
    }

    @Override
    public void close() {
        xmlConsoles.values().forEach(XmlConsoleViewModel::close);
        xmlConsoles.clear();
        if (console != null) {
            console.close();
        }
        launcher.close();
    }
}
