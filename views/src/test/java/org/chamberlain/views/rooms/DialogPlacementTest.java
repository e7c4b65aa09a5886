package org.chamberlain.views.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every room dialog opens over the middle of the main window, wherever that window is, even when JavaFX's own
 * placement left it in the top left corner (what the app's dialogs did under Xvfb with openbox; see
 * DialogPlacement: here the corner is forced, since Monocle has no window manager to leave it there).
 */
@ExtendWith(ApplicationExtension.class)
class DialogPlacementTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(), 1198, 735));
        stage.setX(41);
        stage.setY(44);
        stage.show();
    }

    @Test
    void theRoomDialogsOpenCentredOnTheirOwner() throws Exception {
        String room = "lobby@conference.example.org";
        List<Dialog<?>> dialogs = new ArrayList<>();
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
            dialogs.add(RoomDialogs.destroyDialog(stage, room));
            dialogs.add(RoomDialogs.inviteDialog(stage, room));
            dialogs.add(RoomDialogs.createDialog(stage, "conference.example.org", "owner"));
        }));
        for (Dialog<?> dialog : dialogs) {
            WaitForAsyncUtils.asyncFx(() -> {
                Window window = dialog.getDialogPane().getScene().getWindow();
                window.setX(0);
                window.setY(0);
                dialog.show();
            }).get(5, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            Window window = dialog.getDialogPane().getScene().getWindow();
            Rectangle2D owner = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            double centreX = window.getX() + window.getWidth() / 2;
            double centreY = window.getY() + window.getHeight() / 2;
            assertThat(centreX).as(dialog.getTitle() + " x").isCloseTo(owner.getMinX() + owner.getWidth() / 2,
                    org.assertj.core.data.Offset.offset(40.0));
            assertThat(centreY).as(dialog.getTitle() + " y").isCloseTo(owner.getMinY() + owner.getHeight() / 2,
                    org.assertj.core.data.Offset.offset(60.0));
            WaitForAsyncUtils.asyncFx(() -> dialog.getDialogPane().getScene().getWindow().hide()).get(5,
                    TimeUnit.SECONDS);
        }
    }
}
