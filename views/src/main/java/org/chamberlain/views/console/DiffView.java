package org.chamberlain.views.console;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;

/**
 * A failure side by side: the expected stanza and the closest one received, with the first differing line
 * marked in both, the difference in one sentence, and a button to jump to the script line. FX thread only.
 */
public final class DiffView {
    private final CodeArea expected = readOnlyArea("diff-expected");
    private final CodeArea closest = readOnlyArea("diff-closest");
    private final Label summary = new Label("No failure.");
    private final Button jump = new Button("Go to line");
    private final BorderPane node = new BorderPane();
    private Failure failure;

    DiffView(java.util.function.IntConsumer jumpToLine) {
        summary.setWrapText(true);
        summary.setId("diff-summary");
        jump.setId("diff-jump");
        jump.setDisable(true);
        jump.setOnAction(e -> {
            if (failure != null) {
                jumpToLine.accept(failure.line());
            }
        });
        HBox top = new HBox(8, jump, summary);
        HBox.setHgrow(summary, Priority.ALWAYS);
        top.setPadding(new Insets(4));
        SplitPane sides = new SplitPane(titled("Expected (script)", expected), titled("Closest received", closest));
        node.setTop(top);
        node.setCenter(sides);
        node.getStyleClass().add("diff-pane");
    }

    private static CodeArea readOnlyArea(String id) {
        CodeArea area = new CodeArea();
        area.setEditable(false);
        area.setId(id);
        area.getStyleClass().add("diff-pane");
        return area;
    }

    private static Node titled(String title, CodeArea area) {
        Label label = new Label(title);
        label.setPadding(new Insets(2, 4, 2, 4));
        VBox box = new VBox(label, new VirtualizedScrollPane<>(area));
        VBox.setVgrow(box.getChildren().get(1), Priority.ALWAYS);
        return box;
    }

    Node node() {
        return node;
    }

    void show(Failure shown) {
        this.failure = shown;
        jump.setDisable(shown == null);
        if (shown == null) {
            summary.setText("No failure.");
            expected.replaceText("");
            closest.replaceText("");
            return;
        }
        jump.setText("Go to line " + shown.line());
        StringBuilder text = new StringBuilder(shown.file() + ":" + shown.line() + "  " + shown.actor() + " "
                + shown.verb() + " — " + (shown.message() == null ? "" : shown.message()));
        if (shown.difference() != null) {
            text.append("\nFirst difference at ").append(shown.difference().path()).append(": ")
                    .append(shown.difference().sentence());
        }
        summary.setText(text.toString());
        expected.replaceText(shown.expected());
        closest.replaceText(shown.closest().isEmpty() ? "(nothing received)" : shown.closest());
        mark(expected, shown.expectedLine());
        mark(closest, shown.closestLine());
    }

    private static void mark(CodeArea area, int line) {
        if (line >= 0 && line < area.getParagraphs().size()) {
            area.setParagraphStyle(line, List.of("diff-first-line"));
            area.setStyle(line, List.of("diff-first"));
            area.showParagraphAtTop(Math.max(0, line - 2));
        }
    }

    /** The line marked as first difference in the expected side, -1 if none (for tests). */
    public int markedLine() {
        for (int i = 0; i < expected.getParagraphs().size(); i++) {
            if (expected.getParagraph(i).getParagraphStyle().contains("diff-first-line")) {
                return i;
            }
        }
        return -1;
    }

    public String expectedText() {
        return expected.getText();
    }

    public String closestText() {
        return closest.getText();
    }
}
