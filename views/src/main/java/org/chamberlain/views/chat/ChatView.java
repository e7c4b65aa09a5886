package org.chamberlain.views.chat;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.chamberlain.views.dialogs.DialogPlacement;

/**
 * The Chat tab: the subject with a Change… action on top, the messages (a virtualized list that follows new
 * messages only while it is scrolled to the bottom), and the input (Enter sends, Shift+Enter starts a new
 * line) which is disabled with the reason shown when sending is not possible. UI thread only.
 */
public final class ChatView {
    /** Room left for the cell's padding and the list's scroll bar when bodies wrap. */
    private static final double CELL_CHROME = 48;

    private final ChatViewModel model;
    private final BorderPane root = new BorderPane();
    private final ListView<ChatLine> list = new ListView<>();
    /** Whether the list showed its last line at the last layout; new lines are followed only then. */
    private boolean atBottom = true;

    public ChatView(ChatViewModel model) {
        this.model = model;
        root.getStyleClass().add("chat");
        root.setTop(subjectBar());
        root.setCenter(messages());
        root.setBottom(input());
        BorderPane.setMargin(list, new Insets(8, 0, 8, 0));
        root.setPadding(new Insets(10));
    }

    public Node node() {
        return root;
    }

    private Node subjectBar() {
        Label title = new Label("Subject");
        title.getStyleClass().add("chat-subject-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label subject = new Label();
        subject.setId("chat-subject");
        subject.getStyleClass().add("chat-subject");
        subject.textProperty().bind(Bindings.createStringBinding(
                () -> model.subject().get().isEmpty() ? "(no subject)" : model.subject().get(), model.subject()));
        subject.setMaxWidth(Double.MAX_VALUE);
        Tooltip full = new Tooltip();
        full.textProperty().bind(subject.textProperty());
        full.setWrapText(true);
        full.setMaxWidth(600);
        subject.setTooltip(full);
        HBox.setHgrow(subject, Priority.ALWAYS);
        Button change = new Button("Change…");
        change.setId("chat-change-subject");
        change.setMinWidth(Region.USE_PREF_SIZE);
        change.disableProperty().bind(model.joined().not());
        change.setOnAction(e -> askForSubject().ifPresent(model::changeSubject));
        HBox bar = new HBox(10, title, subject, change);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Optional<String> askForSubject() {
        TextInputDialog dialog = new TextInputDialog(model.subject().get());
        dialog.setTitle("Change the subject");
        dialog.setHeaderText("New subject of " + model.room());
        dialog.setContentText("Subject:");
        dialog.getEditor().setPrefColumnCount(40);
        dialog.getEditor().setId("chat-subject-input");
        if (root.getScene() != null) {
            DialogPlacement.ownedBy(dialog, root.getScene().getWindow());
        }
        return dialog.showAndWait();
    }

    private Node messages() {
        list.setId("chat-messages");
        list.getStyleClass().add("chat-messages");
        list.setItems(model.lines());
        list.setFocusTraversable(false);
        list.setPlaceholder(new Label("No messages yet."));
        list.setCellFactory(view -> new MessageCell());
        model.lines().addListener((ListChangeListener<ChatLine>) change -> {
            boolean added = false;
            while (change.next()) {
                added |= change.wasAdded();
            }
            if (added && atBottom) {
                list.scrollTo(model.lines().size() - 1);
            }
        });
        // Whether the reader is at the end is read after each layout, not when lines arrive: several lines can
        // arrive between two layouts (a burst), and the cells on screen then still show the state before the
        // last scroll, which made the list stop following half-way through a burst (seen under load).
        Runnable afterLayout = this::updateAtBottom;
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(afterLayout);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(afterLayout);
            }
        });
        return list;
    }

    private void updateAtBottom() {
        if (!showing(list) || !(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return;
        }
        var last = flow.getLastVisibleCell();
        atBottom = last == null || last.getIndex() >= model.lines().size() - 1;
    }

    /** Visible with all its parents: a list in a tab that is not selected keeps its last state. */
    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private Node input() {
        TextArea text = new TextArea();
        text.setId("chat-input");
        text.setPrefRowCount(2);
        text.setWrapText(true);
        text.textProperty().bindBidirectional(model.draft());
        // Not disabled while a message is on its way: a disabled field loses the keyboard focus, and the next
        // message would need a click first. Enter simply does nothing until the room has accepted the last one.
        text.disableProperty().bind(model.joined().not());
        text.promptTextProperty().bind(Bindings.createStringBinding(
                () -> model.joined().get() ? "Write a message (Enter sends, Shift+Enter starts a new line)"
                        : ChatViewModel.NOT_JOINED, model.joined()));
        text.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() != KeyCode.ENTER) {
                return;
            }
            event.consume();
            if (event.isShiftDown()) {
                text.replaceSelection("\n");
            } else {
                model.send();
            }
        });
        HBox.setHgrow(text, Priority.ALWAYS);
        Button send = new Button("Send");
        send.setId("chat-send");
        send.setMinWidth(Region.USE_PREF_SIZE);
        send.setDefaultButton(false);
        send.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canSend(), model.joined(),
                model.sending(), model.draft()));
        send.setOnAction(e -> model.send());
        HBox row = new HBox(8, text, send);
        row.setAlignment(Pos.CENTER_LEFT);
        Label reason = new Label();
        reason.setId("chat-blocked-reason");
        reason.getStyleClass().add("chat-blocked-reason");
        reason.textProperty().bind(model.blockedReason());
        reason.setWrapText(true);
        reason.visibleProperty().bind(model.blockedReason().isNotEmpty());
        reason.managedProperty().bind(reason.visibleProperty());
        return new VBox(4, row, reason);
    }

    /** Time, nickname and body in fixed columns; the body wraps within the list's width. */
    private final class MessageCell extends ListCell<ChatLine> {
        private final Label time = new Label();
        private final Label nick = new Label();
        private final Label body = new Label();
        private final HBox row = new HBox(10, time, nick, body);

        MessageCell() {
            // Column widths are in the stylesheet (em), so they grow with the font and the columns align.
            time.getStyleClass().add("chat-time");
            time.setAlignment(Pos.TOP_RIGHT);
            nick.getStyleClass().add("chat-nick");
            body.getStyleClass().add("chat-body");
            body.setWrapText(true);
            body.setMinHeight(Region.USE_PREF_SIZE);
            body.maxWidthProperty().bind(list.widthProperty().subtract(time.widthProperty())
                    .subtract(nick.widthProperty()).subtract(CELL_CHROME));
            HBox.setHgrow(body, Priority.ALWAYS);
            row.setAlignment(Pos.TOP_LEFT);
            // Let the list's width, not the longest message, decide the cell's width (so bodies wrap).
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ChatLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("chat-own", "chat-history", "chat-from-room");
            if (empty || line == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            time.setText(line.time());
            time.setTooltip(new Tooltip(line.at().toString()));
            nick.setText(line.sender());
            nick.setTooltip(new Tooltip(line.sender()));
            body.setText(line.body());
            if (line.own()) {
                getStyleClass().add("chat-own");
            }
            if (line.history()) {
                getStyleClass().add("chat-history");
            }
            if (line.fromRoom()) {
                getStyleClass().add("chat-from-room");
            }
            setText(null);
            setGraphic(row);
        }
    }
}
