package org.chamberlain.views.console.record;

import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.chamberlain.views.console.ConsoleView;
import org.chamberlain.views.console.record.RecordViewModel.Candidate;
import org.chamberlain.views.console.record.RecordViewModel.Kind;

/**
 * The "Record" dialog: a row per account that can be recorded (the app's, the script's), each with a check box,
 * where it comes from, its JID and its {@code [Client]} name (validated as typed); Start, Stop, and a live count.
 * Stop hands the recorded script to {@code onScript} (the console opens it in the editor) and closes the dialog.
 * FX thread; closing the window stops a recording without keeping it and closes the script connections.
 */
public final class RecordDialog {
    private final RecordViewModel model;
    private final Stage stage = new Stage();
    private final Timeline counter;

    public RecordDialog(RecordViewModel model, Window owner, Consumer<String> onScript) {
        this.model = model;
        GridPane rows = new GridPane();
        rows.setId("record-accounts");
        rows.setHgap(8);
        rows.setVgap(4);
        rows.addRow(0, new Label("Record"), new Label("Account"), new Label("JID"), new Label("[Client] name"),
                new Label(""));
        int index = 0;
        for (Candidate candidate : model.candidates()) {
            CheckBox record = new CheckBox();
            record.setId("record-check-" + index);
            record.selectedProperty().bindBidirectional(candidate.selectedProperty());
            TextField name = new TextField();
            name.setId("record-name-" + index);
            name.setPrefColumnCount(12);
            name.textProperty().bindBidirectional(candidate.nameProperty());
            name.disableProperty().bind(model.recordingProperty());
            record.disableProperty().bind(model.recordingProperty());
            Label problem = new Label();
            problem.setId("record-problem-" + index);
            problem.textProperty().bind(candidate.problemProperty());
            problem.setStyle("-fx-text-fill: #cf222e;");
            rows.addRow(index + 1, record, new Label(candidate.kind() == Kind.APP ? "app" : "script"),
                    new Label(candidate.jid()), name, problem);
            index++;
        }
        Label empty = new Label("No account to record: sign in with an account in the app, or open a script "
                + "whose [Client] declarations have a jid.");
        empty.setWrapText(true);
        empty.setVisible(model.candidates().isEmpty());
        empty.setManaged(model.candidates().isEmpty());

        Button start = new Button("● Start recording");
        start.setId("record-start");
        start.disableProperty().bind(model.canStartProperty().not());
        Button stop = new Button("■ Stop and open in the editor");
        stop.setId("record-stop");
        stop.disableProperty().bind(model.recordingProperty().not());
        Label status = new Label();
        status.setId("record-status");
        status.textProperty().bind(model.statusProperty().concat(model.recordingProperty().map(on -> on ? " — " : "")
                .orElse("")).concat(model.recordedProperty().asString().map(n -> model.recordingProperty().get()
                        ? n + " elements" : "")));
        counter = new Timeline(new KeyFrame(Duration.millis(500), e -> model.refreshCount()));
        counter.setCycleCount(Timeline.INDEFINITE);
        start.setOnAction(e -> model.start(counter::play));
        stop.setOnAction(e -> {
            counter.stop();
            model.refreshCount();
            String script = model.stop("Recorded session");
            if (script != null) {
                onScript.accept(script);
            }
            stage.close();
        });
        Label help = new Label("Chosen accounts are recorded from Start to Stop: what they send and receive becomes "
                + "a new script (JIDs as ${Name's JID}, server ids as {scansion:any}). Script accounts connect to "
                + "the console's server for the recording.");
        help.setWrapText(true);
        VBox root = new VBox(10, help, rows, empty, new HBox(8, start, stop), status);
        root.setPadding(new Insets(12));
        root.setPrefWidth(760);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(ConsoleView.STYLESHEET);
        stage.setScene(scene);
        stage.setTitle("Record a session as a script");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setOnHidden(e -> {
            counter.stop();
            model.close();
        });
    }

    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    public RecordViewModel model() {
        return model;
    }
}
