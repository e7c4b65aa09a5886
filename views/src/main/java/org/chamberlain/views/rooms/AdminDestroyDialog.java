package org.chamberlain.views.rooms;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.chamberlain.views.dialogs.DialogPlacement;

/**
 * "Destroy rooms (server admin)" for one MUC service: check the rooms, press Destroy, read the list of what
 * will go, press Destroy again; the dialog stays open with the result of each room. Built and shown on the UI
 * thread.
 */
public final class AdminDestroyDialog {

    private AdminDestroyDialog() {
    }

    /** A dialog not shown yet; {@code onDestroyed} gets the rooms the service destroyed (UI thread). */
    public static Dialog<Void> create(Window owner, AdminDestroyViewModel model, Consumer<List<String>> onDestroyed) {
        Dialog<Void> dialog = new Dialog<>();
        DialogPlacement.ownedBy(dialog, owner);
        dialog.setTitle("Destroy rooms");
        dialog.setHeaderText("Destroy rooms on " + model.service() + " (server administrator)");
        dialog.getDialogPane().setId("admin-destroy-dialog");
        ButtonType destroy = new ButtonType("Destroy\u2026", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CLOSE, destroy);

        Label intro = new Label("As an administrator of the server you may destroy any room on this service, "
                + "whether or not you own it. Occupants are removed without a reason: the server's command "
                + "takes none.");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);

        ListView<AdminDestroyViewModel.Choice> list = new ListView<>(model.choices());
        list.setId("admin-destroy-rooms");
        list.setPrefHeight(220);
        list.setCellFactory(v -> new ChoiceCell(model));
        list.setPlaceholder(new Label("No rooms listed yet."));
        Button all = new Button("Select all");
        all.setOnAction(e -> model.selectAll(true));
        Button none = new Button("Select none");
        none.setOnAction(e -> model.selectAll(false));
        all.disableProperty().bind(model.busy().or(model.finished()));
        none.disableProperty().bind(all.disableProperty());
        Label selected = new Label();
        selected.textProperty().bind(Bindings.createStringBinding(() -> model.selectedRooms().size() + " of "
                + model.choices().size() + " selected", model.choices()));
        HBox selection = new HBox(8, all, none, selected);
        selection.setAlignment(Pos.CENTER_LEFT);

        TextField reason = new TextField();
        reason.setId("admin-destroy-reason");
        reason.setPromptText("Why (kept in Chamberlain's audit log only)");
        reason.textProperty().bindBidirectional(model.reason());
        reason.disableProperty().bind(model.finished());
        Label reasonLabel = new Label("Reason");
        reasonLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox reasonRow = new HBox(12, reasonLabel, reason);
        reasonRow.setAlignment(Pos.CENTER_LEFT);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busy());
        progress.managedProperty().bind(model.busy());
        Label status = new Label();
        status.setId("admin-destroy-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.status());
        status.styleProperty().bind(Bindings.when(model.confirming()).then("-fx-font-weight: bold;").otherwise(""));
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox statusRow = new HBox(8, progress, status);
        statusRow.setAlignment(Pos.TOP_LEFT);

        VBox content = new VBox(10, intro, list, selection, reasonRow, statusRow);
        content.setPadding(new Insets(8, 4, 4, 4));
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);

        Button destroyButton = (Button) dialog.getDialogPane().lookupButton(destroy);
        destroyButton.setId("admin-destroy-button");
        destroyButton.getStyleClass().add("danger");
        // The label grows to "Destroy 12 rooms"; in the uniform sizing the button bar keeps the width of the first
        // label and cuts the longer one to "Destro…".
        ButtonBar.setButtonUniformSize(destroyButton, false);
        destroyButton.setMinWidth(Region.USE_PREF_SIZE);
        destroyButton.disableProperty().bind(model.canDestroy().not());
        destroyButton.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = model.selectedRooms().size();
            return model.confirming().get() ? "Destroy " + n + (n == 1 ? " room" : " rooms") : "Destroy\u2026";
        }, model.confirming(), model.choices()));
        // The dialog stays open: the first press lists the rooms, the second destroys them and shows results.
        destroyButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            model.destroyPressed(onDestroyed);
        });
        dialog.setResultConverter(button -> null);
        return dialog;
    }

    /** A room with its check box, and its result after the run. */
    private static final class ChoiceCell extends ListCell<AdminDestroyViewModel.Choice> {
        private final CheckBox box = new CheckBox();
        private final Label result = new Label();
        private final HBox row;
        private AdminDestroyViewModel.Choice bound;

        ChoiceCell(AdminDestroyViewModel model) {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            row = new HBox(8, box, spacer, result);
            row.setAlignment(Pos.CENTER_LEFT);
            box.disableProperty().bind(model.busy().or(model.finished()));
        }

        @Override
        protected void updateItem(AdminDestroyViewModel.Choice item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                box.selectedProperty().unbindBidirectional(bound.selected());
                result.textProperty().unbind();
                result.getStyleClass().removeAll("admin-result-ok", "admin-result-failed");
                bound = null;
            }
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            bound = item;
            box.setText(item.room());
            box.setMnemonicParsing(false);
            box.selectedProperty().bindBidirectional(item.selected());
            result.textProperty().bind(item.result());
            AdminDestroyViewModel.Outcome outcome = item.outcome().get();
            if (outcome == AdminDestroyViewModel.Outcome.DESTROYED) {
                result.getStyleClass().add("admin-result-ok");
            } else if (outcome == AdminDestroyViewModel.Outcome.NOT_DESTROYED) {
                result.getStyleClass().add("admin-result-failed");
            }
            setText(null);
            setGraphic(row);
        }
    }
}
