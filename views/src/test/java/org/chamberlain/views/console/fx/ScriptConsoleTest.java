package org.chamberlain.views.console.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.chamberlain.scripting.parse.Action;
import org.chamberlain.scripting.parse.ScriptParser;
import org.chamberlain.testkit.FreshProsody;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.TestServers;
import org.chamberlain.testkit.WithProsody;
import org.chamberlain.views.console.ActionMark;
import org.chamberlain.views.console.ConsoleView;
import org.chamberlain.views.console.ConsoleViewModel.RunState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The script console against a real Prosody: replays run in a child JVM, verdicts land in the gutter, a
 * failure shows its diff and line, stepping pauses before each action.
 */
@WithProsody
@ExtendWith(ApplicationExtension.class)
class ScriptConsoleTest {
    static final Path SUITE = TestServers.sharedDir().resolve("suite").resolve("prosody-0.12.3");

    /** The console's working files; deleted by JUnit after each test. */
    @TempDir
    Path workDir;
    private ConsoleOnStage console;
    private ConsoleView view;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        console = ConsoleOnStage.show(stage, workDir, List.of(SUITE));
        view = console.view();
        scene = console.scene();
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
    }

    private void target(TestServer server, int timeoutSeconds) throws Exception {
        FxTesting.onFx(() -> {
            view.model().hostProperty().set(server.host());
            view.model().portProperty().set(server.port());
            view.model().timeoutSecondsProperty().set(timeoutSeconds);
        });
    }

    private static Set<Integer> actionLines(String text) {
        Set<Integer> lines = new TreeSet<>();
        for (Action action : new ScriptParser().parse("x.scs", text).script().actions()) {
            lines.add(action.line());
        }
        return lines;
    }

    private boolean finished() throws Exception {
        return FxTesting.waitFor(60, () -> view.model().stateProperty().get() == RunState.IDLE
                && view.model().statusProperty().get().matches(".*(passed|Failed at|Stopped|errors).*"));
    }

    @Test
    void theQuickScriptListNamesEveryFileAsItIs() throws Exception {
        // Underscores in file names are text: as mnemonics they vanished ("muc_password" showed "mucpassword").
        List<String> expected = new java.util.ArrayList<>();
        for (Path script : org.chamberlain.views.console.ConsoleViewModel.scriptsIn(SUITE)) {
            expected.add("prosody-0.12.3/" + script.getFileName());
        }
        List<String> shown = FxTesting.onFx(() -> {
            javafx.scene.control.MenuButton quick = (javafx.scene.control.MenuButton) scene.lookup("#console-quick");
            return quick.getItems().stream()
                    .map(item -> item.isMnemonicParsing() ? item.getText().replaceFirst("_", "") : item.getText())
                    .toList();
        });
        assertThat(expected).anyMatch(name -> name.contains("_"));
        assertThat(shown).containsExactlyElementsOf(expected);
    }

    @Test
    @FreshProsody
    void aSeedScriptRunsGreenWithEveryActionMarkedInTheGutter(TestServer server) throws Exception {
        // Not basic_message.scs: its line 78 races two connections (a message expected from offline storage
        // can arrive live under load; docs/notes/console-sandbox.md), which failed this test now and then.
        Path script = SUITE.resolve("muc_password.scs");
        target(server, 5);
        FxTesting.onFx(() -> view.openFile(script));
        FxTesting.onFx(() -> view.model().run(view.editor().text(), Set.of()));

        assertThat(finished()).as("the run ends").isTrue();
        Map<Integer, ActionMark> marks = FxTesting.onFx(() -> view.editor().marks());
        Set<Integer> expected = actionLines(Files.readString(script, StandardCharsets.UTF_8));
        assertThat(marks.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(marks.values()).allMatch(m -> m.verdict() == ActionMark.Verdict.PASSED);
        assertThat(FxTesting.onFx(() -> view.model().statusProperty().get())).startsWith("1 passed, 0 failed");
        assertThat(FxTesting.onFx(() -> view.model().trafficAccounts())).contains("Romeo", "Juliet");
        FxTesting.onFx(() -> view.editor().area().showParagraphAtTop(30));
        Thread.sleep(300);
        FxTesting.screenshot(scene, "console-seed-script-green");
    }

    @Test
    @FreshProsody
    void aCorruptedCopyFailsAtTheRightLineWithTheDiffShown(TestServer server, @org.junit.jupiter.api.io.TempDir
            Path dir) throws Exception {
        String original = Files.readString(SUITE.resolve("basic_message.scs"), StandardCharsets.UTF_8);
        String corrupted = original.replaceFirst("<body>Hello Juliet!</body>\n\t</message>\n\n# Romeo sends a "
                + "message to Juliet's phone", "<body>Hello Romeo!</body>\n\t</message>\n\n# Romeo sends a message "
                + "to Juliet's phone");
        assertThat(corrupted).isNotEqualTo(original);
        Path copy = dir.resolve("basic_message_corrupted.scs");
        Files.writeString(copy, corrupted, StandardCharsets.UTF_8);
        target(server, 1);
        FxTesting.onFx(() -> view.openFile(copy));
        FxTesting.onFx(() -> view.model().run(view.editor().text(), Set.of()));

        assertThat(finished()).isTrue();
        assertThat(FxTesting.onFx(() -> view.editor().mark(42).verdict())).isEqualTo(ActionMark.Verdict.FAILED);
        assertThat(FxTesting.onFx(() -> view.editor().mark(37).verdict())).isEqualTo(ActionMark.Verdict.PASSED);
        assertThat(FxTesting.onFx(() -> view.editor().currentLineProperty().get())).isEqualTo(42);
        assertThat(FxTesting.onFx(() -> view.model().statusProperty().get())).startsWith("Failed at line 42");
        assertThat(FxTesting.onFx(() -> view.diff().expectedText())).contains("Hello Romeo!");
        assertThat(FxTesting.onFx(() -> view.diff().closestText())).contains("Hello Juliet!");
        int marked = FxTesting.onFx(() -> view.diff().markedLine());
        assertThat(marked).isGreaterThanOrEqualTo(0);
        assertThat(FxTesting.onFx(() -> view.diff().expectedText().split("\n")[marked])).contains("Hello Romeo!");
        FxTesting.onFx(() -> ((javafx.scene.control.Button) scene.lookup("#diff-jump")).fire());
        assertThat(FxTesting.onFx(() -> view.editor().area().getCurrentParagraph())).isEqualTo(41);
        Thread.sleep(300);
        FxTesting.screenshot(scene, "console-corrupted-failure");
    }

    @Test
    @FreshProsody
    void steppingPausesBeforeEachActionAndStopEndsTheRun(TestServer server) throws Exception {
        target(server, 5);
        FxTesting.onFx(() -> view.openFile(SUITE.resolve("basic_message.scs")));
        FxTesting.onFx(() -> view.model().startStepping(view.editor().text(), Set.of()));

        assertThat(FxTesting.waitFor(30, () -> view.model().stateProperty().get() == RunState.PAUSED)).isTrue();
        assertThat(FxTesting.onFx(() -> view.editor().currentLineProperty().get())).isEqualTo(21);
        assertThat(FxTesting.onFx(() -> view.editor().marks())).isEmpty();

        FxTesting.onFx(() -> view.model().step());
        assertThat(FxTesting.waitFor(30, () -> view.model().stateProperty().get() == RunState.PAUSED
                && view.editor().currentLineProperty().get() == 23)).isTrue();
        assertThat(FxTesting.onFx(() -> view.editor().mark(21).verdict())).isEqualTo(ActionMark.Verdict.PASSED);
        assertThat(FxTesting.onFx(() -> view.editor().mark(23))).isNull();

        FxTesting.onFx(() -> view.model().runToLine(37));
        assertThat(FxTesting.waitFor(30, () -> view.model().stateProperty().get() == RunState.PAUSED
                && view.editor().currentLineProperty().get() == 37)).isTrue();
        assertThat(FxTesting.onFx(() -> view.editor().marks().keySet())).containsExactlyInAnyOrder(21, 23, 25, 29,
                32);
        FxTesting.screenshot(scene, "console-stepping-paused");

        FxTesting.onFx(() -> view.model().stop());
        assertThat(FxTesting.waitFor(30, () -> view.model().stateProperty().get() == RunState.IDLE)).isTrue();
        assertThat(FxTesting.onFx(() -> view.model().statusProperty().get())).isEqualTo("Stopped");
    }
}
