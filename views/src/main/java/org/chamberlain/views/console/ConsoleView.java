package org.chamberlain.views.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.chamberlain.views.console.ConsoleViewModel.AccountRow;
import org.chamberlain.views.console.ConsoleViewModel.RunState;
import org.chamberlain.views.console.record.RecordDialog;
import org.chamberlain.views.console.record.RecordViewModel;
import org.chamberlain.views.dialogs.DialogPlacement;
import org.chamberlain.views.main.Shortcuts;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * The script console pane: toolbar (files, target, run controls), the editor with its gutter, the account
 * mapping table, and below them messages, the failure diff, folder results and one traffic tab per client.
 * Built and used on the FX thread; {@link #close()} stops a running replay and the highlighter thread.
 */
public final class ConsoleView implements AutoCloseable {
    /** The style sheet of the console; add it to the scene (the main window does). */
    public static final String STYLESHEET = ConsoleView.class.getResource("console.css").toExternalForm();

    private final ConsoleViewModel model;
    // Highlighting runs on every pause in typing: a thread of its own keeps it off the network task pool and
    // out of the status bar's task list. It also writes what ScriptMemory keeps (in order, off the FX thread).
    // Owned here, shut down in close().
    private final ExecutorService highlighting = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "console-highlighting");
        thread.setDaemon(true);
        return thread;
    });
    private final ScriptEditor editor = new ScriptEditor(highlighting, new ScansionChecker());
    private final DiffView diff = new DiffView(editor::jumpTo);
    private final TabPane bottom = new TabPane();
    private final Tab failureTab = new Tab("Failure");
    private final Tab resultsTab = new Tab("Results");
    private final Map<String, Tab> trafficTabs = new HashMap<>();
    private final Map<Tab, Node> parked = new HashMap<>();
    private boolean justOpened;
    private java.util.function.Supplier<List<RecordViewModel.AppAccount>> appAccounts = List::of;
    private static final PseudoClass RESULT_NOT_PASSED = PseudoClass.getPseudoClass("not-passed");
    private static final PseudoClass MODIFIED = PseudoClass.getPseudoClass("modified");
    private final ObservableList<ScriptResult> shownResults =
            FXCollections.observableArrayList();
    private final Map<String, ListView<TrafficEntry>> trafficLists = new HashMap<>();
    private final List<Path> recent = new ArrayList<>();
    private final MenuButton recentMenu = new MenuButton("Recent");
    private final List<Path> quickFolders;
    private final BorderPane root = new BorderPane();
    /** The text as last opened or saved: the editor differs from it while there are unsaved changes. */
    private String savedText = "";
    private final BooleanProperty modified =
            new SimpleBooleanProperty(this, "modified");
    private final Label fileState = new Label();
    /** Where drafts and recent files are kept between sessions; null keeps nothing (tests, benchmarks). */
    private ScriptMemory memory;
    /** A draft is kept a second after the last keystroke, not on each one. */
    private final PauseTransition keepDraft = new PauseTransition(Duration.seconds(1));

    /**
     * @param quickFolders folders whose scripts are one click away (the project's {@code spec/}, a suite)
     */
    public ConsoleView(ConsoleViewModel model, List<Path> quickFolders) {
        this.model = model;
        this.quickFolders = List.copyOf(quickFolders);
        root.getStylesheets().add(STYLESHEET);
        root.setId("script-console");
        ToolBar files = toolbar();
        root.setTop(new VBox(runBar, files));
        SplitPane top = new SplitPane(editor.node(), accountsPane());
        top.setDividerPositions(0.64);
        SplitPane main = new SplitPane(top, bottomTabs());
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.58);
        root.setCenter(main);
        root.setBottom(statusBar());
        bind();
        watchForUnsavedChanges();
        updateModified();
        warmResultsTable();
    }

    /**
     * Keeps the console's recent files and unsaved text in {@code directory} from now on, and brings back what an
     * earlier session left there: the recent files, and an edited script that was never saved (the window was
     * closed, or the app crashed or was killed), shown as unsaved changes to its file.
     */
    public void keepBetweenSessionsIn(Path directory) {
        memory = new ScriptMemory(directory, highlighting,
                problem -> javafx.application.Platform.runLater(() -> model.diagnostics().add(problem)));
        recent.clear();
        recent.addAll(memory.recent());
        rebuildRecent();
        memory.draft().ifPresent(draft -> {
            Path file = draft.file().orElse(null);
            String original = "";
            if (file != null) {
                try {
                    original = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    // The file is gone or unreadable: the recovered text is all there is, unsaved.
                    original = "";
                }
            }
            replaceText(file, draft.text(), original);
            model.diagnostics().add("Recovered unsaved changes " + (file == null ? "to a new script"
                    : "to " + file) + " from the last session; save them, or open another script to drop them.");
        });
    }

    /** Whether the editor holds changes that are not in its file. */
    public ReadOnlyBooleanProperty modifiedProperty() {
        return modified;
    }

    private void watchForUnsavedChanges() {
        editor.area().multiPlainChanges().subscribe(changes -> {
            updateModified();
            keepDraft.playFromStart();
        });
        keepDraft.setOnFinished(e -> {
            if (memory == null) {
                return;
            }
            if (modified.get()) {
                memory.keepDraft(model.fileProperty().get(), editor.text());
            } else {
                memory.forgetDraft();
            }
        });
        model.fileProperty().addListener((obs, old, now) -> updateModified());
        fileState.setId("console-file-state");
        fileState.getStyleClass().add("console-file-state");
    }

    private void updateModified() {
        modified.set(!editor.text().equals(savedText));
        Path file = model.fileProperty().get();
        fileState.setText((file == null ? "New script" : file.getFileName().toString())
                + (modified.get() ? " — unsaved changes" : ""));
        fileState.pseudoClassStateChanged(MODIFIED, modified.get());
    }

    /**
     * Before the editor's text is replaced: true if there is nothing unsaved, or the person saved it or chose to
     * drop it; false if they cancelled (or a save did not happen).
     */
    public boolean confirmReplacingUnsavedChanges() {
        if (!modified.get()) {
            return true;
        }
        Path file = model.fileProperty().get();
        ButtonType saveButton = new ButtonType("Save",
                ButtonBar.ButtonData.YES);
        ButtonType dropButton = new ButtonType("Don't save",
                ButtonBar.ButtonData.NO);
        Alert ask = new Alert(
                Alert.AlertType.CONFIRMATION,
                "Your changes will be lost if you don't save them.", saveButton, dropButton,
                ButtonType.CANCEL);
        DialogPlacement.ownedBy(ask, window());
        ask.setTitle("Unsaved changes");
        ask.setHeaderText("Save the changes to " + (file == null ? "the new script" : file.getFileName()) + "?");
        ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == saveButton) {
            save(false);
            return !modified.get();
        }
        return answer == dropButton;
    }

    public Node node() {
        return root;
    }

    public ScriptEditor editor() {
        return editor;
    }

    public ConsoleViewModel model() {
        return model;
    }

    // ---- layout ----

    private ToolBar runBar;

    private ToolBar toolbar() {
        Button open = button("Open…", "console-open", e -> {
            if (confirmReplacingUnsavedChanges()) {
                open();
            }
        });
        Button save = button("Save", "console-save", e -> save(false));
        Button saveAs = button("Save as…", "console-save-as", e -> save(true));
        recentMenu.setId("console-recent");
        rebuildRecent();
        MenuButton quick = new MenuButton("Scripts");
        quick.setId("console-quick");
        quick.setOnShowing(e -> rebuildQuick(quick));
        rebuildQuick(quick);

        TextField host = new TextField();
        host.setId("console-host");
        host.setPrefColumnCount(8);
        host.textProperty().bindBidirectional(model.hostProperty());
        TextField port = new TextField();
        port.setId("console-port");
        port.setPrefColumnCount(5);
        port.setText(Integer.toString(model.portProperty().get()));
        port.textProperty().addListener((obs, old, now) -> {
            try {
                model.portProperty().set(Integer.parseInt(now.strip()));
            } catch (NumberFormatException e) {
                // Not a number yet (the person is typing): keep the last valid port.
            }
        });
        model.portProperty().addListener((obs, old, now) -> port.setText(Integer.toString(now.intValue())));

        BooleanBinding busy = Bindings.createBooleanBinding(() -> model.stateProperty().get() != RunState.IDLE,
                model.stateProperty());
        BooleanBinding paused = model.stateProperty().isEqualTo(RunState.PAUSED);
        Button run = button("▶ Run", "console-run", e -> model.run(editor.text(), editor.breakpoints()));
        run.disableProperty().bind(busy);
        run.setTooltip(new Tooltip("Run the script (F5); pauses at breakpoints (click the gutter, or F9)"));
        Button step = button("Step", "console-step", e -> {
            if (model.stateProperty().get() == RunState.IDLE) {
                model.startStepping(editor.text(), editor.breakpoints());
            } else {
                model.step();
            }
        });
        step.disableProperty().bind(busy.and(paused.not()));
        step.setTooltip(new Tooltip("Run the next action and pause (F10)"));
        Button resume = button("Continue", "console-continue", e -> model.resume());
        resume.disableProperty().bind(paused.not());
        resume.setTooltip(new Tooltip("Continue to the next breakpoint or the end (F8)"));
        Button runTo = button("Run to caret", "console-run-to", e -> {
            int line = editor.area().getCurrentParagraph() + 1;
            if (model.stateProperty().get() == RunState.IDLE) {
                java.util.Set<Integer> stops = new java.util.HashSet<>(editor.breakpoints());
                stops.add(line);
                model.run(editor.text(), stops);
            } else {
                model.runToLine(line);
            }
        });
        runTo.disableProperty().bind(busy.and(paused.not()));
        runTo.setTooltip(new Tooltip("Run until the caret's line (Ctrl+F10)"));
        Button stop = button("■ Stop", "console-stop", e -> model.stop());
        stop.disableProperty().bind(busy.not());
        stop.setTooltip(new Tooltip("Stop the run and close its connections (Shift+F5)"));
        save.setTooltip(new Tooltip("Save the script (Ctrl+S)"));
        Map<KeyCombination, Runnable> keys = new java.util.LinkedHashMap<>();
        keys.put(Shortcuts.SCRIPT_RUN, run::fire);
        keys.put(Shortcuts.SCRIPT_STOP, stop::fire);
        keys.put(Shortcuts.SCRIPT_STEP, step::fire);
        keys.put(Shortcuts.SCRIPT_CONTINUE, resume::fire);
        keys.put(Shortcuts.SCRIPT_RUN_TO_CARET, runTo::fire);
        keys.put(Shortcuts.SCRIPT_BREAKPOINT,
                () -> editor.toggleBreakpoint(editor.area().getCurrentParagraph() + 1));
        keys.put(Shortcuts.SCRIPT_SAVE, save::fire);
        // A filter, so the editor (which takes most keys) does not see them first; a disabled button ignores fire().
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            for (Map.Entry<KeyCombination, Runnable> key : keys.entrySet()) {
                if (key.getKey().match(event)) {
                    key.getValue().run();
                    event.consume();
                    return;
                }
            }
        });
        Button folder = button("Run folder…", "console-run-folder", e -> chooseAndRunFolder());
        Button record = button("● Record…", "console-record", e -> {
            if (confirmReplacingUnsavedChanges()) {
                openRecorder().show();
            }
        });
        record.disableProperty().bind(busy);
        record.setTooltip(new Tooltip("Record the live traffic of the app's accounts or of this script's accounts "
                + "as a new script"));
        folder.disableProperty().bind(busy);
        // Two rows, run controls first: at 1280×800 with the sidebar open one row would hide them in the overflow.
        ChoiceBox<ConsoleViewModel.Target> target = new ChoiceBox<>(
                FXCollections.observableArrayList(ConsoleViewModel.Target.values()));
        target.setId("console-target");
        // Narrow: with the main window's theme a wider choice pushed the port into the toolbar's overflow.
        target.setPrefWidth(96);
        target.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConsoleViewModel.Target value) {
                return value == ConsoleViewModel.Target.SANDBOX ? "Sandbox" : "Server";
            }

            @Override
            public ConsoleViewModel.Target fromString(String text) {
                return "Sandbox".equals(text) ? ConsoleViewModel.Target.SANDBOX : ConsoleViewModel.Target.SERVER;
            }
        });
        target.valueProperty().bindBidirectional(model.targetProperty());
        target.setTooltip(new Tooltip("Server: the host and port typed here, with the script's accounts or the "
                + "mapping beside the editor. Sandbox: the private server the app runs on (./chamberlain sandbox)."));
        BooleanBinding onSandbox = model.targetProperty().isEqualTo(ConsoleViewModel.Target.SANDBOX);
        host.disableProperty().bind(onSandbox);
        port.disableProperty().bind(onSandbox);
        Label noSandbox = new Label("No sandbox running (how?)");
        noSandbox.setId("console-no-sandbox");
        noSandbox.setTooltip(new Tooltip(ConsoleViewModel.NO_SANDBOX));
        noSandbox.getStyleClass().add("console-hint");
        noSandbox.visibleProperty().bind(onSandbox.and(model.sandboxProperty().isNull()));
        noSandbox.managedProperty().bind(noSandbox.visibleProperty());
        noSandbox.setOnMouseClicked(e -> model.diagnostics().add(ConsoleViewModel.NO_SANDBOX));
        runBar = new ToolBar(run, step, resume, runTo, stop, new Separator(), target, host,
                new Label(":"), port, noSandbox);
        return new ToolBar(open, save, saveAs, recentMenu, quick, new Separator(), folder, record);
    }

    private static Button button(String text, String id, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(action);
        return button;
    }

    private Node accountsPane() {
        TableView<AccountRow> table = new TableView<>(model.accounts());
        table.setId("console-accounts");
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<AccountRow, String> name = new TableColumn<>("Client");
        name.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().name()));
        name.setEditable(false);
        name.setMinWidth(80);
        TableColumn<AccountRow, String> jid = new TableColumn<>("Runs as JID");
        jid.setCellValueFactory(c -> c.getValue().jidProperty());
        jid.setMinWidth(100);
        jid.setPrefWidth(140);
        jid.setCellFactory(column -> {
            TextFieldTableCell<AccountRow, String> cell = new TextFieldTableCell<>(
                    new javafx.util.converter.DefaultStringConverter()) {
                @Override
                public void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    AccountRow row = getTableRow() == null ? null : getTableRow().getItem();
                    if (!empty && !isEditing() && (item == null || item.isEmpty()) && row != null) {
                        setText(placeholderJid(row.scriptJid()));
                        setStyle("-fx-opacity: 0.6;");
                    } else {
                        setStyle("");
                    }
                }
            };
            return cell;
        });
        model.targetProperty().addListener((obs, old, now) -> table.refresh());
        model.sandboxProperty().addListener((obs, old, now) -> table.refresh());
        TableColumn<AccountRow, String> password = new TableColumn<>("Password");
        password.setCellValueFactory(c -> c.getValue().passwordProperty());
        password.setCellFactory(column -> new PasswordCell());
        password.setMinWidth(70);
        table.getColumns().add(name);
        table.getColumns().add(jid);
        table.getColumns().add(password);
        Label noClients = new Label("The script's [Client] accounts appear here.");
        noClients.setWrapText(true);
        noClients.getStyleClass().add("placeholder-text");
        table.setPlaceholder(noClients);
        Label help = new Label("Leave empty to use the script's own JID and password.");
        help.setWrapText(true);
        // A wrapping label in a VBox is otherwise given one line's height and cut with an ellipsis.
        help.setMinHeight(Region.USE_PREF_SIZE);
        help.setPadding(new Insets(4));
        VBox box = new VBox(new Label(" Accounts"), table, help);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setMinWidth(300);
        return box;
    }

    /** What a client runs as when nothing is typed: the script's JID, moved to the sandbox's domain there. */
    private String placeholderJid(String scriptJid) {
        SandboxTarget sandbox = model.sandboxProperty().get();
        int at = scriptJid.indexOf('@');
        if (model.targetProperty().get() != ConsoleViewModel.Target.SANDBOX || sandbox == null || at < 0) {
            return scriptJid;
        }
        String domain = scriptJid.substring(at + 1).replaceFirst("/.*", "");
        return SandboxPlan.replaceDomain(scriptJid, domain, sandbox.domain());
    }

    /** Shows dots; edits with a password field so the secret never appears on screen. */
    private static final class PasswordCell extends TableCell<AccountRow, String> {
        private final PasswordField field = new PasswordField();

        PasswordCell() {
            field.setOnAction(e -> commitEdit(field.getText()));
            field.focusedProperty().addListener((obs, old, now) -> {
                if (!now && isEditing()) {
                    commitEdit(field.getText());
                }
            });
        }

        @Override
        public void startEdit() {
            super.startEdit();
            field.setText(getItem());
            setText(null);
            setGraphic(field);
            field.requestFocus();
        }

        @Override
        public void cancelEdit() {
            super.cancelEdit();
            updateItem(getItem(), false);
        }

        @Override
        public void commitEdit(String value) {
            super.commitEdit(value);
            AccountRow row = getTableRow() == null ? null : getTableRow().getItem();
            if (row != null) {
                row.passwordProperty().set(value);
            }
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setGraphic(null);
            setText(empty ? null : item == null || item.isEmpty() ? "(script's)" : "••••••");
        }
    }

    private Node bottomTabs() {
        bottom.setId("console-bottom");
        bottom.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        ListView<String> messages = new ListView<>();
        messages.setId("console-messages");
        Tab messagesTab = new Tab("Messages", messages);
        messagesTab.setId("console-messages-tab");
        // The list is rebuilt only while it is on screen: the replayer writes a line per script, and
        // rebuilding a hidden list on each one cost a frame each during folder runs.
        Runnable refreshMessages = () -> {
            int count = editor.problems().size() + model.diagnostics().size();
            messagesTab.setText(count == 0 ? "Messages" : "Messages (" + count + ")");
            if (!messagesTab.isSelected()) {
                return;
            }
            List<String> all = new ArrayList<>();
            editor.problems().forEach(p -> all.add("line " + p.line() + ":" + p.column() + ": " + p.message()));
            all.addAll(model.diagnostics());
            // During a run the lines only grow: append them. Replacing the list re-laid out every visible cell
            // for each line the replayer wrote, the FX thread's largest cost during a suite run with this tab
            // showing (docs/benchmarks.md, "FX stalls (branch ui-stalls, session 3)").
            ObservableList<String> shown = messages.getItems();
            if (all.size() >= shown.size() && all.subList(0, shown.size()).equals(shown)) {
                if (all.size() > shown.size()) {
                    shown.addAll(all.subList(shown.size(), all.size()));
                }
            } else {
                shown.setAll(all);
            }
        };
        editor.problems().addListener((ListChangeListener<ScriptProblem>) c -> refreshMessages.run());
        model.diagnostics().addListener((ListChangeListener<String>) c -> refreshMessages.run());
        messagesTab.selectedProperty().addListener((obs, old, now) -> refreshMessages.run());
        messages.setOnMouseClicked(e -> {
            String selected = messages.getSelectionModel().getSelectedItem();
            if (selected != null && selected.startsWith("line ")) {
                editor.jumpTo(Integer.parseInt(selected.substring(5, selected.indexOf(':'))));
            }
        });
        failureTab.setId("console-failure-tab");
        resultsTab.setId("console-results-tab");
        bottom.getTabs().addAll(messagesTab, failureTab, resultsTab);
        park(messagesTab, messages);
        park(failureTab, diff.node());
        // Not parked: its table keeps its skin (built with the console, when nothing else runs) and shows a
        // copy of the results that is refreshed only while the tab is selected.
        resultsTab.setContent(resultsPane());
        resultsTab.selectedProperty().addListener((obs, old, now) -> {
            if (now) {
                showResultsGradually();
            }
        });
        bottom.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (old != null && parked.containsKey(old)) {
                old.setContent(null);
            }
            if (now != null && parked.containsKey(now)) {
                now.setContent(parked.get(now));
            }
        });
        return bottom;
    }

    /**
     * Brings the results table up to date a few rows per pulse. Its first display with a whole suite's rows at
     * once (rows, cells and their CSS, ~50 ms of FX-thread CPU for 25 rows) was the longest stall left at the end
     * of a folder run with a failure, where the tab comes forward by itself.
     */
    private void showResultsGradually() {
        int shown = shownResults.size();
        List<ScriptResult> all = model.results();
        if (shown > all.size() || !shownResults.equals(all.subList(0, shown))) {
            shownResults.clear();
        }
        if (shownResults.size() < all.size()) {
            resultsFiller.start();
        }
    }

    /** One step of {@link #showResultsGradually}, run at each pulse until the table shows every result. */
    private final AnimationTimer resultsFiller = new AnimationTimer() {
        @Override
        public void handle(long now) {
            List<ScriptResult> all = model.results();
            int shown = shownResults.size();
            if (!resultsTab.isSelected() || shown > all.size() || !shownResults.equals(all.subList(0, shown))) {
                stop();
                if (resultsTab.isSelected()) {
                    showResultsGradually();
                }
                return;
            }
            int end = Math.min(all.size(), shown + RESULT_ROWS_PER_PULSE);
            shownResults.addAll(all.subList(shown, end));
            if (end == all.size()) {
                stop();
            }
        }
    };

    /**
     * When the console is built, the hidden results table shows one row for its first pulses: a tab pane lays
     * out and styles hidden content too, so the table's first row and cell skins and their styles are made as
     * part of opening the console. Made at the end of a failed folder run instead (when the table comes forward
     * by itself), they cost 40-60 ms of FX CPU in one pulse, whatever the number of rows (8 or 25), 6-9 ms once
     * made. Made when a run starts, they stalled the console just as Run was pressed.
     */
    private void warmResultsTable() {
        shownResults.setAll(new ScriptResult("", "", org.chamberlain.views.console.replay.ReplayEvent.Verdict.FAILED,
                0, 0, ""));
        new AnimationTimer() {
            private int pulses;
            private int shownPulses;

            @Override
            public void handle(long now) {
                // Two pulses on screen (the row is styled and laid out in the first); at most ~2 s in all, so a
                // console built and never shown does not keep the toolkit pulsing.
                if (root.getScene() != null && root.getScene().getWindow() != null
                        && root.getScene().getWindow().isShowing()) {
                    shownPulses++;
                }
                if (shownPulses < 3 && ++pulses < 120) {
                    return;
                }
                stop();
                if (!resultsTab.isSelected()) {
                    shownResults.clear();
                }
            }
        }.start();
    }

    /** Rows the results table gains per pulse when it comes on screen (see {@link #showResultsGradually}). */
    public static final int RESULT_ROWS_PER_PULSE = 8;

    /**
     * Gives {@code tab} its content while it is selected and none otherwise. A tab pane keeps the content of
     * hidden tabs in the scene and lays it out: a hidden results table or traffic list growing during a run
     * cost CSS, layout and new cells on the FX thread for nothing.
     */
    private void park(Tab tab, Node content) {
        parked.put(tab, content);
        tab.setContent(tab.isSelected() ? content : null);
    }

    private Node resultsPane() {
        TableView<ScriptResult> table = new TableView<>(shownResults);
        table.setId("console-results");
        Label noResults = new Label("Each script's verdict appears here after a run (Run folder\u2026 for many).");
        noResults.getStyleClass().add("placeholder-text");
        table.setPlaceholder(noResults);
        // Rows of one text line: a fixed height spares measuring every new row when the table first shows.
        table.setFixedCellSize(24);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Widths: a script's name and the failure's message are what people read; the rest is short.
        table.getColumns().add(column("Script", 230, r -> r.file()));
        table.getColumns().add(column("Verdict", 70, r -> r.verdict().name().toLowerCase(java.util.Locale.ROOT)));
        table.getColumns().add(column("ms", 60, r -> String.format(java.util.Locale.ROOT, "%.0f", r.ms())));
        table.getColumns().add(column("Line", 50, r -> r.line() > 0 ? Integer.toString(r.line()) : ""));
        table.getColumns().add(column("Message", 300, r -> r.message() == null ? "" : r.message()));
        // A pseudo-class, not an inline style: a new style makes JavaFX look up the row's and its cells' styles.
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(ScriptResult item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(RESULT_NOT_PASSED, !empty && item != null
                        && item.verdict() != org.chamberlain.views.console.replay.ReplayEvent.Verdict.PASSED);
            }
        });
        Button junit = button("Export JUnit XML…", "console-export-junit",
                e -> export("results.xml", ResultsExport.junitXml("chamberlain", List.copyOf(model.results()))));
        Button json = button("Export JSON…", "console-export-json",
                e -> export("results.json", ResultsExport.json(List.copyOf(model.results()))));
        junit.disableProperty().bind(Bindings.isEmpty(model.results()));
        json.disableProperty().bind(Bindings.isEmpty(model.results()));
        VBox box = new VBox(4, new HBox(8, junit, json), table);
        box.setPadding(new Insets(4));
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private static TableColumn<ScriptResult, String> column(String title, double width,
            java.util.function.Function<ScriptResult, String> value) {
        TableColumn<ScriptResult, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("console-status");
        status.textProperty().bind(model.statusProperty());
        model.failureProperty().addListener((obs, old, now) -> {
            status.getStyleClass().removeAll("console-status-passed", "console-status-failed");
            if (now != null) {
                status.getStyleClass().add("console-status-failed");
            }
        });
        // The script's name and whether it is saved, at the right: in the tool bar a long name went into its
        // overflow menu at 1280 px.
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        fileState.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(12, status, spacer, fileState);
        bar.setPadding(new Insets(3, 6, 3, 6));
        return bar;
    }

    // ---- bindings ----

    private void bind() {
        editor.area().multiPlainChanges().successionEnds(java.time.Duration.ofMillis(300))
                .subscribe(c -> model.updateAccounts(editor.text()));
        model.marks().addListener((MapChangeListener<Integer, ActionMark>) change ->
                editor.setMarks(Map.copyOf(model.marks())));
        model.currentLineProperty().addListener((obs, old, now) -> {
            editor.setCurrentLine(now.intValue());
            if (justOpened && now.intValue() > 0) {
                justOpened = false;
                int paragraph = now.intValue() - 1;
                editor.area().moveTo(paragraph, 0);
                // Opening a file scrolls to its top and rebuilds the gutter and the highlighting on later
                // pulses, each of which can move the viewport again: scroll once those are done.
                PauseTransition settle = new PauseTransition(
                        Duration.millis(150));
                settle.setOnFinished(e -> {
                    if (editor.currentLineProperty().get() == paragraph + 1) {
                        editor.area().showParagraphAtCenter(paragraph);
                    }
                });
                settle.play();
            }
        });
        model.scriptToShowProperty().addListener((obs, old, now) -> {
            if (now != null) {
                openFile(now);
                justOpened = true;
            }
        });
        model.failureProperty().addListener((obs, old, now) -> {
            diff.show(now);
            if (now != null) {
                bottom.getSelectionModel().select(failureTab);
            }
        });
        model.trafficAccounts().addListener((ListChangeListener<String>) change -> syncTrafficTabs());
        // During a folder run the tab's title counts the results ("Results (25, 2 failed)"); the table comes on
        // screen by itself when the run ends with a failure, otherwise when the person clicks it: filling a
        // visible table row by row cost a frame per script, and its first display costs ~50 ms of FX time.
        model.stateProperty().addListener((obs, old, now) -> {
            if (now == RunState.IDLE && model.isFolderRun() && model.results().stream()
                    .anyMatch(r -> r.verdict() != org.chamberlain.views.console.replay.ReplayEvent.Verdict.PASSED)) {
                bottom.getSelectionModel().select(resultsTab);
            }
        });
        model.results().addListener((ListChangeListener<ScriptResult>) change -> {
            long failed = model.results().stream().filter(r -> r.verdict() != org.chamberlain.views.console.replay
                    .ReplayEvent.Verdict.PASSED).count();
            if (resultsTab.isSelected()) {
                showResultsGradually();
            }
            resultsTab.setText(model.results().isEmpty() ? "Results" : "Results (" + model.results().size()
                    + (failed > 0 ? ", " + failed + " failed" : "") + ")");
        });
    }

    private void syncTrafficTabs() {
        List<String> accounts = model.trafficAccounts();
        List<Tab> removed = new ArrayList<>();
        trafficTabs.entrySet().removeIf(entry -> {
            if (!accounts.contains(entry.getKey())) {
                removed.add(entry.getValue());
                parked.remove(entry.getValue());
                trafficLists.remove(entry.getKey());
                return true;
            }
            return false;
        });
        bottom.getTabs().removeAll(removed);
        List<Tab> added = new ArrayList<>();
        for (String account : accounts) {
            if (!trafficTabs.containsKey(account)) {
                // Only the header now: a list with its skin, cells and CSS per tab, built while the first
                // events stream in, was the longest FX-thread stall of a run. The content comes on first view.
                Tab tab = new Tab(account);
                tab.setId("traffic-tab-" + account.replaceAll("[^A-Za-z0-9]", "_"));
                tab.selectedProperty().addListener((obs, old, now) -> {
                    if (now) {
                        trafficContent(account);
                    }
                });
                trafficTabs.put(account, tab);
                added.add(tab);
            }
        }
        // At once: every change to the tabs rebuilds the header row's overflow menu.
        bottom.getTabs().addAll(added);
    }

    /** The list of a client's traffic tab, building the tab's content if it has none yet. */
    private ListView<TrafficEntry> trafficContent(String account) {
        ListView<TrafficEntry> existing = trafficLists.get(account);
        Tab tab = trafficTabs.get(account);
        if (existing != null || tab == null) {
            return existing;
        }
        ListView<TrafficEntry> list = new ListView<>(model.traffic(account));
        list.getStyleClass().add("traffic-list");
        list.setId("traffic-" + account.replaceAll("[^A-Za-z0-9]", "_"));
        list.setCellFactory(v -> new TrafficCell());
        list.setFixedCellSize(24);
        Label hint = new Label("Select a stanza to see it pretty-printed.");
        hint.setPadding(new Insets(8));
        SplitPane split = new SplitPane(list, hint);
        split.setDividerPositions(0.62);
        // The detail area is built on first selection, for the same reason as the tab's content.
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (split.getItems().get(1) == hint) {
                CodeArea detail = new CodeArea();
                detail.setEditable(false);
                detail.getStyleClass().add("traffic-list");
                detail.setId("traffic-detail-" + account.replaceAll("[^A-Za-z0-9]", "_"));
                split.getItems().set(1, new VirtualizedScrollPane<>(detail));
                split.setDividerPositions(0.62);
            }
            @SuppressWarnings("unchecked")
            CodeArea detail = ((VirtualizedScrollPane<CodeArea>) split.getItems().get(1)).getContent();
            detail.replaceText(now == null ? "" : now.timeLabel() + (now.sent() ? "  sent" : "  received")
                    + (now.line() > 0 ? " (line " + now.line() + ")" : "") + "\n\n" + now.pretty());
        });
        park(tab, split);
        trafficLists.put(account, list);
        return list;
    }

    /** The traffic list of one client (for tests and benchmarks), built if needed; null if it has no tab. */
    public ListView<TrafficEntry> trafficList(String account) {
        return trafficContent(account);
    }

    public DiffView diff() {
        return diff;
    }

    // ---- files ----

    /** Opens a script into the editor (also from the quick list and recent files). */
    public void openFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            replaceText(file, text, text);
            remember(file);
        } catch (IOException e) {
            model.diagnostics().add("Cannot open " + file + ": " + e.getMessage());
        }
    }

    /** Shows a new, unsaved script (e.g. a recorded session) in the editor. */
    public void showScript(String text) {
        replaceText(null, text, "");
    }

    /**
     * Puts {@code text} in the editor as the text of {@code file} (null: a new script), whose saved version is
     * {@code saved}: the breakpoints and marks are the file's, the accounts the text's.
     */
    private void replaceText(Path file, String text, String saved) {
        rememberBreakpoints();
        model.fileProperty().set(file);
        editor.clearMarks();
        editor.breakpoints().clear();
        editor.setText(text);
        savedText = saved;
        updateModified();
        if (file != null) {
            editor.breakpoints().addAll(model.breakpointsOf(file));
        }
        model.updateAccounts(text);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void open() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a script");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scansion scripts", "*.scs"));
        Path current = model.fileProperty().get();
        if (current != null && current.getParent() != null) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        java.io.File chosen = chooser.showOpenDialog(window());
        if (chosen != null) {
            openFile(chosen.toPath());
        }
    }

    private void save(boolean askForName) {
        Path target = model.fileProperty().get();
        if (askForName || target == null) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the script as");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scansion scripts", "*.scs"));
            chooser.setInitialFileName(target == null ? "script.scs" : target.getFileName().toString());
            java.io.File chosen = chooser.showSaveDialog(window());
            if (chosen == null) {
                return;
            }
            target = chosen.toPath();
        }
        saveTo(target);
    }

    /** Writes the editor's text to {@code file} and makes it the console's file. */
    public void saveTo(Path file) {
        try {
            String text = editor.text();
            Files.writeString(file, text, StandardCharsets.UTF_8);
            savedText = text;
            model.fileProperty().set(file);
            updateModified();
            if (memory != null) {
                memory.forgetDraft();
            }
            remember(file);
        } catch (IOException e) {
            model.diagnostics().add("Cannot save " + file + ": " + e.getMessage());
        }
    }

    private void remember(Path file) {
        recent.remove(file);
        recent.add(0, file);
        while (recent.size() > 10) {
            recent.remove(recent.size() - 1);
        }
        rebuildRecent();
        if (memory != null) {
            memory.rememberRecent(List.copyOf(recent));
        }
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path file : recent) {
            MenuItem item = fileItem(file.getFileName() + "  (" + file.getParent() + ")");
            item.setOnAction(e -> {
                if (confirmReplacingUnsavedChanges()) {
                    openFile(file);
                }
            });
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recent.isEmpty());
    }

    /** A menu item named after a file: its underscores are text, not keyboard mnemonics. */
    static MenuItem fileItem(String text) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(false);
        return item;
    }

    private void rebuildQuick(MenuButton quick) {
        quick.getItems().clear();
        for (Path folder : quickFolders) {
            try {
                for (Path script : ConsoleViewModel.scriptsIn(folder)) {
                    MenuItem item = fileItem(folder.getFileName() + "/" + script.getFileName());
                    item.setOnAction(e -> {
                        if (confirmReplacingUnsavedChanges()) {
                            openFile(script);
                        }
                    });
                    quick.getItems().add(item);
                }
            } catch (IOException e) {
                MenuItem missing = fileItem(folder + ": " + e.getMessage());
                missing.setDisable(true);
                quick.getItems().add(missing);
            }
        }
    }

    /**
     * Where the "Record" dialog finds the app's connected accounts; whoever hosts the console sets it (none by
     * default). Called on the FX thread when the dialog opens.
     */
    public void setAppAccounts(java.util.function.Supplier<List<RecordViewModel.AppAccount>> appAccounts) {
        this.appAccounts = appAccounts;
    }

    /** Builds the "Record" dialog for the app's accounts and those of the script in the editor (not shown yet). */
    public RecordDialog openRecorder() {
        String script = editor.text();
        RecordViewModel.Preparation prepare = () -> { };
        SandboxTarget sandbox = model.sandboxProperty().get();
        if (model.targetProperty().get() == ConsoleViewModel.Target.SANDBOX && sandbox != null) {
            // On the sandbox the script's accounts live on its domain and are created before they connect.
            SandboxPlan plan = SandboxPlan.of(script, sandbox.domain(), sandbox.accounts());
            script = plan.script();
            prepare = () -> {
                for (Map.Entry<String, String> account : plan.toRegister().entrySet()) {
                    sandbox.ensureAccount(account.getKey(), account.getValue());
                }
            };
        }
        RecordViewModel recording = new RecordViewModel(model.tasks(), appAccounts.get(), script,
                new RecordViewModel.Server(model.hostProperty().get().strip(), model.portProperty().get()), prepare);
        return new RecordDialog(recording, window(), this::showScript);
    }

    /**
     * Runs every script of {@code folder}; the breakpoints of each file (those set in the editor, for the file
     * open now and for files opened before) pause the run in whichever script reaches them.
     */
    public void runFolder(Path folder) {
        rememberBreakpoints();
        model.runFolder(folder);
    }

    private void rememberBreakpoints() {
        Path current = model.fileProperty().get();
        if (current != null) {
            model.setBreakpoints(current, editor.breakpoints());
        }
    }

    private void chooseAndRunFolder() {
        // A folder run shows each paused script in the editor.
        if (!confirmReplacingUnsavedChanges()) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Run every script of a folder");
        if (!quickFolders.isEmpty()) {
            chooser.setInitialDirectory(quickFolders.get(0).toFile());
        }
        java.io.File chosen = chooser.showDialog(window());
        if (chosen != null) {
            runFolder(chosen.toPath());
        }
    }

    private void export(String suggested, String content) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the results");
        chooser.setInitialFileName(suggested);
        java.io.File chosen = chooser.showSaveDialog(window());
        if (chosen != null) {
            try {
                Files.writeString(chosen.toPath(), content, StandardCharsets.UTF_8);
            } catch (IOException e) {
                model.diagnostics().add("Cannot write " + chosen + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        model.close();
        keepDraft.stop();
        if (memory != null && modified.get()) {
            // The last keystrokes may not have been kept yet: keep them now, before the thread ends.
            memory.keepDraft(model.fileProperty().get(), editor.text());
        }
        highlighting.shutdown();
        try {
            if (!highlighting.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS)) {
                highlighting.shutdownNow();
            }
        } catch (InterruptedException e) {
            highlighting.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
