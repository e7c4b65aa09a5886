package org.chamberlain.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.chamberlain.views.console.fx.FxTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Closing the main window stops the toolkit; it must do so only after JavaFX has finished hiding the window
 * (stopping it from inside the hiding made every Quit end with an IllegalStateException).
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowClosingTest {

    @Test
    void theAppCleansUpAtOnceAndTheToolkitStopsOnlyAfterTheWindowIsHidden() throws Exception {
        List<String> steps = new ArrayList<>();
        FxTesting.onFx(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new Label("main window"), 300, 200));
            stage.setOnHidden(AppLauncher.whenMainWindowHidden(() -> steps.add("clean up"),
                    () -> steps.add("stop the toolkit")));
            stage.show();
            stage.close();
            steps.add("hiding finished");
        });
        assertThat(FxTesting.waitFor(10, () -> steps.size() == 3)).isTrue();
        assertThat(FxTesting.onFx(() -> List.copyOf(steps)))
                .containsExactly("clean up", "hiding finished", "stop the toolkit");
    }
}
