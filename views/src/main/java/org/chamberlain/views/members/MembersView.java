package org.chamberlain.views.members;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.chamberlain.app.affiliations.Affiliation;
import org.chamberlain.app.affiliations.ItemResult;
import org.chamberlain.views.dialogs.DialogPlacement;
import org.chamberlain.views.errors.UserMessages;

/**
 * The Members tab: the four affiliation lists in one table with pending changes highlighted (green added,
 * red removed, amber moved), an add box that takes many JIDs at once, per-row actions, CSV import/export,
 * the last-owner guard and self-demotion confirmation, and Apply with per-item results.
 */
public final class MembersView {
    private static final PseudoClass PENDING_ADD = PseudoClass.getPseudoClass("pending-add");
    private static final PseudoClass PENDING_REMOVE = PseudoClass.getPseudoClass("pending-remove");
    private static final PseudoClass PENDING_CHANGE = PseudoClass.getPseudoClass("pending-change");
    private static final PseudoClass ROW_PROBLEM = PseudoClass.getPseudoClass("row-problem");
    private static final PseudoClass RESULT_APPLIED = PseudoClass.getPseudoClass("result-applied");
    private static final PseudoClass RESULT_FAILED = PseudoClass.getPseudoClass("result-failed");
    private final MembersViewModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<MemberRow> table = new TableView<>();
    private final TextField reason = new TextField();

    public MembersView(MembersViewModel model) {
        this.model = model;
        VBox top = new VBox(8, toolbar(), addBox());
        top.setPadding(new Insets(12, 16, 8, 16));
        root.setTop(top);
        root.setCenter(table());
        root.setBottom(footer());
        root.getStyleClass().add("members-view");
    }

    public Node node() {
        return root;
    }

