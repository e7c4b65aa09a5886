package org.chamberlain.views.shell;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Starts the desktop app from a plain class (JavaFX on the classpath refuses a main class that extends
 * {@code Application}) and blocks until its window is closed, so a caller such as the sandbox can stop its
 * server afterwards. Called once per process, from the main thread.
 */
public final class AppLauncher {
    /**
     * Smack logs each connection a server closes as a WARNING with a stack trace on the terminal, e.g. one per
     * sandbox account when Ctrl+C stops the sandbox's server with the app. The window already shows each
     * account's state and why it changed, so in the desktop app those lines are only noise. Held here: the
     * logging framework keeps loggers only weakly, and a collected logger would lose its filter.
     */
    private static final Logger SMACK_CONNECTIONS = Logger.getLogger("org.jivesoftware.smack.AbstractXMPPConnection");

    private AppLauncher() {
    }

    /** Keeps "Connection … closed with error" off the terminal (the window reports it); other records pass. */
    static void quietClosedConnectionWarnings() {
        SMACK_CONNECTIONS.setFilter(record -> record.getMessage() == null
                || !record.getMessage().endsWith(" closed with error"));
    }

    /**
     * What the main window's closing does: the app cleans up at once, and the toolkit is stopped only once
     * JavaFX has finished hiding the window. The hidden event comes in the middle of the hiding; stopping the
     * toolkit there left Glass without an event thread for the rest of it, and every Ctrl+Q (Quit) ended with
     * an IllegalStateException from {@code Window.setView}.
     */
    static EventHandler<WindowEvent> whenMainWindowHidden(Runnable cleanUp, Runnable stopToolkit) {
        return hidden -> {
            try {
                cleanUp.run();
            } finally {
                Platform.runLater(stopToolkit);
            }
        };
    }

    /** Runs the app; returns the process exit code (0 after a normal close). */
    public static int run(StartupOptions options) {
        quietClosedConnectionWarnings();
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
            stage.setOnHidden(whenMainWindowHidden(app::stop, () -> {
                Platform.exit();
                closed.countDown();
            }));
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
