package org.chamberlain.views.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import org.chamberlain.app.AccountSession;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.forms.ConfigurationAuditor;
import org.chamberlain.app.forms.FormDefinition;
import org.chamberlain.app.forms.RoomConfigurationService;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.chamberlain.views.main.Shortcuts;
import org.chamberlain.views.main.SidebarTree;
import org.chamberlain.views.rooms.AdminDestroyViewModel;
import org.chamberlain.views.rooms.RoomCommands;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The join, create-"configure now" and server-admin destroy dialogs, driven through the real window
 * (menus, sidebar actions, dialog fields and buttons) against a real Prosody; the server's state is checked
 * through app/ services or Smack, not through the UI.
 */
@WithProsody
class RoomDialogsWorkflowTest {

    @Test
    void joinAPasswordProtectedRoomWrongPasswordFirstThenTheRightOne(TestServer server, @TempDir Path config)
            throws Exception {
        String room = "locked-door@" + server.mucService();
        XMPPTCPConnection setup = AppHarness.connect(server, "owner");
        MultiUserChat ownerInRoom = AppHarness.createRoom(setup, room, "Owner");
        RoomConfigurationService configuration = new RoomConfigurationService(setup, ConfigurationAuditor.NONE);
        FormDefinition form = configuration.fetch(room);
        configuration.submit(room, form, form.initialAnswers().withText("muc#roomconfig_roomsecret", "s3cret"));
        try (AppHarness app = AppHarness.start(server, config, "bob")) {
            MenuItem join = menuItem(app, "menu-join");
            assertThat(join.getAccelerator()).isEqualTo(Shortcuts.JOIN_ROOM);
            // The sidebar's right-click "Join…" on the room, as after discovery.
            app.onFx(() -> app.app().sidebarActions(server.jid("bob"), new SidebarTree.Room(room, null,
                    SidebarTree.RoomSource.DISCOVERED)).stream().filter(i -> "sidebar-join".equals(i.getId()))
                    .findFirst().orElseThrow().fire());
            TextField address = (TextField) app.lookupInWindows("#join-room");
            assertThat(address.getText()).isEqualTo(room);
            app.waitFor("the room says it wants a password", () -> ((Label) app.lookupInWindows("#join-room-note"))
                    .getText().contains("Protected by a password"));
            Node joinButton = app.lookupInWindows("#join-button");
            assertThat(joinButton.isDisabled()).as("Join without the password the room asks for").isTrue();

            PasswordField password = (PasswordField) app.lookupInWindows("#join-password");
            app.onFx(() -> {
                ((TextField) app.lookupInWindows("#join-nickname")).setText("Bobby");
                password.setText("wrong");
            });
            app.onFx(() -> ((Button) joinButton).fire());
            Label problem = (Label) app.lookupInWindows("#join-problem");
            app.waitFor("the refusal in the dialog", () -> !problem.getText().isEmpty());
            assertThat(problem.getText()).isEqualTo("Wrong password: " + room
                    + " did not accept it. Check it and press Join again.").doesNotContain("not-authorized");
            assertThat(address.getText()).isEqualTo(room);
            assertThat(((TextField) app.lookupInWindows("#join-nickname")).getText()).isEqualTo("Bobby");
            assertThat(password.getText()).isEqualTo("wrong");
            assertThat(password.getScene().getFocusOwner()).as("focus on the field to fix").isSameAs(password);
            app.screenshotOfWindows("join-dialog-wrong-password");
            assertThat(ownerInRoom.getOccupants()).noneMatch(o -> o.getResourceOrEmpty().toString().equals("Bobby"));

            app.onFx(() -> password.setText("s3cret"));
            assertThat(problem.getText()).as("typing a new password clears the stale problem").isEmpty();
            app.onFx(() -> ((Button) joinButton).fire());
            app.waitFor("the room tab", () -> app.app().workspace(room) != null);
            app.waitFor("bob listed as joined", () -> app.app().workspace(room).occupants().joined().get());
            assertThat(joinButton.getScene() == null || !joinButton.getScene().getWindow().isShowing())
                    .as("the dialog closed").isTrue();
            assertThat(ownerInRoom.getOccupants()).anyMatch(o -> o.getResourceOrEmpty().toString().equals("Bobby"));
            app.waitFor("the occupants", () -> app.app().workspace(room).occupants().occupants().size() == 2);
            assertThat(app.app().notifications().history()).as("one notification per join")
                    .filteredOn(n -> n.title().equals("Joined")).hasSize(1);
            app.screenshot("joined-with-password");

            // Joining again would make Smack leave and re-enter; the dialog says we are in already.
            app.onFx(() -> app.app().showJoinDialog(Optional.of(room)));
            app.onFx(() -> {
                ((PasswordField) app.lookupInWindows("#join-password")).setText("s3cret");
                ((Button) app.lookupInWindows("#join-button")).fire();
            });
            Label again = (Label) app.lookupInWindows("#join-problem");
            app.waitFor("the already-joined answer", () -> !again.getText().isEmpty());
            assertThat(again.getText()).isEqualTo("You are already in " + room + "; its tab shows who is there.");
            assertThat(ownerInRoom.getOccupants()).hasSize(2);
        } finally {
            ownerInRoom.leave();
            setup.disconnect();
        }
    }

