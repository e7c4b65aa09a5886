package org.chamberlain.views.console.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.chamberlain.views.console.ConsoleView;
import org.chamberlain.views.console.replay.ReplayEvent;
import org.chamberlain.views.console.replay.ReplayEvent.Diagnostic;
import org.chamberlain.views.console.replay.ReplayEvent.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Messages tab during a run: the replayer's lines (its stderr, one per script) are appended to the list
 * shown, one list change per batch of events, in the order they came; the list is not rebuilt for each line.
 * Events are handed to the view model as the replay's event batcher hands them (no server needed).
 */
@ExtendWith(ApplicationExtension.class)
class MessagesTabTest {
    private ConsoleOnStage console;
    private ConsoleView view;

    @Start
    void start(Stage stage) throws Exception {
        console = ConsoleOnStage.show(stage, "messages", List.of());
        view = console.view();
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
    }

    @Test
    void theReplayersLinesAreAppendedOneChangePerBatch() throws Exception {
        @SuppressWarnings("unchecked")
        ListView<String> messages = FxTesting.onFx(() -> (ListView<String>) console.scene()
                .lookup("#console-messages"));
        Tab tab = FxTesting.onFx(() -> ((TabPane) console.scene().lookup("#console-bottom")).getTabs().stream()
                .filter(t -> "console-messages-tab".equals(t.getId())).findFirst().orElseThrow());
        assertThat(FxTesting.onFx(tab::isSelected)).isTrue();
        List<String> changes = new ArrayList<>();
        FxTesting.onFx(() -> messages.getItems().addListener((ListChangeListener<String>) change -> {
            while (change.next()) {
                changes.add((change.wasReplaced() ? "replaced " : change.wasAdded() ? "added " : "removed ")
                        + change.getAddedSize());
            }
        }));

        FxTesting.onFx(() -> view.model().accept(List.<ReplayEvent>of(new Diagnostic("PASS  a.scs (3 ms)"),
                new Diagnostic("PASS  b.scs (4 ms)"))));
        FxTesting.onFx(() -> view.model().accept(List.of(new Diagnostic("FAIL  c.scs:7 no matching stanza"),
                new Problem("d.scs", 2, 5, "unknown verb", true), new Diagnostic("PASS  e.scs (5 ms)"))));

        assertThat(FxTesting.onFx(() -> List.copyOf(messages.getItems()))).containsExactly("PASS  a.scs (3 ms)",
                "PASS  b.scs (4 ms)", "FAIL  c.scs:7 no matching stanza", "d.scs:2:5: unknown verb",
                "PASS  e.scs (5 ms)");
        // Batch 1: one change; batch 2: the line before the problem, the problem, the line after it.
        assertThat(changes).containsExactly("added 2", "added 1", "added 1", "added 1");
        assertThat(FxTesting.onFx(tab::getText)).isEqualTo("Messages (5)");
    }
}
