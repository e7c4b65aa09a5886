package org.chamberlain.views.console;

import javafx.css.PseudoClass;
import javafx.scene.control.ListCell;
import org.chamberlain.views.console.replay.ReplayEvent.Disposition;

/**
 * A row of a traffic tab, one line high and plain text only (time, direction, what the script did with the
 * stanza, the stanza on one line); the selected stanza is shown pretty-printed beside the list. States are
 * pseudo-classes ({@code :sent}, {@code :satisfied}, {@code :skipped}), so reusing a cell never changes its
 * style classes. With fixed row heights the virtualized list scrolls 10,000 stanzas without measuring them.
 */
final class TrafficCell extends ListCell<TrafficEntry> {
    private static final PseudoClass SENT = PseudoClass.getPseudoClass("sent");
    private static final PseudoClass SATISFIED = PseudoClass.getPseudoClass("satisfied");
    private static final PseudoClass SKIPPED = PseudoClass.getPseudoClass("skipped");

    TrafficCell() {
        getStyleClass().add("traffic-cell");
    }

    @Override
    protected void updateItem(TrafficEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        boolean present = !empty && entry != null;
        pseudoClassStateChanged(SENT, present && entry.sent());
        pseudoClassStateChanged(SATISFIED, present && entry.disposition() == Disposition.SATISFIED);
        pseudoClassStateChanged(SKIPPED, present && (entry.disposition() == Disposition.SKIPPED
                || entry.disposition() == Disposition.UNCONSUMED));
        setGraphic(null);
        setText(present ? entry.rowText() : null);
    }
}
