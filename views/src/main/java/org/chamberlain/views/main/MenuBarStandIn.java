package org.chamberlain.views.main;

import java.util.function.Consumer;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * Draws the window's menu bar without its skins until the first frame is on the screen. A real menu bar makes,
 * before anything is drawn, a button per menu, each with a behaviour, key bindings and a popup window: about
 * a fifth of the FX thread's work for the first frame (docs/benchmarks.md, "Start-up, the first screen built
 * beside the theme"). The stand-in has the same nodes and style classes that the theme styles, so it is drawn
 * pixel for pixel the same (MenuBarStandInTest), and the real bar takes its place right after the first frame
 * ({@link #realize}).
 *
 * <p>Nothing typed or clicked before then is lost: the first key pressed anywhere in the window, or a mouse
 * button pressed on a menu title, puts the real bar in place at once and then hands it that same press, so
 * shortcuts, Alt and F10 and mnemonics work as they do on the real bar. FX thread.
 */
final class MenuBarStandIn {
    private final MenuBar real;
    private final Consumer<Node> place;
    private final HBox node = new HBox();
    private final EventHandler<KeyEvent> firstKey = this::onFirstKey;
    private Scene listeningTo;
    private boolean realized;

    /**
     * @param real the menu bar that replaces the stand-in
     * @param place puts a node where the stand-in is (and then the real bar in its place)
     */
    MenuBarStandIn(MenuBar real, Consumer<Node> place) {
        this.real = real;
        this.place = place;
        // MenuBar > its skin's HBox "container" > a MenuButton "menu-button menu" per visible menu > its label and
        // its arrow: the nodes the theme's `.menu-bar > .container > .menu-button > …` rules style.
        HBox container = new HBox();
        container.getStyleClass().add("container");
        for (Menu menu : real.getMenus()) {
            if (!menu.isVisible()) {
                continue;
            }
            Label title = new Label();
            title.textProperty().bind(menu.textProperty());
            title.setMnemonicParsing(true);
            // The theme gives the (transparent) arrow a minimum width, which the real button's width includes.
            StackPane arrow = new StackPane();
            arrow.getStyleClass().add("arrow");
            StackPane arrowButton = new StackPane(arrow);
            arrowButton.getStyleClass().add("arrow-button");
            HBox button = new HBox(title, arrowButton);
            button.getStyleClass().addAll("menu-button", "menu");
            button.disableProperty().bind(menu.disableProperty());
            button.setOnMousePressed(e -> {
                e.consume();
                realize();
                menu.show();
            });
            container.getChildren().add(button);
        }
        node.getStyleClass().add("menu-bar");
        node.getChildren().add(container);
        node.sceneProperty().addListener((obs, old, scene) -> listenTo(scene));
    }

    Node node() {
        return node;
    }

    /** Puts the real menu bar in place and styles it now; does nothing the second time. */
    void realize() {
        if (realized) {
            return;
        }
        realized = true;
        listenTo(null);
        place.accept(real);
        // Skins now, not at the next pulse: a menu shown or a key handed on right after this needs them.
        real.applyCss();
        if (real.getScene() != null) {
            real.getScene().getRoot().layout();
        }
    }

    private void listenTo(Scene scene) {
        if (listeningTo != null) {
            listeningTo.removeEventFilter(KeyEvent.KEY_PRESSED, firstKey);
        }
        listeningTo = realized ? null : scene;
        if (listeningTo != null) {
            listeningTo.addEventFilter(KeyEvent.KEY_PRESSED, firstKey);
        }
    }

    /** The first key press: the real bar registers its shortcuts and mnemonics, then gets the press again. */
    private void onFirstKey(KeyEvent press) {
        press.consume();
        realize();
        Event.fireEvent(press.getTarget(), press.copyFor(press.getSource(), press.getTarget()));
    }
}
