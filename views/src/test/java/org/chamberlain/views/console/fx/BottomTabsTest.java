package org.chamberlain.views.console.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.chamberlain.views.console.ConsoleView;
import org.chamberlain.views.console.ScriptResult;
import org.chamberlain.views.console.replay.ReplayEvent;
import org.chamberlain.views.console.replay.ReplayEvent.Diagnostic;
import org.chamberlain.views.console.replay.ReplayEvent.Problem;
import org.chamberlain.views.console.replay.ReplayEvent.ScriptFinished;
import org.chamberlain.views.console.replay.ReplayEvent.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The console's bottom tabs under a run's events, without costly frames: the Messages tab appends the
 * replayer's lines (its stderr, one per script), one list change per batch, in order, instead of rebuilding
 * the list for each line; the Results table fills a few rows per pulse when it comes on screen. Events are
 * handed to the view model as the replay's event batcher hands them (no server needed).
 */
@ExtendWith(ApplicationExtension.class)
class BottomTabsTest {
    /** The console's working files; deleted by JUnit after each test. */
    @TempDir
    Path workDir;
    private ConsoleOnStage console;
    private ConsoleView view;

    @Start
    void start(Stage stage) throws Exception {
        console = ConsoleOnStage.show(stage, workDir, List.of());
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

    @Test
    void theResultsTableFillsAFewRowsPerPulseWhenItComesOnScreen() throws Exception {
        List<ReplayEvent> finished = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            finished.add(new ScriptFinished(i, "script" + i + ".scs", i == 7 ? Verdict.FAILED : Verdict.PASSED, 3,
                    i == 7 ? 12 : 0, i == 7 ? "no matching stanza" : null));
        }
        FxTesting.onFx(() -> view.model().accept(finished));
        @SuppressWarnings("unchecked")
        TableView<ScriptResult> table = FxTesting.onFx(() -> (TableView<ScriptResult>) console.scene()
                .lookup("#console-results"));
        List<Integer> rowsAtPulses = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable pulse = () -> rowsAtPulses.add(table.getItems().size());
        FxTesting.onFx(() -> {
            console.scene().addPostLayoutPulseListener(pulse);
            TabPane tabs = (TabPane) console.scene().lookup("#console-bottom");
            tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> "console-results-tab".equals(t.getId())).findFirst().orElseThrow());
        });

        assertThat(FxTesting.waitFor(10, () -> table.getItems().size() == 25)).isTrue();
        FxTesting.onFx(() -> console.scene().removePostLayoutPulseListener(pulse));
        List<Integer> growth = rowsAtPulses.stream().distinct().toList();
        assertThat(growth).isSorted().contains(25);
        assertThat(growth.get(0)).isLessThanOrEqualTo(ConsoleView.RESULT_ROWS_PER_PULSE);
        for (int i = 1; i < growth.size(); i++) {
            assertThat(growth.get(i) - growth.get(i - 1)).isLessThanOrEqualTo(ConsoleView.RESULT_ROWS_PER_PULSE);
        }
        assertThat(FxTesting.onFx(() -> List.copyOf(table.getItems()))).extracting(ScriptResult::file)
                .startsWith("script0.scs", "script1.scs").endsWith("script24.scs");
        // The failed script's row is marked (the pseudo-class the stylesheet colours).
        FxTesting.onFx(() -> table.scrollTo(7));
        assertThat(FxTesting.waitFor(5, () -> table.lookupAll(".table-row-cell").stream()
                .anyMatch(row -> row instanceof TableRow<?> r && r.getItem() instanceof ScriptResult result
                        && result.file().equals("script7.scs")
                        && r.getPseudoClassStates().stream()
                                .anyMatch(p -> p.getPseudoClassName().equals("not-passed"))))).isTrue();
    }
}
