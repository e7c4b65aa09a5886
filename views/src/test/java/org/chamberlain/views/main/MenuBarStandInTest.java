package org.chamberlain.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.chamberlain.views.console.fx.FxTesting;
import org.chamberlain.views.tasks.FxTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The main window draws a stand-in for its menu bar until the first frame is on the screen: it must look exactly
 * like the real bar, and nothing the person does to it before the real bar is in place may be lost.
 */
@ExtendWith(ApplicationExtension.class)
class MenuBarStandInTest {
    private final FxTaskRunner tasks = new FxTaskRunner(1);
    private final String themeBefore = Application.getUserAgentStylesheet();
    private MainWindowViewModel model;
    private MainWindowView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        EmptyMainWindow window = EmptyMainWindow.show(stage, tasks);
        model = window.model();
        view = window.view();
        scene = window.scene();
    }

    @AfterEach
    void stop() throws Exception {
        tasks.close();
        FxTesting.onFx(() -> Application.setUserAgentStylesheet(themeBefore));
    }

    @Test
    void theWindowStartsWithTheStandInAndItLooksLikeTheRealBarLightAndDark(FxRobot robot) throws Exception {
        // Away from the titles: a title under the mouse is drawn highlighted.
        robot.moveTo(FxTesting.onFx(() -> scene.lookup(".placeholder-text")));
        assertThat(FxTesting.onFx(() -> scene.getRoot().lookup(".menu-bar"))).isNotInstanceOf(MenuBar.class);
        WritableImage standInLight = FxTesting.onFx(() -> scene.snapshot(null));
        FxTesting.screenshot(scene, "menu-bar-stand-in-light");
        FxTesting.onFx(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WritableImage standInDark = FxTesting.onFx(() -> scene.snapshot(null));

        FxTesting.onFx(view::realizeMenuBar);
        Node real = FxTesting.onFx(() -> scene.getRoot().lookup(".menu-bar"));
        assertThat(real).isInstanceOf(MenuBar.class);
        Bounds bar = FxTesting.onFx(() -> real.localToScene(real.getLayoutBounds()));
        WritableImage realDark = FxTesting.onFx(() -> scene.snapshot(null));
        FxTesting.onFx(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
        WritableImage realLight = FxTesting.onFx(() -> scene.snapshot(null));
        FxTesting.screenshot(scene, "menu-bar-real-light");

        // The menu bar's rows and the row under it (a taller or shorter stand-in would move everything below).
        int rows = (int) Math.ceil(bar.getMaxY()) + 1;
        assertThat(rows).isGreaterThan(20);
        assertThat(differingPixels(standInLight, realLight, rows)).as("light theme").isZero();
        assertThat(differingPixels(standInDark, realDark, rows)).as("dark theme").isZero();
    }

    @Test
    void aClickOnATitleBeforeTheRealBarIsInPlaceOpensThatMenu(FxRobot robot) throws Exception {
        assertStandInInPlace();
        Node roomTitle = FxTesting.onFx(() -> scene.getRoot().lookupAll(".menu-bar .label").stream()
                .filter(n -> n instanceof Label l && "_Room".equals(l.getText())).findFirst().orElseThrow());
        robot.clickOn(roomTitle);
        assertRealMenuShows("_Room");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void aShortcutPressedBeforeTheRealBarIsInPlaceIsNotLost(FxRobot robot) throws Exception {
        assertStandInInPlace();
        assertThat(FxTesting.onFx(() -> model.darkTheme().get())).isFalse();
        // Shortcut+Shift+L: View > Dark theme, a menu item of the real bar.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(FxTesting.waitFor(10, () -> model.darkTheme().get())).isTrue();
        assertThat(FxTesting.onFx(() -> scene.getRoot().lookup(".menu-bar"))).isInstanceOf(MenuBar.class);
        // Once only: the press handed on to the real bar toggled the theme once, and the next press works as usual.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(FxTesting.waitFor(10, () -> !model.darkTheme().get())).isTrue();
    }

    @Test
    void aKeyWithoutModifiersIsHandedOnToTheRealBar(FxRobot robot) throws Exception {
        assertStandInInPlace();
        // F1 is Help > Keyboard shortcuts: the very press that puts the real bar in place must still open it.
        robot.press(KeyCode.F1).release(KeyCode.F1);
        assertThat(FxTesting.waitFor(10, () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && "Keyboard shortcuts".equals(s.getTitle())))).isTrue();
        FxTesting.onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && "Keyboard shortcuts".equals(s.getTitle())).toList()
                .forEach(Window::hide));
    }

    @Test
    void aMnemonicTypedBeforeTheRealBarIsInPlaceOpensItsMenu(FxRobot robot) throws Exception {
        assertStandInInPlace();
        robot.press(KeyCode.ALT).press(KeyCode.R).release(KeyCode.R).release(KeyCode.ALT);
        assertRealMenuShows("_Room");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void realizingTwiceKeepsOneMenuBar() throws Exception {
        FxTesting.onFx(view::realizeMenuBar);
        FxTesting.onFx(view::realizeMenuBar);
        assertThat(FxTesting.onFx(() -> scene.getRoot().lookupAll(".menu-bar"))).singleElement()
                .isInstanceOf(MenuBar.class);
    }

    private void assertRealMenuShows(String title) throws Exception {
        MenuBar real = FxTesting.onFx(() -> (MenuBar) scene.getRoot().lookup(".menu-bar"));
        Menu menu = FxTesting.onFx(() -> real.getMenus().stream().filter(m -> title.equals(m.getText()))
                .findFirst().orElseThrow());
        assertThat(FxTesting.waitFor(10, menu::isShowing)).as("%s showing", title).isTrue();
    }

    private void assertStandInInPlace() throws Exception {
        assertThat(FxTesting.onFx(() -> scene.getRoot().lookup(".menu-bar"))).isNotNull()
                .isNotInstanceOf(MenuBar.class);
    }

    private static long differingPixels(WritableImage a, WritableImage b, int rows) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        PixelReader left = a.getPixelReader();
        PixelReader right = b.getPixelReader();
        long differing = 0;
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (left.getArgb(x, y) != right.getArgb(x, y)) {
                    differing++;
                }
            }
        }
        return differing;
    }
}
