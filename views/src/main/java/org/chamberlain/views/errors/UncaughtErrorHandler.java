package org.chamberlain.views.errors;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.chamberlain.views.dialogs.DialogPlacement;

/**
 * Shows any exception nobody caught, from any thread, as an alert with the sentence up front and the stack
 * trace expandable, so a bug is seen instead of silently freezing a button. Installed by the composition
 * root for the app's lifetime.
 */
public final class UncaughtErrorHandler implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = Logger.getLogger(UncaughtErrorHandler.class.getName());

    private final java.util.function.Supplier<Window> owner;
    /** One alert at a time: a failure in a pulse listener would otherwise open one per frame. */
    private final AtomicBoolean showing = new AtomicBoolean();

    public UncaughtErrorHandler(java.util.function.Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        LOG.log(Level.SEVERE, "Uncaught exception on " + thread.getName(), failure);
        if (!showing.compareAndSet(false, true)) {
            return;
        }
        if (Platform.isFxApplicationThread()) {
            show(failure);
        } else {
            Platform.runLater(() -> show(failure));
        }
    }

    private void show(Throwable failure) {
        try {
            errorAlert(owner.get(), "Unexpected error", UserMessages.sentence(failure),
                    UserMessages.details(failure)).showAndWait();
        } finally {
            showing.set(false);
        }
    }

    /** An error alert with a details area that opens on demand. */
    public static Alert errorAlert(Window owner, String header, String sentence, String details) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        DialogPlacement.ownedBy(alert, owner);
        alert.setTitle("Chamberlain");
        alert.setHeaderText(header);
        Label text = new Label(sentence);
        text.setWrapText(true);
        text.setMaxWidth(520);
        alert.getDialogPane().setContent(text);
        TextArea area = new TextArea(details);
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefRowCount(14);
        area.setStyle("-fx-font-family: monospace");
        GridPane.setVgrow(area, Priority.ALWAYS);
        GridPane.setHgrow(area, Priority.ALWAYS);
        GridPane expandable = new GridPane();
        expandable.add(area, 0, 0);
        alert.getDialogPane().setExpandableContent(expandable);
        return alert;
    }
}
