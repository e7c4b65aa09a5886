package org.chamberlain.views.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.chamberlain.views.main.RoomTab;
import org.chamberlain.views.main.SidebarTree;
import org.chamberlain.views.shell.AccountProfile;
import org.chamberlain.views.shell.StartupOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's first screen: the owner creates the lobby and opens it, and the two other accounts join it, so
 * there is someone to moderate. Switching to one of them in the sidebar must show the lobby under that account
 * too, because that account really is in the room.
 */
@WithProsody
class DemoRoomWorkflowTest {

    @Test
    void theOwnerOpensTheLobbyAndEveryOtherAccountListsItAfterJoining(TestServer server, @TempDir Path config)
            throws Exception {
        List<AccountProfile> accounts = List.of("owner", "alice", "bob").stream()
                .map(l -> new AccountProfile(server.jid(l), "password", server.host(), server.port(), true))
                .toList();
        String lobby = "lobby@" + server.mucService();
        StartupOptions options = new StartupOptions(accounts, server.jid("owner"), config, "Sandbox",
                List.of(server.mucService()), config.resolve("audit.jsonl"), lobby, null);
        try (AppHarness app = AppHarness.start(options)) {
            app.waitFor("the lobby open as the owner", () -> app.app().mainModel().openRooms()
                    .contains(new RoomTab(server.jid("owner"), lobby)));
            for (String guest : List.of("alice", "bob")) {
                app.waitFor(guest + "'s sidebar lists the lobby", () -> roomsListedFor(app, server.jid(guest))
                        .contains(lobby));
            }
            app.waitFor("alice and bob in the owner's occupant list", () -> app.app()
                    .workspace(server.jid("owner"), lobby).occupants().occupants().stream()
                    .filter(o -> o.nickname().equals("alice") || o.nickname().equals("bob")).count() == 2);
            assertThat(roomsListedFor(app, server.jid("owner"))).containsExactly(lobby);
        }
    }

    private static List<String> roomsListedFor(AppHarness app, String account) {
        return app.app().mainModel().sidebar().get().stream()
                .filter(a -> a.jid().equals(account))
                .flatMap(a -> a.services().stream())
                .flatMap(s -> s.rooms().stream())
                .map(SidebarTree.Room::jid)
                .toList();
    }
}
