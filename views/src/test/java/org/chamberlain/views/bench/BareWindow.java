package org.chamberlain.views.bench;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.chamberlain.views.shell.FirstFrameProbe;
import org.chamberlain.views.shell.StartupTrace;

/**
 * The baseline of the start-up benchmark: the smallest JavaFX window, started like {@code AppLauncher} starts
 * the product ({@code Platform.startup} from a plain main class, a new Stage, the same first-frame probe), so
 * the ratio measures only what Chamberlain adds. Main thread waits until the window closes.
 */
public final class BareWindow {

    private BareWindow() {
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            StartupTrace.mark("start");
            Stage stage = new Stage();
            stage.setOnHidden(e -> {
                Platform.exit();
                closed.countDown();
            });
            stage.setScene(new Scene(new StackPane(new Label("Hello")), 1280, 800));
            stage.setTitle("Bare JavaFX window");
            stage.show();
            StartupTrace.mark("shown");
            FirstFrameProbe.attachIfRequested(stage);
        });
        closed.await();
    }
}
