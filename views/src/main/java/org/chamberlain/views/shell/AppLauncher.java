package org.chamberlain.views.shell;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Starts the desktop app from a plain class (JavaFX on the classpath refuses a main class that extends
 * {@code Application}) and blocks until its window is closed, so a caller such as the sandbox can stop its
 * server afterwards. Called once per process, from the main thread.
 */
public final class AppLauncher {

    private AppLauncher() {
    }

    /** Runs the app; returns the process exit code (0 after a normal close). */
    public static int run(StartupOptions options) {
        try (ClassPreloader preloader = ClassPreloader.start()) {
            return runApp(options);
        }
    }

    private static int runApp(StartupOptions options) {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<Throwable> startFailure = new AtomicReference<>();
        // We stop the toolkit ourselves once the main window is gone and the app has cleaned up.
        Platform.setImplicitExit(false);
        StartupTrace.mark("launcher");
        Platform.startup(() -> {
            ChamberlainApp app = new ChamberlainApp(options);
            Stage stage = new Stage();
            stage.setOnHidden(e -> {
                try {
                    app.stop();
                } finally {
                    Platform.exit();
                    closed.countDown();
                }
            });
            try {
                app.init();
                app.start(stage);
                FirstFrameProbe.attachIfRequested(stage, app.workspaceReady());
            } catch (Exception | Error e) {
                startFailure.set(e);
                app.stop();
                Platform.exit();
                closed.countDown();
            }
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        Throwable failure = startFailure.get();
        if (failure != null) {
            System.err.println("chamberlain: the window could not be opened: " + failure);
            return 1;
        }
        return 0;
    }
}
