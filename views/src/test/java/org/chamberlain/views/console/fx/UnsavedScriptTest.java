package org.chamberlain.views.console.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.stage.Stage;
import org.chamberlain.views.console.ConsoleView;
import org.chamberlain.views.console.ConsoleViewModel;
import org.chamberlain.views.console.replay.ChildReplayLauncher;
import org.chamberlain.views.tasks.FxTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Nothing typed into the script console is lost: an edit that was never saved is kept beside the settings and
 * comes back, as unsaved changes to its file, in the next session's console (after the window was closed, or
 * the app died); recent files come back too; saving drops the kept copy.
 */
@ExtendWith(ApplicationExtension.class)
class UnsavedScriptTest {
    private Stage stage;
    private FxTaskRunner tasks;
    private ChildReplayLauncher launcher;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        tasks = new FxTaskRunner(1);
        launcher = new ChildReplayLauncher(javafx.application.Platform::runLater);
    }

    @AfterEach
    void stop() {
        launcher.close();
        tasks.close();
    }

    private ConsoleView console(Path memory, Path work) throws Exception {
        return FxTesting.onFx(() -> {
            ConsoleView view = new ConsoleView(new ConsoleViewModel(tasks, launcher, work), List.of());
            view.keepBetweenSessionsIn(memory);
            stage.setScene(new Scene((Parent) view.node(), 1280, 800));
            stage.show();
            return view;
        });
    }

    @Test
    void anUnsavedEditComesBackInTheNextSessionUntilItIsSaved(@TempDir Path dir) throws Exception {
        Path memory = dir.resolve("config").resolve("console");
        Path script = dir.resolve("join.scs");
        String original = "# Join\n\n[Client] Romeo\n\tjid: romeo@localhost\n\tpassword: password\n\n"
                + "---\n\nRomeo connects\n";
        Files.writeString(script, original, StandardCharsets.UTF_8);

        ConsoleView first = console(memory, Files.createDirectories(dir.resolve("work1")));
        FxTesting.onFx(() -> first.openFile(script));
        assertThat(FxTesting.onFx(() -> first.modifiedProperty().get())).isFalse();
        FxTesting.onFx(() -> first.editor().area().appendText("\nRomeo disconnects\n"));
        assertThat(FxTesting.onFx(() -> first.modifiedProperty().get())).isTrue();
        assertThat(FxTesting.onFx(() -> ((Label) stage.getScene().lookup("#console-file-state")).getText()))
                .isEqualTo("join.scs \u2014 unsaved changes");
        // Kept a second after the last keystroke, without closing anything (as if the process died next).
        assertThat(FxTesting.waitFor(5, () -> Files.exists(memory.resolve("draft.scs")))).isTrue();
        assertThat(Files.readString(memory.resolve("draft.scs"), StandardCharsets.UTF_8))
                .isEqualTo(original + "\nRomeo disconnects\n");
        FxTesting.onFx(first::close);

        ConsoleView second = console(memory, Files.createDirectories(dir.resolve("work2")));
        assertThat(FxTesting.onFx(() -> second.editor().text())).isEqualTo(original + "\nRomeo disconnects\n");
        assertThat(FxTesting.onFx(() -> second.model().fileProperty().get())).isEqualTo(script);
        assertThat(FxTesting.onFx(() -> second.modifiedProperty().get())).as("still unsaved").isTrue();
        assertThat(FxTesting.onFx(() -> List.copyOf(second.model().diagnostics())))
                .anyMatch(line -> line.startsWith("Recovered unsaved changes to " + script));
        assertThat(FxTesting.onFx(() -> ((MenuButton) stage.getScene().lookup("#console-recent")).getItems()
                .stream().map(item -> item.getText()).toList())).containsExactly("join.scs  (" + dir + ")");
        FxTesting.screenshot(stage.getScene(), "console-recovered-draft");

        FxTesting.onFx(() -> second.saveTo(script));
        assertThat(Files.readString(script, StandardCharsets.UTF_8)).endsWith("Romeo disconnects\n");
        assertThat(FxTesting.onFx(() -> second.modifiedProperty().get())).isFalse();
        assertThat(FxTesting.waitFor(5, () -> !Files.exists(memory.resolve("draft.scs"))))
                .as("saving drops the kept copy").isTrue();
        FxTesting.onFx(second::close);

        ConsoleView third = console(memory, Files.createDirectories(dir.resolve("work3")));
        assertThat(FxTesting.onFx(() -> third.editor().text())).as("nothing to recover").isEmpty();
        assertThat(FxTesting.onFx(() -> third.modifiedProperty().get())).isFalse();
        FxTesting.onFx(third::close);
    }

    @Test
    void f9SetsABreakpointAtTheCaretAndCtrlSSaves(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("keys.scs");
        Files.writeString(script, "[Client] A\n\tjid: a@localhost\n\nA connects\n\nA disconnects\n",
                StandardCharsets.UTF_8);
        ConsoleView view = console(dir.resolve("console"), Files.createDirectories(dir.resolve("work")));
        FxTesting.onFx(() -> {
            view.openFile(script);
            view.editor().area().moveTo(3, 0);
            press(view, javafx.scene.input.KeyCode.F9, false);
        });
        assertThat(FxTesting.onFx(() -> Set.copyOf(view.editor().breakpoints()))).containsExactly(4);
        FxTesting.onFx(() -> press(view, javafx.scene.input.KeyCode.F9, false));
        assertThat(FxTesting.onFx(() -> Set.copyOf(view.editor().breakpoints()))).isEmpty();

        FxTesting.onFx(() -> {
            view.editor().area().appendText("# saved with the keyboard\n");
            press(view, javafx.scene.input.KeyCode.S, true);
        });
        assertThat(Files.readString(script, StandardCharsets.UTF_8)).endsWith("# saved with the keyboard\n");
        assertThat(FxTesting.onFx(() -> view.modifiedProperty().get())).isFalse();
        FxTesting.onFx(view::close);
    }

    /** A key press as the editor gets it (Ctrl stands for the platform's shortcut key, as off macOS). */
    private static void press(ConsoleView view, javafx.scene.input.KeyCode code, boolean shortcut) {
        boolean mac = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("mac");
        javafx.event.Event.fireEvent(view.editor().area(), new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", code, false, shortcut && !mac, false,
                shortcut && mac));
    }

    @Test
    void aNewScriptThatWasNeverSavedComesBackToo(@TempDir Path dir) throws Exception {
        Path memory = dir.resolve("console");
        ConsoleView first = console(memory, Files.createDirectories(dir.resolve("work1")));
        FxTesting.onFx(() -> first.showScript("# Recorded\n\n[Client] A\n\tjid: a@localhost\n"));
        assertThat(FxTesting.onFx(() -> first.modifiedProperty().get())).isTrue();
        // Closed before the second passed: closing keeps it at once.
        FxTesting.onFx(first::close);

        ConsoleView second = console(memory, Files.createDirectories(dir.resolve("work2")));
        assertThat(FxTesting.onFx(() -> second.editor().text())).startsWith("# Recorded");
        assertThat(FxTesting.onFx(() -> second.model().fileProperty().get())).isNull();
        assertThat(FxTesting.onFx(() -> ((Label) stage.getScene().lookup("#console-file-state")).getText()))
                .isEqualTo("New script \u2014 unsaved changes");
        FxTesting.onFx(second::close);
    }
}
