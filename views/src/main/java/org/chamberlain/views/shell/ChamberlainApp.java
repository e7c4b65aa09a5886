package org.chamberlain.views.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.chamberlain.views.errors.UncaughtErrorHandler;
import org.chamberlain.views.main.MainWindowView;
import org.chamberlain.views.main.MainWindowViewModel;
import org.chamberlain.views.notifications.NotificationCenter;
import org.chamberlain.views.settings.WindowSettings;
import org.chamberlain.views.tasks.FxTaskRunner;
import org.chamberlain.views.tasks.TaskRunner;

/**
 * The composition root: builds the object graph once (task runner, notification center, view models,
 * views) and passes collaborators through constructors; owns everything that must be shut down.
 *
 * <p>JavaFX calls {@link #start} and {@link #stop} on the FX thread. Started either by {@link AppLauncher}
 * (the product) or by TestFX with {@code FxToolkit.setupApplication(() -> new ChamberlainApp(options))}.
 */
public class ChamberlainApp extends Application {
    private static final Logger LOG = Logger.getLogger(ChamberlainApp.class.getName());
    private static final String STYLESHEET = "/org/chamberlain/views/chamberlain.css";

    private final StartupOptions options;
    /** Things to close on exit, in reverse order of creation. */
    private final List<AutoCloseable> owned = new ArrayList<>();
    private TaskRunner tasks;
    private NotificationCenter notifications;
    private WindowSettings settings;
    private MainWindowViewModel mainModel;
    private MainWindowView mainView;
    private Stage stage;

    public ChamberlainApp(StartupOptions options) {
        this.options = options;
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtErrorHandler(() -> stage));
        tasks = new FxTaskRunner(4);
        owned.add(tasks);
        notifications = new NotificationCenter(Clock.systemDefaultZone());
        settings = loadSettings();

        mainModel = new MainWindowViewModel(tasks, notifications, options.accounts(),
                options.activeAccountIfAny().orElse(null), options.mucServices(),
                options.serverNoteIfAny().orElse(null));
        mainModel.darkTheme().set(settings.darkTheme());
        applyTheme(settings.darkTheme());
        mainModel.darkTheme().addListener((obs, old, dark) -> applyTheme(dark));

        mainView = new MainWindowView(mainModel, this::roomWorkspace, primaryStage::close);
        Scene scene = new Scene(mainView.node());
        scene.getStylesheets().add(getClass().getResource(STYLESHEET).toExternalForm());
        primaryStage.setScene(scene);
        primaryStage.setTitle("Chamberlain");
        restoreLayout(primaryStage);
        primaryStage.show();
        mainView.split().setDividerPositions(settings.sidebarDivider());
    }

    /** The content of a room tab. */
    private Node roomWorkspace(String roomJid) {
        Label text = new Label("Room " + roomJid);
        VBox box = new VBox(text);
        box.setPadding(new Insets(16));
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    @Override
    public void stop() {
        saveSettings();
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Could not close " + owned.get(i), e);
            }
        }
        owned.clear();
    }

    /** For tests: the main window's view model. */
    public MainWindowViewModel mainModel() {
        return mainModel;
    }

    public NotificationCenter notifications() {
        return notifications;
    }

    static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private WindowSettings loadSettings() {
        try {
            return WindowSettings.load(options.configDir());
        } catch (IOException e) {
            // Defaults are fine to work with; the person learns why the layout was forgotten.
            notifications.post(org.chamberlain.views.notifications.Notification.Kind.WARNING,
                    "Settings", "Could not read the saved window layout from " + options.configDir()
                            + "; using the defaults.", e.toString());
            return new WindowSettings();
        }
    }

    private void restoreLayout(Stage window) {
        window.setWidth(settings.width());
        window.setHeight(settings.height());
        if (settings.hasPosition() && onSomeScreen(settings.x(), settings.y())) {
            window.setX(settings.x());
            window.setY(settings.y());
        } else {
            window.centerOnScreen();
        }
        window.setMaximized(settings.maximized());
        for (String room : settings.openRooms()) {
            mainModel.openRoom(room);
        }
    }

    private static boolean onSomeScreen(double x, double y) {
        return !Screen.getScreensForRectangle(new Rectangle2D(x + 20, y + 20, 40, 40)).isEmpty();
    }

    private void saveSettings() {
        if (stage == null || settings == null) {
            return;
        }
        settings.maximized(stage.isMaximized());
        if (!stage.isMaximized() && !Double.isNaN(stage.getX())) {
            settings.bounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
        double[] dividers = mainView.split().getDividerPositions();
        if (dividers.length > 0) {
            settings.sidebarDivider(dividers[0]);
        }
        settings.darkTheme(mainModel.darkTheme().get());
        settings.openRooms(mainModel.openRooms());
        try {
            settings.save(options.configDir());
        } catch (IOException e) {
            // The window is closing: nobody is left to show a notification to.
            LOG.log(Level.WARNING, "Could not save the window layout to " + options.configDir(), e);
        }
    }
}
