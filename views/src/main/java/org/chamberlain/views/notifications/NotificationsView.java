package org.chamberlain.views.notifications;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Notifications as cards stacked in the window's top-right corner. Information goes away after a few
 * seconds; warnings and errors stay until closed, with their details one click away. Never blocks input to
 * the rest of the window (the stack only takes the space its cards need).
 */
public final class NotificationsView {
    private static final Duration INFO_LIFETIME = Duration.seconds(6);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final NotificationCenter center;
    private final VBox stack = new VBox(8);
    private final Map<Notification, Node> cards = new HashMap<>();

    public NotificationsView(NotificationCenter center) {
        this.center = center;
        stack.getStyleClass().add("notification-stack");
        stack.setAlignment(Pos.BOTTOM_RIGHT);
        stack.setPickOnBounds(false);
        stack.setMaxWidth(Region.USE_PREF_SIZE);
        stack.setMaxHeight(Region.USE_PREF_SIZE);
        center.visible().forEach(this::add);
        center.visible().addListener((ListChangeListener<Notification>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::remove);
                change.getAddedSubList().forEach(this::add);
            }
        });
    }

    public Node node() {
        return stack;
    }

    private void add(Notification n) {
        Label title = new Label(n.title());
        title.getStyleClass().add("notification-title");
        title.setWrapText(true);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        Label time = new Label(TIME.format(n.time()));
        time.getStyleClass().add("notification-time");
        time.setMinWidth(Region.USE_PREF_SIZE);
        Button close = new Button("✕");
        close.getStyleClass().addAll("flat", "notification-close");
        close.setAccessibleText("Dismiss notification");
        close.setOnAction(e -> center.dismiss(n));
        close.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(8, title, time, close);
        header.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label(n.message());
        message.setWrapText(true);
        message.getStyleClass().add("notification-message");
        VBox card = new VBox(4, header, message);
        n.detailsIfAny().ifPresent(details -> {
            Hyperlink toggle = new Hyperlink("Show details");
            // The details area is made on the first click: a hidden TextArea still gets its skin and CSS, and
            // failed sign-ins at start-up post one card each (docs/benchmarks.md, "Start-up … session 3").
            TextArea[] area = new TextArea[1];
            toggle.setOnAction(e -> {
                if (area[0] == null) {
                    area[0] = detailsArea(details);
                    card.getChildren().add(area[0]);
                }
                boolean show = !area[0].isVisible();
                area[0].setVisible(show);
                area[0].setManaged(show);
                toggle.setText(show ? "Hide details" : "Show details");
            });
            card.getChildren().add(toggle);
        });
        String kind = n.kind().name().toLowerCase(java.util.Locale.ROOT);
        card.getStyleClass().addAll("notification", "notification-" + kind);
        card.setPrefWidth(380);
        card.setMaxWidth(380);
        cards.put(n, card);
        stack.getChildren().add(card);
        if (!n.kind().staysUntilDismissed()) {
            PauseTransition expiry = new PauseTransition(INFO_LIFETIME);
            expiry.setOnFinished(e -> center.dismiss(n));
            expiry.play();
        }
    }

    private static TextArea detailsArea(String details) {
        TextArea area = new TextArea(details);
        area.setEditable(false);
        area.setPrefRowCount(8);
        area.getStyleClass().add("notification-details");
        area.setVisible(false);
        area.setManaged(false);
        return area;
    }

    private void remove(Notification n) {
        Node card = cards.remove(n);
        if (card != null) {
            stack.getChildren().remove(card);
        }
    }
}
