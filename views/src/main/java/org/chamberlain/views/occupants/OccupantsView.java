package org.chamberlain.views.occupants;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.chamberlain.app.events.Affiliation;
import org.chamberlain.app.events.Occupant;
import org.chamberlain.views.dialogs.DialogPlacement;
import org.chamberlain.views.occupants.OccupantPermissions.Action;

/**
 * The Occupants tab: the live occupant list with kick / voice / moderator / ban. Actions that are not allowed
 * for the selected person are disabled, and the line under the buttons says why (tooltips do not show on
 * disabled controls).
 */
public final class OccupantsView {
    private final OccupantsViewModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<Occupant> table = new TableView<>();
    private final Map<Action, Button> buttons = new EnumMap<>(Action.class);
    private final Label whyNot = new Label();

    public OccupantsView(OccupantsViewModel model) {
        this.model = model;
        root.setTop(joinBar());
        root.setCenter(table());
        root.setBottom(actions());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> updateActions());
        model.self().addListener((obs, old, now) -> updateActions());
        updateActions();
    }

    public Node node() {
        return root;
    }

    private Node joinBar() {
        Label status = new Label();
        status.textProperty().bind(model.status());
        status.setId("occupants-status");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // One way to join, the join dialog: it asks for nickname and password and words the refusals.
        Button join = new Button("Join\u2026");
        join.setId("occupants-join");
        join.setMinWidth(Region.USE_PREF_SIZE);
        join.setOnAction(e -> model.join());
        HBox joinControls = new HBox(8, join);
        joinControls.setAlignment(Pos.CENTER_RIGHT);
        joinControls.visibleProperty().bind(model.joined().not());
        joinControls.managedProperty().bind(joinControls.visibleProperty());
        HBox bar = new HBox(10, status, spacer, joinControls);
        bar.setAlignment(Pos.CENTER_LEFT);

        TextField subject = new TextField();
        subject.setPromptText("No subject yet");
        subject.setId("occupants-subject");
        model.subject().addListener((obs, old, now) -> subject.setText(now));
        HBox.setHgrow(subject, Priority.ALWAYS);
        Button setSubject = new Button("Set subject");
        setSubject.setMinWidth(Region.USE_PREF_SIZE);
        setSubject.disableProperty().bind(model.joined().not().or(Bindings.createBooleanBinding(
                () -> subject.getText().strip().equals(model.subject().get()), subject.textProperty(),
                model.subject())));
        setSubject.setOnAction(e -> model.changeSubject(subject.getText()));
        subject.setOnAction(e -> setSubject.fire());
        Label subjectLabel = new Label("Subject");
        subjectLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox subjectRow = new HBox(8, subjectLabel, subject, setSubject);
        subjectRow.setAlignment(Pos.CENTER_LEFT);
        subjectRow.visibleProperty().bind(model.joined());
        subjectRow.managedProperty().bind(subjectRow.visibleProperty());
        VBox box = new VBox(8, bar, subjectRow);
        box.setPadding(new Insets(10, 16, 10, 16));
        return box;
    }

    private Node table() {
        table.setId("occupants-table");
        table.setItems(model.occupants());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Nickname", 180, Occupant::nickname),
                column("Role", 110, o -> o.role().xmppName()),
                column("Affiliation", 110, o -> o.affiliation() == Affiliation.NONE ? "—"
                        : o.affiliation().name().toLowerCase(java.util.Locale.ROOT)),
                column("Address (when visible)", 300, o -> o.realJid().orElse("hidden"))));
        Label empty = new Label("Nobody here, or you have not joined.");
        empty.getStyleClass().add("placeholder-text");
        table.setPlaceholder(empty);
        return table;
    }

    private static TableColumn<Occupant, String> column(String title, double width,
            java.util.function.Function<Occupant, String> value) {
        TableColumn<Occupant, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> Bindings.createStringBinding(() -> value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private Node actions() {
        List<Node> row = new ArrayList<>();
        for (Action action : Action.values()) {
            Button button = new Button(label(action, null));
            button.setId("occupant-" + action.name().toLowerCase(java.util.Locale.ROOT));
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.setOnAction(e -> {
                Occupant target = table.getSelectionModel().getSelectedItem();
                if (target != null) {
                    askReasonAndAct(action, target);
                }
            });
            if (action == Action.KICK || action == Action.BAN) {
                button.getStyleClass().add("danger");
            }
            buttons.put(action, button);
            row.add(button);
        }
        whyNot.getStyleClass().add("help-text");
        whyNot.setWrapText(true);
        whyNot.setId("occupants-why-not");
        HBox buttonRow = new HBox(8);
        buttonRow.getChildren().addAll(row);
        VBox box = new VBox(6, buttonRow, whyNot);
        box.setPadding(new Insets(8, 16, 10, 16));
        box.getStyleClass().add("action-bar");
        return box;
    }

    private static String label(Action action, Occupant target) {
        switch (action) {
            case KICK:
                return "Kick…";
            case VOICE:
                return target != null && target.role() == org.chamberlain.app.events.Role.VISITOR
                        ? "Give voice…" : "Take voice…";
            case MODERATOR:
                return target != null && target.role() == org.chamberlain.app.events.Role.MODERATOR
                        ? "Remove moderator…" : "Make moderator…";
            case BAN:
                return "Ban…";
            default:
                return action.name();
        }
    }

    private void updateActions() {
        Occupant target = table.getSelectionModel().getSelectedItem();
        List<String> reasons = new ArrayList<>();
        for (Map.Entry<Action, Button> entry : buttons.entrySet()) {
            Button button = entry.getValue();
            button.setText(label(entry.getKey(), target));
            if (target == null) {
                button.setDisable(true);
                continue;
            }
            Optional<String> why = model.whyNot(entry.getKey(), target);
            button.setDisable(why.isPresent());
            why.ifPresent(w -> reasons.add(button.getText().replace("…", "") + ": " + w));
        }
        whyNot.setText(target == null ? "Select someone to moderate." : String.join("   ", reasons));
    }

    private void askReasonAndAct(Action action, Occupant target) {
        TextInputDialog dialog = new TextInputDialog();
        DialogPlacement.ownedBy(dialog, root.getScene().getWindow());
        dialog.setTitle(label(action, target).replace("…", ""));
        dialog.setHeaderText(label(action, target).replace("…", "") + " " + target.nickname() + " in "
                + model.room());
        dialog.setContentText("Reason (optional, they will see it):");
        dialog.getEditor().setPrefColumnCount(30);
        dialog.showAndWait().ifPresent(reason -> model.act(action, target, reason));
    }
}