    @Test
    void joinRefusalsAreWordedForPeople(TestServer server, @TempDir Path config) throws Exception {
        String room = "full-names@" + server.mucService();
        XMPPTCPConnection setup = AppHarness.connect(server, "owner");
        MultiUserChat ownerInRoom = AppHarness.createRoom(setup, room, "Owner");
        try (AppHarness app = AppHarness.start(server, config, "bob")) {
            // The keyboard shortcut, as a person presses it (Shortcut = Ctrl on Linux).
            app.onFx(() -> app.scene().getWindow().requestFocus());
            new org.testfx.api.FxRobot().press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.J)
                    .release(javafx.scene.input.KeyCode.J, javafx.scene.input.KeyCode.CONTROL);
            app.waitFor("the join dialog", () -> javafx.stage.Window.getWindows().stream()
                    .anyMatch(w -> w.getScene() != null && w.getScene().lookup("#join-room") != null));
            TextField address = (TextField) app.lookupInWindows("#join-room");
            assertThat(address.getText()).as("prefilled with the service").isEqualTo("@" + server.mucService());
            app.onFx(() -> {
                address.setText("full-names");
                ((TextField) app.lookupInWindows("#join-nickname")).setText("Owner");
                ((Button) app.lookupInWindows("#join-button")).fire();
            });
            Label problem = (Label) app.lookupInWindows("#join-problem");
            app.waitFor("the nickname conflict", () -> !problem.getText().isEmpty());
            assertThat(problem.getText()).isEqualTo("Someone in " + room
                    + " already uses the nickname \u201cOwner\u201d. Choose another nickname.");
            assertThat(address.getText()).isEqualTo("full-names");
            app.screenshotOfWindows("join-dialog-nickname-taken");
        } finally {
            ownerInRoom.leave();
            setup.disconnect();
        }
    }

    @Test
    void createWithConfigureNowKeepsTheRoomLockedUntilSubmitted(TestServer server, @TempDir Path config)
            throws Exception {
        String room = "planned@" + server.mucService();
        try (AppHarness.Person carol = AppHarness.person(server, "carol");
                AppHarness app = AppHarness.start(server, config, "owner")) {
            app.onFx(() -> menuItem(app, "menu-new-room").fire());
            app.onFx(() -> {
                ((TextField) app.lookupInWindows("#create-room-name")).setText("planned");
                ((RadioButton) app.lookupInWindows("#create-configure-now")).setSelected(true);
            });
            app.screenshotOfWindows("create-dialog");
            app.onFx(app::pressDefaultButtonOfDialog);
            app.waitFor("the configuration of the locked room", () -> app.app().workspace(room) != null
                    && app.app().workspace(room).configuration().locked().get()
                    && app.app().workspace(room).configuration().form().get() != null);

            assertThatThrownBy(() -> carol.session().rooms().join(room, "Carol", Optional.empty()))
                    .as("others cannot enter while it is locked")
                    .isInstanceOfSatisfying(ModerationException.class, e -> assertThat(e.condition())
                            .isEqualTo(ModerationException.Condition.ITEM_NOT_FOUND));
            app.onFx(() -> ((TextField) app.scene().lookup("#field-muc_roomconfig_roomname")).setText("Planned"));
            Button create = (Button) app.scene().lookup("#configuration-apply");
            assertThat(create.getText()).isEqualTo("Create room");
            assertThat(app.scene().lookup("#configuration-locked").getParent().isVisible()).isTrue();
            app.screenshot("configure-now");

            app.onFx(create::fire);
            app.waitFor("the room open", () -> !app.app().workspace(room).configuration().locked().get()
                    && !app.app().workspace(room).configuration().busy().get());
            carol.session().rooms().join(room, "Carol", Optional.empty());
            assertThat(carol.session().rooms().info(room).name()).contains("Planned");
            assertThat(app.scene().lookup("#configuration-locked").getParent().isVisible()).isFalse();
            assertThat(create.getText()).isEqualTo("Apply");
            app.screenshot("configure-now-opened");
        }
    }

    @Test
    void cancellingAConfigureNowCreationDestroysTheLockedRoom(TestServer server, @TempDir Path config)
            throws Exception {
        String room = "second-thoughts@" + server.mucService();
        try (AppHarness.Person carol = AppHarness.person(server, "carol");
                AppHarness app = AppHarness.start(server, config, "owner")) {
            app.onFx(() -> menuItem(app, "menu-new-room").fire());
            app.onFx(() -> {
                ((TextField) app.lookupInWindows("#create-room-name")).setText("second-thoughts");
                ((RadioButton) app.lookupInWindows("#create-configure-now")).setSelected(true);
                app.pressDefaultButtonOfDialog();
            });
            app.waitFor("the locked room", () -> app.app().workspace(room) != null
                    && app.app().workspace(room).configuration().locked().get());
            app.onFx(() -> ((Button) app.scene().lookup("#configuration-cancel-creation")).fire());
            app.waitFor("the tab closed", () -> !app.app().mainModel().openRooms().contains(
                    new org.chamberlain.views.main.RoomTab(server.jid("owner"), room)));
            assertThatThrownBy(() -> carol.session().rooms().info(room))
                    .isInstanceOfSatisfying(ModerationException.class, e -> assertThat(e.condition())
                            .isEqualTo(ModerationException.Condition.ITEM_NOT_FOUND));
        }
    }

    @Test
    void aServerAdminDestroysRoomsFromTheServiceView(TestServer server, @TempDir Path config) throws Exception {
        String first = "old-project@" + server.mucService();
        String second = "older-project@" + server.mucService();
        String kept = "still-used@" + server.mucService();
        XMPPTCPConnection setup = AppHarness.connect(server, "owner");
        MultiUserChat firstRoom = AppHarness.createRoom(setup, first, "Owner");
        AppHarness.createRoom(setup, second, "Owner");
        MultiUserChat keptRoom = AppHarness.createRoom(setup, kept, "Owner");
        SidebarTree.Service service = new SidebarTree.Service(server.mucService(), List.of());
        try (AppHarness app = AppHarness.start(server, config, "admin", "dave")) {
            app.waitFor("the admin command found", () -> hasAdminDestroy(app, server.jid("admin"), service));
            app.waitFor("dave's services listed", () -> app.app().mainModel().sidebar().get().stream()
                    .anyMatch(a -> a.jid().equals(server.jid("dave")) && !a.services().isEmpty()));
            assertThat(hasAdminDestroy(app, server.jid("dave"), service)).as("offered to a non-admin").isFalse();
            SidebarTree.Room keptRow = new SidebarTree.Room(kept, null, SidebarTree.RoomSource.DISCOVERED);
            assertThat(actionIds(app, server.jid("admin"), keptRow)).contains("sidebar-admin-destroy-room");
            assertThat(actionIds(app, server.jid("dave"), keptRow)).doesNotContain("sidebar-admin-destroy-room");

            app.onFx(() -> app.app().sidebarActions(server.jid("admin"), service).stream()
                    .filter(i -> "sidebar-admin-destroy".equals(i.getId())).findFirst().orElseThrow().fire());
            @SuppressWarnings("unchecked")
            ListView<AdminDestroyViewModel.Choice> list = (ListView<AdminDestroyViewModel.Choice>) app
                    .lookupInWindows("#admin-destroy-rooms");
            app.waitFor("the service's rooms listed, hidden ones too", () -> list.getItems().stream()
                    .map(AdminDestroyViewModel.Choice::room).toList().containsAll(List.of(first, second, kept)));
            app.onFx(() -> app.lookupInWindowsAll(".check-box").stream().map(CheckBox.class::cast)
                    .filter(box -> box.getText().equals(first) || box.getText().equals(second))
                    .forEach(box -> box.setSelected(true)));
            assertThat(list.getItems().stream().filter(c -> c.selected().get()).map(
                    AdminDestroyViewModel.Choice::room)).containsExactlyInAnyOrder(first, second);
            Button destroy = (Button) app.lookupInWindows("#admin-destroy-button");
            app.onFx(destroy::fire);
            Label status = (Label) app.lookupInWindows("#admin-destroy-status");
            assertThat(status.getText()).startsWith("Destroy these 2 rooms? ").contains(first, second)
                    .doesNotContain(kept);
            assertThat(destroy.getText()).isEqualTo("Destroy 2 rooms");
            app.screenshotOfWindows("admin-destroy-confirm");

            app.onFx(destroy::fire);
            app.waitFor("the results", () -> status.getText().startsWith("Destroyed "));
            assertThat(status.getText()).isEqualTo("Destroyed 2 of 2 rooms.");
            assertThat(list.getItems()).filteredOn(c -> c.selected().get()).allSatisfy(c -> assertThat(
                    c.outcome().get()).isEqualTo(AdminDestroyViewModel.Outcome.DESTROYED));
            app.screenshotOfWindows("admin-destroy-results");

            AccountSession dave = app.app().sessions().session(server.jid("dave")).orElseThrow();
            for (String gone : List.of(first, second)) {
                assertThatThrownBy(() -> dave.rooms().info(gone)).isInstanceOfSatisfying(ModerationException.class,
                        e -> assertThat(e.condition()).isEqualTo(ModerationException.Condition.ITEM_NOT_FOUND));
            }
            assertThat(dave.rooms().info(kept).room()).isEqualTo(kept);
            assertThat(firstRoom.isJoined()).as("the owner was removed from the destroyed room").isFalse();
            assertThat(keptRoom.isJoined()).isTrue();

            // A non-admin who gets to the command anyway (no menu offers it) is told plainly.
            AdminDestroyViewModel[] refused = new AdminDestroyViewModel[1];
            app.onFx(() -> {
                refused[0] = new AdminDestroyViewModel(app.app().mainModel().taskRunner(),
                        RoomCommands.adminDestroyGateway(dave), server.mucService());
                refused[0].load(List.of(kept), java.util.Set.of(kept));
            });
            app.waitFor("dave's list", () -> !refused[0].busy().get());
            app.onFx(() -> {
                refused[0].destroyPressed(destroyed -> { });
                refused[0].destroyPressed(destroyed -> { });
            });
            app.waitFor("dave's refusal", () -> !refused[0].busy().get()
                    && refused[0].status().get().startsWith("You are not"));
            assertThat(refused[0].status().get()).isEqualTo("You are not an administrator of " + server.mucService()
                    + ": it does not offer you its room-destruction command.");
            assertThat(dave.rooms().info(kept).room()).isEqualTo(kept);
        } finally {
            if (keptRoom.isJoined()) {
                keptRoom.leave();
            }
            setup.disconnect();
        }
    }

    private static boolean hasAdminDestroy(AppHarness app, String account, SidebarTree.Service service)
            throws Exception {
        return org.testfx.util.WaitForAsyncUtils.waitFor(org.testfx.util.WaitForAsyncUtils.asyncFx(
                () -> app.app().sidebarActions(account, service).stream()
                        .anyMatch(i -> "sidebar-admin-destroy".equals(i.getId()))));
    }

    private static List<String> actionIds(AppHarness app, String account, Object row) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.waitFor(org.testfx.util.WaitForAsyncUtils.asyncFx(
                () -> app.app().sidebarActions(account, row).stream().map(MenuItem::getId).toList()));
    }

    /** A menu item of the main window's menu bar, by id. */
    private static MenuItem menuItem(AppHarness app, String id) {
        MenuBar bar = (MenuBar) app.scene().lookup(".menu-bar");
        for (Menu menu : bar.getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (id.equals(item.getId())) {
                    return item;
                }
            }
        }
        throw new AssertionError("No menu item " + id);
    }
}
