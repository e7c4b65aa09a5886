package org.chamberlain.views.rooms;

import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.chamberlain.app.connections.Addresses;
import org.chamberlain.views.dialogs.DialogPlacement;

/** The dialogs that collect input for {@link RoomCommands}; they validate as the person types. */
public final class RoomDialogs {

    private RoomDialogs() {
    }

    /**
     * What the create dialog collected.
     *
     * @param configureNow create the room locked and show its configuration form first (XEP-0045 §10.1.3)
     *     instead of an instant room with the service's defaults
     */
    public record CreateRequest(String room, String nickname, boolean configureNow) {
    }

    public static Optional<CreateRequest> create(Window owner, String service, String defaultNick) {
        return createDialog(owner, service, defaultNick).showAndWait();
    }

    /** The create dialog, not shown yet: name, service, nickname, and instant or "configure now". */
    public static Dialog<CreateRequest> createDialog(Window owner, String service, String defaultNick) {
        Dialog<CreateRequest> dialog = dialog(owner, "Create room", "Create a room on " + service);
        dialog.getDialogPane().setId("create-dialog");
        ButtonType create = new ButtonType("Create", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        TextField name = new TextField();
        name.setPromptText("e.g. team");
        name.setId("create-room-name");
        TextField serviceField = new TextField(service);
        serviceField.setId("create-room-service");
        TextField nick = new TextField(defaultNick);
        nick.setId("create-room-nickname");
        Label problem = problemLabel();
        problem.textProperty().bind(Bindings.createStringBinding(
                () -> RoomCommands.problemWithName(name.getText()).orElse(""), name.textProperty()));
        ToggleGroup mode = new ToggleGroup();
        RadioButton instant = new RadioButton("Instant: open at once with the server's default settings");
        instant.setId("create-instant");
        instant.setToggleGroup(mode);
        instant.setSelected(true);
        RadioButton configureNow = new RadioButton("Configure now: locked until you save its settings");
        configureNow.setId("create-configure-now");
        configureNow.setToggleGroup(mode);
        Label note = new Label("An instant room can be changed later in its Configuration tab. With Configure now "
                + "that tab opens first: nobody else can enter until you press Create room there, and Cancel "
                + "creation destroys the room.");
        note.setWrapText(true);
        note.setPrefWidth(420);
        note.setMinHeight(Label.USE_PREF_SIZE);
        note.getStyleClass().add("help-text");
        GridPane grid = grid();
        grid.addRow(0, fieldLabel("Name"), name);
        grid.addRow(1, fieldLabel("Service"), serviceField);
        grid.addRow(2, fieldLabel("Your nickname"), nick);
        grid.add(problem, 1, 3);
        grid.addRow(4, fieldLabel("Settings"), instant);
        grid.add(configureNow, 1, 5);
        grid.add(note, 1, 6);
        dialog.getDialogPane().setContent(grid);
        Node button = dialog.getDialogPane().lookupButton(create);
        button.setId("create-button");
        button.disableProperty().bind(Bindings.createBooleanBinding(
                () -> RoomCommands.problemWithName(name.getText()).isPresent() || nick.getText().isBlank()
                        || serviceField.getText().isBlank(), name.textProperty(), nick.textProperty(),
                serviceField.textProperty()));
        Platform.runLater(name::requestFocus);
        dialog.setResultConverter(b -> b == create ? new CreateRequest(name.getText().strip().toLowerCase(
                java.util.Locale.ROOT) + "@" + serviceField.getText().strip(), nick.getText().strip(),
                configureNow.isSelected()) : null);
        return dialog;
    }

    /** What the invite dialog collected. */
    public record InviteRequest(String invitees, boolean direct, String reason) {
    }

    public static Optional<InviteRequest> invite(Window owner, String room) {
        return inviteDialog(owner, room).showAndWait();
    }

    public static Dialog<InviteRequest> inviteDialog(Window owner, String room) {
        Dialog<InviteRequest> dialog = dialog(owner, "Invite", "Invite people to " + room);
        ButtonType send = new ButtonType("Send invitations", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(send, ButtonType.CANCEL);
        TextArea invitees = new TextArea();
        invitees.setPromptText("Addresses, separated by spaces, commas or lines");
        invitees.setPrefRowCount(3);
        invitees.setPrefColumnCount(30);
        invitees.setId("invite-jids");
        TextField reason = new TextField();
        reason.setPromptText("Optional message");
        reason.setId("invite-reason");
        CheckBox direct = new CheckBox("Send directly (XEP-0249) instead of through the room");
        Label note = new Label("In a members-only room, people you invite become members first.");
        note.getStyleClass().add("help-text");
        note.setWrapText(true);
        GridPane grid = grid();
        grid.addRow(0, fieldLabel("Invite"), invitees);
        grid.addRow(1, fieldLabel("Message"), reason);
        grid.add(direct, 1, 2);
        grid.add(note, 1, 3);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().lookupButton(send).disableProperty().bind(Bindings.createBooleanBinding(
                () -> invitees.getText().isBlank(), invitees.textProperty()));
        Platform.runLater(invitees::requestFocus);
        dialog.setResultConverter(b -> b == send ? new InviteRequest(invitees.getText(), direct.isSelected(),
                reason.getText()) : null);
        return dialog;
    }

    /** What the destroy dialog collected. */
    public record DestroyRequest(String reason, String alternateVenue) {
    }

    /** Asks for a reason and an alternate venue, and enables Destroy only once the room's name is typed. */
    public static Dialog<DestroyRequest> destroyDialog(Window owner, String room) {
        String name = Addresses.localpart(room);
        Dialog<DestroyRequest> dialog = dialog(owner, "Destroy room", "Destroy " + room + "?");
        ButtonType destroy = new ButtonType("Destroy", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, destroy);
        Label warning = new Label("Everyone in the room is removed and told the reason. The configuration, "
                + "member lists and history on the server are deleted. This cannot be undone.");
        warning.setWrapText(true);
        warning.setMaxWidth(460);
        // Without it the grid gives the label one line and cuts the warning to "The …".
        warning.setMinHeight(Label.USE_PREF_SIZE);
        warning.setPrefWidth(460);
        TextField reason = new TextField();
        reason.setPromptText("Told to everyone in the room");
        reason.setId("destroy-reason");
        TextField venue = new TextField();
        venue.setPromptText("Optional: where people should go instead (room address)");
        TextField confirm = new TextField();
        confirm.setPromptText(name);
        confirm.setId("destroy-confirm");
        GridPane grid = grid();
        grid.add(warning, 0, 0, 2, 1);
        grid.addRow(1, fieldLabel("Reason"), reason);
        grid.addRow(2, fieldLabel("Moved to"), venue);
        grid.addRow(3, fieldLabel("Type \u201c" + name + "\u201d"), confirm);
        dialog.getDialogPane().setContent(grid);
        Node button = dialog.getDialogPane().lookupButton(destroy);
        button.getStyleClass().add("danger");
        button.setId("destroy-button");
        button.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !RoomCommands.confirms(room, confirm.getText()), confirm.textProperty()));
        Platform.runLater(reason::requestFocus);
        dialog.setResultConverter(b -> b == destroy ? new DestroyRequest(reason.getText(), venue.getText()) : null);
        return dialog;
    }

    private static <T> Dialog<T> dialog(Window owner, String title, String header) {
        Dialog<T> dialog = new Dialog<>();
        DialogPlacement.ownedBy(dialog, owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        return dialog;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(8, 4, 4, 4));
        return grid;
    }

    private static Label problemLabel() {
        Label label = new Label();
        label.getStyleClass().add("form-problem");
        return label;
    }

    /** A label beside a field; never shortened to "…". */
    private static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }
}
