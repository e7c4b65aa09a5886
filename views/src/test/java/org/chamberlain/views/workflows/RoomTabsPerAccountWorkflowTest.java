package org.chamberlain.views.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import org.chamberlain.app.events.RoomMessage;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.chamberlain.views.main.RoomTab;
import org.chamberlain.views.rooms.RoomWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two accounts of the app open the same room: each gets its own tab, and what is done on alice's tab is done
 * as alice (seen on the server: by another person in the room and by the owner's view of the occupants), never
 * as the owner whose tab of the room was open first.
 */
@WithProsody
class RoomTabsPerAccountWorkflowTest {

    @Test
    void theSameRoomOpenAsTwoAccountsIsTwoTabsEachActingAsItsAccount(TestServer server, @TempDir Path config)
            throws Exception {
        String room = "two-hats@" + server.mucService();
        String owner = server.jid("owner");
        String alice = server.jid("alice");
        try (AppHarness.Person bob = AppHarness.person(server, "bob");
                AppHarness app = AppHarness.start(server, config, "owner", "alice")) {
            app.app().sessions().session(owner).orElseThrow().rooms().createInstant(room, "owner");
            bob.session().rooms().join(room, "Bob", Optional.empty());
            app.onFx(() -> app.app().mainModel().openRoom(owner, room));
            app.waitFor("the owner's tab", () -> app.app().workspace(owner, room) != null);
            app.onFx(() -> app.app().mainModel().openRoom(alice, room));
            app.waitFor("alice's tab", () -> app.app().workspace(alice, room) != null);

            TabPane tabs = (TabPane) app.scene().lookup("#workspace");
            assertThat(tabs.getTabs()).extracting(Tab::getText).containsExactly("two-hats \u00b7 owner",
                    "two-hats \u00b7 alice");
            assertThat(tabs.getTabs().get(1).getTooltip().getText()).isEqualTo(room + "\nas " + alice);
            assertThat(app.app().workspace(alice, room)).isNotSameAs(app.app().workspace(owner, room));
            assertThat(app.app().mainModel().activeAccount().get()).as("the tab in front acts").isEqualTo(alice);
            assertThat(((Label) app.scene().lookup("#status-connection")).getText()).startsWith(alice);

            // Alice is not in the room yet: her Occupants tab offers the join dialog, as alice.
            app.joinThroughOccupantsTab();
            RoomWorkspace alicesTab = app.app().workspace(alice, room);
            RoomWorkspace ownersTab = app.app().workspace(owner, room);
            app.waitFor("alice joined", () -> alicesTab.occupants().joined().get());
            app.onFx(() -> ownersTab.occupants().refresh());
            app.waitFor("the owner sees alice's real address", () -> ownersTab.occupants().occupants().stream()
                    .anyMatch(o -> o.nickname().equals("alice") && o.realJid().orElse("").startsWith(alice)));

            // A message sent on alice's tab comes from alice.
            app.onFx(() -> alicesTab.select(3));
            app.waitFor("alice's chat input", () -> app.shown("#chat-input") != null
                    && !app.shown("#chat-input").isDisabled());
            app.onFx(() -> {
                ((TextArea) app.shown("#chat-input")).setText("Hello from alice's own tab");
                ((Button) app.shown("#chat-send")).fire();
            });
            app.waitFor("bob got it from alice", () -> bob.events().stream().anyMatch(e -> e instanceof RoomMessage m
                    && m.body().equals("Hello from alice's own tab") && m.nickname().equals(Optional.of("alice"))));

            // The member lists are for owners and admins: alice's tab is refused, the owner's tab loads them.
            app.onFx(() -> alicesTab.select(1));
            app.waitFor("alice refused the lists", () -> !alicesTab.members().busy().get()
                    && !alicesTab.members().status().get().isEmpty());
            assertThat(alicesTab.members().loaded().get()).isFalse();
            app.screenshot("room-tabs-alice");
            app.onFx(() -> app.app().mainModel().selectedRoom().set(new RoomTab(owner, room)));
            assertThat(app.app().mainModel().activeAccount().get()).isEqualTo(owner);
            app.onFx(() -> ownersTab.select(1));
            app.waitFor("the owner's lists", () -> ownersTab.members().loaded().get());

            // Closing the owner's tab leaves alice's.
            app.onFx(() -> app.app().mainModel().closeRoom(owner, room));
            assertThat(app.app().mainModel().openRooms()).containsExactly(new RoomTab(alice, room));
            assertThat(tabs.getTabs()).extracting(Tab::getText).containsExactly("two-hats \u00b7 alice");
            assertThat(app.app().workspace(alice, room)).isSameAs(alicesTab);

            // Destroyed by the owner (through app/): alice's tab closes when she hears of it.
            app.app().sessions().session(owner).orElseThrow().destruction()
                    .destroy(room, Optional.of("done"), Optional.empty());
            app.waitFor("alice's tab closed", () -> app.app().mainModel().openRooms().isEmpty());
            assertThat(tabs.getTabs()).noneMatch(t -> t.getUserData() instanceof RoomTab);
            assertThat(List.copyOf(app.app().mainModel().openRooms())).isEmpty();
        }
    }

    @Test
    void tabsComeBackWithTheirAccountsAfterARestartAndOldPlainRoomsOpenAsTheActiveAccount(TestServer server,
            @TempDir Path config) throws Exception {
        String lobby = "lobby@" + server.mucService();
        String old = "old-format@" + server.mucService();
        String owner = server.jid("owner");
        String alice = server.jid("alice");
        // As an older version wrote it (plain room JID), next to one tab remembered with its account.
        java.nio.file.Files.writeString(config.resolve("window.properties"),
                "rooms.open=" + alice + ">" + lobby + " " + old + "\n");
        try (AppHarness app = AppHarness.start(server, config, "owner", "alice")) {
            app.waitFor("both tabs filled once their accounts are online", () -> app.app().workspace(alice, lobby)
                    != null && app.app().workspace(owner, old) != null);
            assertThat(app.app().mainModel().openRooms()).containsExactly(new RoomTab(alice, lobby),
                    new RoomTab(owner, old));
            assertThat(app.app().mainModel().activeAccount().get()).isEqualTo(owner);
        }
        assertThat(java.nio.file.Files.readString(config.resolve("window.properties")))
                .contains(alice + ">" + lobby).contains(owner + ">" + old)
                .containsPattern("sidebar.width=[0-9]");
    }
}
