package org.chamberlain.views.console;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.chamberlain.views.console.replay.ReplayEvent.Disposition;

/**
 * A row of a traffic tab: time, direction, the script line that sent or took the stanza, and the stanza
 * pretty-printed. Stanzas that satisfied a {@code receives} have a green bar and a check mark; stanzas skipped
 * while waiting are dimmed. Reuses its nodes (the list is virtualized: only visible rows exist).
 */
final class TrafficCell extends ListCell<TrafficEntry> {
    private final Label time = new Label();
    private final Label direction = new Label();
    private final Label badge = new Label();
    private final Label xml = new Label();
    private final VBox box;

    TrafficCell() {
        getStyleClass().add("traffic-cell");
        time.getStyleClass().add("traffic-time");
        badge.getStyleClass().add("traffic-badge");
        xml.getStyleClass().add("traffic-xml");
        xml.setWrapText(false);
        box = new VBox(1, new HBox(8, time, direction, badge), xml);
    }

    @Override
    protected void updateItem(TrafficEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        getStyleClass().removeAll("traffic-satisfied", "traffic-skipped");
        if (empty || entry == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        time.setText(entry.timeLabel());
        direction.setText(entry.sent() ? "→ sent" : "← received");
        direction.getStyleClass().setAll("label",
                entry.sent() ? "traffic-direction-sent" : "traffic-direction-received");
        String where = entry.line() > 0 ? "line " + entry.line() : "";
        if (entry.disposition() == Disposition.SATISFIED) {
            getStyleClass().add("traffic-satisfied");
            badge.setText("✓ matched " + where);
        } else if (entry.disposition() == Disposition.SKIPPED) {
            getStyleClass().add("traffic-skipped");
            badge.setText("skipped while waiting " + (where.isEmpty() ? "" : "at " + where));
        } else if (entry.disposition() == Disposition.UNCONSUMED) {
            getStyleClass().add("traffic-skipped");
            badge.setText("never taken");
        } else {
            badge.setText(where);
        }
        xml.setText(entry.pretty());
        setText(null);
        setGraphic(box);
    }
}
