package org.chamberlain.views.rooms;

import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.chamberlain.app.rooms.JoinedRoom;
import org.chamberlain.views.dialogs.DialogPlacement;

/**
 * The join dialog: room address, nickname, password. Pressing Join keeps the dialog open until the room has
 * let us in; a refusal appears in the dialog in plain words, the inputs stay, and the focus goes to the field
 * to fix. Its result is the room we joined (none when cancelled). Built and shown on the UI thread.
 */
public final class JoinDialog {

    private JoinDialog() {
    }

    /** A dialog not shown yet; call {@code show()} or {@code showAndWait()}. */
    public static Dialog<JoinedRoom> create(Window owner, JoinViewModel model) {
        Dialog<JoinedRoom> dialog = new Dialog<>();
        DialogPlacement.ownedBy(dialog, owner);
        dialog.setTitle("Join room");
        dialog.setHeaderText("Join a room");
        ButtonType join = new ButtonType("Join", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(join, ButtonType.CANCEL);
        dialog.getDialogPane().setId("join-dialog");

        TextField room = new TextField();
        room.setId("join-room");
        room.setPromptText("room@conference.example.org");
        room.setPrefColumnCount(28);
        room.textProperty().bindBidirectional(model.room());
        TextField nick = new TextField();
        nick.setId("join-nickname");
        nick.textProperty().bindBidirectional(model.nickname());
        PasswordField password = new PasswordField();
        password.setId("join-password");
        password.textProperty().bindBidirectional(model.password());
        password.promptTextProperty().bind(Bindings.when(model.passwordProtected())
                .then("Required by this room").otherwise("Only if the room has one"));

        Label note = new Label();
        note.setId("join-room-note");
        note.setWrapText(true);
        note.getStyleClass().add("help-text");
        note.textProperty().bind(model.roomNote());
        // Space is kept for the note and the problem: a dialog window does not grow when its content does.
        note.setMinHeight(Region.USE_PREF_SIZE);

        Label problem = new Label();
        problem.setId("join-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("form-problem");
        problem.textProperty().bind(Bindings.createStringBinding(
                () -> model.problem().get().map(JoinViewModel.Problem::text).orElse(""), model.problem()));
        problem.setMinHeight(44);
        problem.setPrefWidth(460);
        problem.setAlignment(javafx.geometry.Pos.TOP_LEFT);

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busy());
        Label progressText = new Label("Joining\u2026");
        progressText.visibleProperty().bind(model.busy());
        HBox busy = new HBox(8, progress, progressText);
        busy.setMinHeight(20);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(8, 4, 4, 4));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Label.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.addRow(0, new Label("Room"), room);
        grid.add(note, 1, 1);
        grid.addRow(2, new Label("Nickname"), nick);
        grid.addRow(3, new Label("Password"), password);
        grid.add(problem, 0, 4, 2, 1);
        grid.add(busy, 0, 5, 2, 1);
        grid.setPrefWidth(520);
        dialog.getDialogPane().setContent(grid);

        Node joinButton = dialog.getDialogPane().lookupButton(join);
        joinButton.setId("join-button");
        joinButton.disableProperty().bind(model.canJoin().not());
        // Join talks to the server first; the dialog closes only once the room has let us in.
        joinButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            // Setting the result closes the dialog (a following close() would report "hidden" a second time).
            model.join(dialog::setResult);
        });
        model.problem().addListener((obs, old, now) -> now.flatMap(JoinViewModel.Problem::field).ifPresent(f -> {
            TextField target = f == JoinViewModel.Field.ROOM ? room
                    : f == JoinViewModel.Field.NICKNAME ? nick : password;
            target.requestFocus();
            target.selectAll();
        }));
        // A longer note or problem than the reserved lines: let the window grow rather than cut the text.
        model.problem().addListener((obs, old, now) -> fitWindow(dialog));
        model.roomNote().addListener((obs, old, now) -> fitWindow(dialog));
        // Ask the room about itself when the address is complete: on leaving the field, and at once when given.
        room.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                model.lookUpRoom();
            }
        });
        dialog.setResultConverter(button -> null);
        if (model.roomJid().isPresent() && !model.room().get().startsWith("@")) {
            model.lookUpRoom();
            Platform.runLater(nick::requestFocus);
        } else {
            Platform.runLater(() -> {
                room.requestFocus();
                room.positionCaret(0);
            });
        }
        return dialog;
    }

    private static void fitWindow(Dialog<?> dialog) {
        Platform.runLater(() -> {
            if (dialog.isShowing() && dialog.getDialogPane().getScene() != null) {
                javafx.stage.Window window = dialog.getDialogPane().getScene().getWindow();
                double needed = dialog.getDialogPane().prefHeight(dialog.getDialogPane().getWidth());
                if (needed > dialog.getDialogPane().getHeight() + 1) {
                    window.sizeToScene();
                }
            }
        });
    }

    /** The prefilled address: the room itself, or "@service" to type a name in front of. */
    public static String prefill(Optional<String> room, Optional<String> service) {
        return room.orElse(service.map(s -> "@" + s).orElse(""));
    }
}