    private Node toolbar() {
        TextField filter = new TextField();
        filter.setPromptText("Filter addresses and nicknames");
        filter.textProperty().bindBidirectional(model.filter());
        filter.setPrefWidth(250);
        filter.setMinWidth(160);
        filter.setId("members-filter");
        ComboBox<Affiliation> list = new ComboBox<>();
        list.getItems().add(null);
        list.getItems().addAll(Affiliation.LISTS);
        list.setConverter(listNames("All four lists"));
        list.valueProperty().bindBidirectional(model.listFilter());
        list.setValue(null);
        list.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button reload = new Button("Reload");
        reload.setTooltip(new Tooltip("Fetch the lists from the server again (drops pending changes)"));
        reload.disableProperty().bind(model.busy());
        reload.setOnAction(e -> model.load());
        Button importCsv = new Button("Import CSV…");
        importCsv.setTooltip(new Tooltip("Read jid,affiliation,reason rows as pending changes to review"));
        importCsv.disableProperty().bind(model.busy().or(model.loaded().not()));
        importCsv.setOnAction(e -> importCsv());
        Button exportCsv = new Button("Export CSV…");
        exportCsv.disableProperty().bind(model.loaded().not());
        exportCsv.setOnAction(e -> exportCsv());
        keepWidth(reload, importCsv, exportCsv);
        HBox bar = new HBox(8, filter, list, spacer, reload, importCsv, exportCsv);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node addBox() {
        TextArea jids = new TextArea();
        jids.setPromptText("Add addresses: one or many, separated by spaces, commas or lines (paste a list)");
        jids.setPrefRowCount(2);
        jids.setWrapText(true);
        jids.setId("members-add-jids");
        HBox.setHgrow(jids, Priority.ALWAYS);
        ComboBox<Affiliation> list = new ComboBox<>();
        list.getItems().addAll(Affiliation.LISTS);
        list.setConverter(listNames(""));
        list.setValue(Affiliation.MEMBER);
        list.setId("members-add-list");
        reason.setPromptText("Reason (optional)");
        reason.setTooltip(new Tooltip("Sent to the server with the changes you make next"));
        reason.setPrefWidth(240);
        reason.setId("members-reason");
        Button add = new Button("Add");
        add.setId("members-add");
        add.disableProperty().bind(Bindings.createBooleanBinding(() -> jids.getText().isBlank(),
                jids.textProperty()).or(model.loaded().not()));
        add.setOnAction(e -> {
            model.addAll(jids.getText(), list.getValue(), reason.getText());
            jids.clear();
        });
        jids.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown() && !add.isDisabled()) {
                add.fire();
                e.consume();
            }
        });
        keepWidth(add);
        list.setMinWidth(Region.USE_PREF_SIZE);
        list.setMaxWidth(Double.MAX_VALUE);
        VBox options = new VBox(6, list, reason);
        HBox box = new HBox(8, jids, options, add);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Buttons keep their full text; the text fields give way instead. */
    private static void keepWidth(Button... buttons) {
        for (Button button : buttons) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    private static StringConverter<Affiliation> listNames(String nullText) {
        return new StringConverter<>() {
            @Override
            public String toString(Affiliation a) {
                if (a == null) {
                    return nullText;
                }
                String name = a.listName();
                return Character.toUpperCase(name.charAt(0)) + name.substring(1);
            }

            @Override
            public Affiliation fromString(String s) {
                return null;
            }
        };
    }

    private Node table() {
        table.setId("members-table");
        table.setItems(model.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<MemberRow, String> jid = new TableColumn<>("Address");
        jid.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().jid()));
        jid.setPrefWidth(260);
        TableColumn<MemberRow, String> list = new TableColumn<>("List");
        list.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().current() == Affiliation.NONE
                ? "—" : c.getValue().current().listName()));
        list.setPrefWidth(90);
        TableColumn<MemberRow, String> nick = new TableColumn<>("Nickname");
        nick.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().nick().orElse("")));
        nick.setPrefWidth(110);
        TableColumn<MemberRow, String> pending = new TableColumn<>("Pending change");
        // The change, then what became of it while Apply runs ("sending…", "✓ applied", "✗ refused: …"); each
        // cell watches only its own row's result, so a chunk of results re-draws only the rows it concerns.
        pending.setCellValueFactory(c -> Bindings.createStringBinding(() -> {
            String change = c.getValue().pendingText();
            String result = model.resultText(c.getValue());
            return result.isEmpty() ? change : change.isEmpty() ? result : change + "  \u00b7  " + result;
        }, model.resultOf(c.getValue().jid()), model.busy()));
        pending.setPrefWidth(170);
        TableColumn<MemberRow, String> why = new TableColumn<>("Reason / problem");
        why.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().problem()
                .orElse(c.getValue().reason().orElse(""))));
        why.setPrefWidth(260);
        table.getColumns().setAll(List.of(jid, list, nick, pending, why));
        Label empty = new Label("No entries. Add addresses above, or Reload.");
        empty.getStyleClass().add("placeholder-text");
        table.setPlaceholder(empty);
        table.setRowFactory(v -> new MemberTableRow());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                selected().forEach(r -> model.remove(r.jid(), reason.getText()));
            }
        });
        return table;
    }

    private List<MemberRow> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    /** Highlights pending changes and problems; offers the row actions. */
    private final class MemberTableRow extends TableRow<MemberRow> {
        MemberTableRow() {
            ContextMenu menu = new ContextMenu();
            Map<Affiliation, MenuItem> moves = new EnumMap<>(Affiliation.class);
            for (Affiliation target : Affiliation.LISTS) {
                MenuItem move = new MenuItem("Move to " + target.listName());
                move.setOnAction(e -> selected().forEach(r -> model.move(r.jid(), target, reason.getText())));
                menu.getItems().add(move);
                moves.put(target, move);
            }
            MenuItem remove = new MenuItem("Remove from its list");
            remove.setOnAction(e -> selected().forEach(r -> model.remove(r.jid(), reason.getText())));
            MenuItem withdraw = new MenuItem("Undo the pending change");
            withdraw.setOnAction(e -> selected().forEach(r -> model.withdraw(r.jid())));
            menu.getItems().addAll(new SeparatorMenuItem(), remove, withdraw);
            // Only what would change something for the selected rows (a pending "add to members" row is not
            // offered "Move to members").
            menu.setOnShowing(e -> {
                List<MemberRow> rows = selected();
                moves.forEach((target, item) -> item.setDisable(rows.stream().allMatch(r -> r.pending() == target)));
                remove.setDisable(rows.stream().allMatch(r -> r.pending() == Affiliation.NONE));
                withdraw.setDisable(rows.stream().allMatch(r -> r.status() == MemberRow.Status.UNCHANGED));
            });
            contextMenuProperty().bind(Bindings.when(emptyProperty()).then((ContextMenu) null).otherwise(menu));
        }

        /**
         * Pseudo-classes, not style classes: changing a style class makes JavaFX look up the row's and all its
         * cells' styles again, which after Apply (1,000 rows changing state) stalled the UI thread; a
         * pseudo-class only switches between styles already found.
         */
        @Override
        protected void updateItem(MemberRow row, boolean empty) {
            super.updateItem(row, empty);
            MemberRow.Status status = empty || row == null ? MemberRow.Status.UNCHANGED : row.status();
            pseudoClassStateChanged(PENDING_ADD, status == MemberRow.Status.ADDED);
            pseudoClassStateChanged(PENDING_REMOVE, status == MemberRow.Status.REMOVED);
            pseudoClassStateChanged(PENDING_CHANGE, status == MemberRow.Status.MOVED);
            String problem = empty || row == null ? null : row.problem().orElse(null);
            pseudoClassStateChanged(ROW_PROBLEM, problem != null);
            if (problem == null) {
                if (getTooltip() != null) {
                    setTooltip(null);
                }
            } else if (getTooltip() == null || !problem.equals(getTooltip().getText())) {
                setTooltip(new Tooltip(problem));
            }
        }
    }

    private Node footer() {
        Label setProblems = new Label();
        setProblems.getStyleClass().add("form-problem");
        setProblems.setWrapText(true);
        setProblems.setId("members-set-problems");
        CheckBox confirmSelf = new CheckBox("Yes, lower my own affiliation");
        confirmSelf.selectedProperty().bindBidirectional(model.selfDemotionConfirmed());
        Runnable updateProblems = () -> {
            List<String> sentences = new ArrayList<>();
            model.setProblems().forEach(p -> sentences.add(p.message()));
            model.rowProblemsSummary().ifPresent(sentences::add);
            setProblems.setText(String.join(" ", sentences));
            setProblems.setVisible(!sentences.isEmpty());
            setProblems.setManaged(!sentences.isEmpty());
            boolean askSelf = model.needsSelfDemotionConfirmation() || model.selfDemotionConfirmed().get();
            confirmSelf.setVisible(askSelf);
            confirmSelf.setManaged(askSelf);
        };
        model.problems().addListener((obs, old, now) -> updateProblems.run());
        updateProblems.run();

        Label status = new Label();
        status.textProperty().bind(model.status());
        status.setWrapText(true);
        status.setId("members-status");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button preview = new Button("Preview…");
        preview.disableProperty().bind(model.hasPending().not());
        preview.setOnAction(e -> showPreview());
        Button revert = new Button("Revert");
        revert.setId("members-revert");
        revert.disableProperty().bind(model.hasPending().not().or(model.busy()));
        revert.setOnAction(e -> model.revert());
        Button apply = new Button("Apply");
        apply.setId("members-apply");
        apply.getStyleClass().add("accent");
        apply.disableProperty().bind(model.canApply().not());
        apply.setOnAction(e -> model.apply());
        Label counts = new Label();
        counts.textProperty().bind(model.counts());
        counts.getStyleClass().add("help-text");
        counts.setMinWidth(Region.USE_PREF_SIZE);
        keepWidth(preview, revert, apply);
        HBox actions = new HBox(10, counts, status, spacer, confirmSelf, preview, revert, apply);
        actions.setAlignment(Pos.CENTER_LEFT);

        ListView<ItemResult> results = new ListView<>(model.lastResults());
        results.setId("members-results");
        results.setPrefHeight(90);
        results.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ItemResult item, boolean empty) {
                super.updateItem(item, empty);
                boolean shown = !empty && item != null;
                pseudoClassStateChanged(RESULT_APPLIED, shown && item.outcome() == ItemResult.Outcome.APPLIED);
                pseudoClassStateChanged(RESULT_FAILED, shown && item.outcome() != ItemResult.Outcome.APPLIED);
                setText(shown ? item.describe() : null);
            }
        });
        results.visibleProperty().bind(Bindings.isNotEmpty(model.lastResults()));
        results.managedProperty().bind(results.visibleProperty());

        VBox footer = new VBox(6, setProblems, results, actions);
        footer.setPadding(new Insets(8, 16, 10, 16));
        footer.getStyleClass().add("action-bar");
        return footer;
    }

    private void showPreview() {
        ListView<String> lines = new ListView<>();
        lines.getItems().setAll(model.preview());
        lines.setPrefSize(560, 300);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        DialogPlacement.ownedBy(alert, root.getScene().getWindow());
        alert.setTitle("Pending changes");
        alert.setHeaderText(model.preview().size() + " pending changes to " + model.room()
                + ", in the order they will be sent");
        alert.getDialogPane().setContent(lines);
        alert.show();
    }

    private void importCsv() {
        FileChooser chooser = csvChooser("Import members (CSV)");
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            try {
                model.importCsv(file.toPath());
            } catch (IOException e) {
                fileError("Could not read " + file, e);
            }
        }
    }

    private void exportCsv() {
        FileChooser chooser = csvChooser("Export members (CSV)");
        chooser.setInitialFileName(model.room().replace('@', '_') + "-members.csv");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            try {
                model.exportCsv(file.toPath());
            } catch (IOException e) {
                fileError("Could not write " + file, e);
            }
        }
    }

    private static FileChooser csvChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        return chooser;
    }

    private void fileError(String header, IOException e) {
        org.chamberlain.views.errors.UncaughtErrorHandler.errorAlert(root.getScene().getWindow(), header,
                UserMessages.sentence(e), UserMessages.details(e)).show();
    }
}
