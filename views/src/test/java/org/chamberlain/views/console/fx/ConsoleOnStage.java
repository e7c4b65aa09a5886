package org.chamberlain.views.console.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.chamberlain.views.console.ConsoleView;
import org.chamberlain.views.console.ConsoleViewModel;
import org.chamberlain.views.console.replay.ChildReplayLauncher;
import org.chamberlain.views.tasks.FxTaskRunner;

/**
 * A script console shown on a test's stage, with the task runner and the child-replay launcher it owns; the
 * console tests' common set-up. {@link #close()} closes the view (on the FX thread), then the launcher and the
 * runner. Create it in the test's {@code @Start} method (FX thread).
 */
final class ConsoleOnStage implements AutoCloseable {
    private final FxTaskRunner tasks;
    private final ChildReplayLauncher launcher;
    private final ConsoleView view;
    private final Scene scene;

    private ConsoleOnStage(Stage stage, Path workDir, List<Path> scriptFolders, double width, double height) {
        tasks = new FxTaskRunner(2);
        launcher = new ChildReplayLauncher(Platform::runLater);
        view = new ConsoleView(new ConsoleViewModel(tasks, launcher,
                Objects.requireNonNull(workDir, "workDir (a @TempDir field is filled before @Start)")),
                scriptFolders);
        scene = new Scene((Parent) view.node(), width, height);
        stage.setScene(scene);
        stage.show();
    }

    /**
     * A 1280×800 console whose working files (script copies, replay runs) go to {@code workDir}: give it the test's
     * {@code @TempDir} field, which JUnit fills before TestFX calls {@code @Start} and deletes after
     * {@code @AfterEach} closed the console (and with it the replays that write there).
     */
    static ConsoleOnStage show(Stage stage, Path workDir, List<Path> scriptFolders) {
        return new ConsoleOnStage(stage, workDir, scriptFolders, 1280, 800);
    }

    static ConsoleOnStage show(Stage stage, Path workDir, double width, double height) {
        return new ConsoleOnStage(stage, workDir, List.of(), width, height);
    }

    ConsoleView view() {
        return view;
    }

    Scene scene() {
        return scene;
    }

    @Override
    public void close() throws Exception {
        FxTesting.onFx(view::close);
        launcher.close();
        tasks.close();
    }
}
