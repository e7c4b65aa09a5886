package org.chamberlain.views.console.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.chamberlain.testkit.FreshProsody;
import org.chamberlain.testkit.TestServer;
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
 * Breakpoints in a folder run belong to their file: the run pauses in whichever script reaches one, the editor
 * shows that script at that line, and step / continue go on from there. Real Prosody, replay in a child JVM.
 */
@WithProsody
@ExtendWith(ApplicationExtension.class)
class FolderBreakpointsTest {
    /** The console's working files; deleted by JUnit after each test. */
    @TempDir
    Path workDir;
    private ConsoleOnStage console;
    private ConsoleView view;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        console = ConsoleOnStage.show(stage, workDir, List.of());
        view = console.view();
        scene = console.scene();
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
    }

    private boolean pausedAt(Path file, int line) throws Exception {
        return FxTesting.waitFor(60, () -> view.model().stateProperty().get() == RunState.PAUSED
                && file.equals(view.model().fileProperty().get())
                && view.editor().currentLineProperty().get() == line);
    }

    @Test
    @FreshProsody
    void eachFileStopsAtItsOwnBreakpointsAndTheEditorFollows(TestServer server, @TempDir Path folder)
            throws Exception {
        // Two seed scripts, each with a breakpoint on its own line. (Not basic_message.scs: it has a race between
        // two connections at its line 78, docs/notes/console-sandbox.md.)
        Path first = folder.resolve("a_first.scs").toAbsolutePath();
        Path second = folder.resolve("b_second.scs").toAbsolutePath();
        Files.copy(ScriptConsoleTest.SUITE.resolve("basic.scs"), first);
        Files.copy(ScriptConsoleTest.SUITE.resolve("muc_password.scs"), second);
        FxTesting.onFx(() -> {
            view.model().hostProperty().set(server.host());
            view.model().portProperty().set(server.port());
            view.openFile(first);
            view.editor().toggleBreakpoint(14);
            view.openFile(second);
            view.editor().toggleBreakpoint(33);
        });
        assertThat(FxTesting.onFx(() -> view.model().breakpointsOf(first))).containsExactly(14);

        FxTesting.onFx(() -> view.runFolder(folder));

        // The editor showed b_second.scs; the run pauses in a_first.scs first, and the editor switches to it.
        assertThat(pausedAt(first, 14)).as("paused at a_first.scs:14").isTrue();
        assertThat(FxTesting.onFx(() -> view.editor().breakpoints())).containsExactly(14);
        assertThat(FxTesting.onFx(() -> view.editor().mark(11).verdict())).isEqualTo(ActionMark.Verdict.PASSED);
        assertThat(FxTesting.onFx(() -> view.model().statusProperty().get())).contains("a_first.scs");

        FxTesting.onFx(() -> view.model().resume());
        assertThat(pausedAt(second, 33)).as("paused at b_second.scs:33").isTrue();
        assertThat(FxTesting.onFx(() -> view.editor().mark(29).verdict())).isEqualTo(ActionMark.Verdict.PASSED);
        assertThat(FxTesting.onFx(() -> view.editor().mark(33))).isNull();
        // The editor scrolled to the paused line (line 33 is below the first screenful).
        assertThat(FxTesting.waitFor(5, () -> view.editor().area().firstVisibleParToAllParIndex() <= 32
                && view.editor().area().lastVisibleParToAllParIndex() >= 32)).isTrue();
        FxTesting.screenshot(scene, "console-folder-breakpoint");

        FxTesting.onFx(() -> view.model().step());
        assertThat(pausedAt(second, 47)).as("a step goes to the next action of the same script").isTrue();
        assertThat(FxTesting.onFx(() -> view.editor().mark(33).verdict())).isEqualTo(ActionMark.Verdict.PASSED);

        FxTesting.onFx(() -> view.model().resume());
        assertThat(FxTesting.waitFor(60, () -> view.model().stateProperty().get() == RunState.IDLE)).isTrue();
        assertThat(FxTesting.onFx(() -> view.model().statusProperty().get()))
                .as("results: %s; messages: %s", FxTesting.onFx(() -> List.copyOf(view.model().results())),
                        FxTesting.onFx(() -> List.copyOf(view.model().diagnostics())))
                .startsWith("2 passed, 0 failed");
        assertThat(FxTesting.onFx(() -> view.model().results())).hasSize(2);
    }
}
