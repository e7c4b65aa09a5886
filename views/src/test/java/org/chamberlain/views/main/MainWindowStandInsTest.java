package org.chamberlain.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.chamberlain.views.console.fx.FxTesting;
import org.chamberlain.views.shell.AccountProfile;
import org.chamberlain.views.tasks.FxTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The main window's first screen uses stand-ins for the tree, the tab pane and the progress bar while they would
 * show nothing (start-up cost); each must become the real control as soon as there is something to show in it.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowStandInsTest {
    private final FxTaskRunner tasks = new FxTaskRunner(1);
    private MainWindowViewModel model;
    private MainWindowView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        EmptyMainWindow window = EmptyMainWindow.show(stage, tasks);
        model = window.model();
        view = window.view();
        scene = window.scene();
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void anEmptyFirstScreenHasNoTreeTabPaneOrProgressBar() throws Exception {
        assertThat(FxTesting.onFx(() -> scene.getRoot().lookupAll(".tree-view"))).singleElement()
                .isNotInstanceOf(TreeView.class);
        assertThat(FxTesting.onFx(() -> scene.lookup("#workspace"))).isNull();
        assertThat(FxTesting.onFx(() -> scene.getRoot().lookupAll(".progress-bar"))).isEmpty();
        Node placeholder = FxTesting.onFx(() -> scene.lookup(".placeholder-text"));
        assertThat(FxTesting.onFx(placeholder::isVisible)).isTrue();
    }

    @Test
    void theTreeReplacesItsStandInWithTheFirstAccount() throws Exception {
        FxTesting.onFx(() -> model.addAccount(new AccountProfile("owner@example.org", "pw", null, 5222, false)));
        TreeView<?> tree = FxTesting.onFx(() -> (TreeView<?>) scene.lookup("#sidebar-tree"));
        assertThat(tree).isNotNull();
        assertThat(FxTesting.onFx(() -> tree.getRoot().getChildren().size())).isEqualTo(1);
        assertThat(FxTesting.onFx(() -> scene.getRoot().lookupAll(".tree-view"))).containsExactly(tree);
        VBox sidebar = FxTesting.onFx(() -> (VBox) tree.getParent());
        assertThat(FxTesting.onFx(() -> sidebar.getChildren().indexOf(tree))).isEqualTo(2);
    }

    @Test
    void nothingIsFocusedAtFirstSoTheFilterShowsItsHintAndTabReachesIt(FxRobot robot) throws Exception {
        TextField filter = FxTesting.onFx(() -> (TextField) scene.lookup("#room-filter"));
        assertThat(FxTesting.onFx(filter::isFocused)).isFalse();
        assertThat(FxTesting.onFx(() -> scene.getFocusOwner())).isNotInstanceOf(TextField.class);
        assertThat(FxTesting.onFx(filter::getPromptText)).isEqualTo("Filter rooms (Ctrl+F)");
        robot.press(KeyCode.TAB).release(KeyCode.TAB);
        assertThat(FxTesting.waitFor(10, filter::isFocused)).as("Tab goes to the filter box first").isTrue();
    }

    @Test
    void focusingTheEmptyTreeGivesTheFocusToTheRealTree() throws Exception {
        Node standIn = FxTesting.onFx(() -> scene.getRoot().lookupAll(".tree-view").iterator().next());
        FxTesting.onFx(standIn::requestFocus);
        assertThat(FxTesting.waitFor(10, () -> scene.getFocusOwner() instanceof TreeView)).isTrue();
        assertThat(FxTesting.onFx(() -> standIn.getParent())).isNull();
    }

    @Test
    void theTabPaneComesWithTheFirstRoomAndThePlaceholderHidesBehindIt() throws Exception {
        FxTesting.onFx(() -> model.addAccount(new AccountProfile("owner@example.org", "pw", null, 5222, false)));
        FxTesting.onFx(() -> model.openRoom("owner@example.org", "lobby@conference.example.org"));
        TabPane tabs = FxTesting.onFx(() -> (TabPane) scene.lookup("#workspace"));
        assertThat(tabs).isNotNull();
        assertThat(FxTesting.onFx(() -> tabs.getTabs().size())).isEqualTo(1);
        assertThat(FxTesting.onFx(() -> model.selectedRoom().get().room())).isEqualTo("lobby@conference.example.org");
        assertThat(FxTesting.onFx(() -> scene.lookup(".placeholder-text").getParent().isVisible())).isFalse();
        FxTesting.onFx(() -> model.closeRoom(model.selectedRoom().get()));
        assertThat(FxTesting.onFx(() -> tabs.getTabs().isEmpty())).isTrue();
        assertThat(FxTesting.onFx(() -> scene.lookup(".placeholder-text").getParent().isVisible())).isTrue();
    }

    @Test
    void theProgressBarShowsWhileATaskRunsAndHidesAfter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> done = new CompletableFuture<>();
        FxTesting.onFx(() -> tasks.submit("Waiting", ctx -> release.await(10, TimeUnit.SECONDS), done::complete,
                done::completeExceptionally));
        assertThat(FxTesting.waitFor(10, () -> scene.getRoot().lookup(".progress-bar") instanceof ProgressBar bar
                && bar.isVisible())).as("a progress bar while the task runs").isTrue();
        release.countDown();
        done.get(10, TimeUnit.SECONDS);
        assertThat(FxTesting.waitFor(10, () -> !scene.getRoot().lookup(".progress-bar").isVisible())).isTrue();
    }
}
