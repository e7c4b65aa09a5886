package org.chamberlain.views.main;

import java.time.Clock;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.chamberlain.views.notifications.NotificationCenter;
import org.chamberlain.views.tasks.FxTaskRunner;

/**
 * The main window as the app starts it with no account and no room (nothing focused), shown on a test's stage
 * (1000 x 700). FX thread.
 */
record EmptyMainWindow(MainWindowViewModel model, MainWindowView view, Scene scene) {

    static EmptyMainWindow show(Stage stage, FxTaskRunner tasks) {
        MainWindowViewModel model = new MainWindowViewModel(tasks, new NotificationCenter(Clock.systemUTC()),
                List.of(), null, List.of(), null);
        MainWindowView view = new MainWindowView(model, tab -> new Label("content of " + tab.room()), stage::close);
        view.buildWorkspace();
        Scene scene = new Scene(view.node(), 1000, 700);
        stage.setScene(scene);
        view.startWithNothingFocused();
        stage.show();
        return new EmptyMainWindow(model, view, scene);
    }
}
