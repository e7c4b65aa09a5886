package org.chamberlain.views.dialogs;

import javafx.beans.value.ChangeListener;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * Puts a dialog over the middle of its owner once the dialog knows its size.
 *
 * <p>JavaFX centres a dialog from its content's preferred size just before showing it. In the app that size was
 * still 0 at that moment (no skins yet; seen under Xvfb with openbox, JavaFX 21), so JavaFX left the position
 * unset and the window manager put the dialog in the top left corner with its title bar off screen. Only
 * then does the window get its real size; this places it there, once, and never fights the person moving it.
 */
public final class DialogPlacement {

    private DialogPlacement() {
    }

    /**
     * Makes {@code owner} (may be null: then the dialog has none and is left where JavaFX puts it) the dialog's
     * owner, and places the dialog over it once shown. Call before showing, on the FX thread.
     */
    public static void ownedBy(Dialog<?> dialog, Window owner) {
        if (owner == null) {
            return;
        }
        dialog.initOwner(owner);
        overOwner(dialog);
    }

    private static void overOwner(Dialog<?> dialog) {
        Window window = dialog.getDialogPane().getScene().getWindow();
        ChangeListener<Number> sized = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> value, Number old, Number now) {
                Window owner = dialog.getOwner();
                if (owner == null || Double.isNaN(window.getWidth()) || Double.isNaN(window.getHeight())
                        || Double.isNaN(owner.getX()) || Double.isNaN(owner.getWidth())) {
                    return;
                }
                window.widthProperty().removeListener(this);
                window.heightProperty().removeListener(this);
                if (insideOwner(window, owner)) {
                    return;
                }
                window.setX(owner.getX() + (owner.getWidth() - window.getWidth()) / 2);
                window.setY(owner.getY() + (owner.getHeight() - window.getHeight()) / 2);
            }
        };
        window.widthProperty().addListener(sized);
        window.heightProperty().addListener(sized);
    }

    /** JavaFX's own placement already worked: the dialog's middle is over its owner. */
    private static boolean insideOwner(Window window, Window owner) {
        if (Double.isNaN(window.getX()) || Double.isNaN(window.getY())) {
            return false;
        }
        double middleX = window.getX() + window.getWidth() / 2;
        double middleY = window.getY() + window.getHeight() / 2;
        return window.getX() >= owner.getX() - 1 && window.getY() >= owner.getY() - 1
                && middleX <= owner.getX() + owner.getWidth() && middleY <= owner.getY() + owner.getHeight();
    }
}
