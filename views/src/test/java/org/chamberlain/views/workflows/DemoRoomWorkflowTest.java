package org.chamberlain.views.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.chamberlain.app.affiliations.Affiliation;
import org.chamberlain.app.affiliations.AffiliationAuditor;
import org.chamberlain.app.affiliations.AffiliationChangeSet;
import org.chamberlain.app.affiliations.AffiliationService;
import org.chamberlain.app.forms.ConfigurationAuditor;
import org.chamberlain.app.forms.FormDefinition;
import org.chamberlain.app.forms.RoomConfigurationService;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.chamberlain.views.main.RoomTab;
import org.chamberlain.views.main.SidebarTree;
import org.chamberlain.views.notifications.Notification;
import org.chamberlain.views.shell.AccountProfile;
import org.chamberlain.views.shell.StartupOptions;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

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

            // Made elsewhere (the owner's other client), seen by all three accounts of the app: one card.
            XMPPTCPConnection ownersPhone = AppHarness.connect(server, "owner");
            try {
                AffiliationService affiliations = new AffiliationService(ownersPhone, AffiliationAuditor.NONE);
                affiliations.apply(lobby, AffiliationChangeSet.against(affiliations.fetch(lobby))
                        .add(server.jid("alice"), Affiliation.MEMBER, "team"), false);
                app.waitFor("the owner's card", () -> !aliceCards(app).isEmpty());
                Thread.sleep(1500);
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(aliceCards(app)).extracting(Notification::message).containsExactly(server.jid("alice")
                        + " is now a member in " + lobby + " (was none): \u201cteam\u201d.");

                // Members-only: bob, not a member, has to leave; his sidebar keeps the lobby, marked as left.
                RoomConfigurationService configuration = new RoomConfigurationService(ownersPhone,
                        ConfigurationAuditor.NONE);
                FormDefinition form = configuration.fetch(lobby);
                configuration.submit(lobby, form, form.initialAnswers().withBoolean("muc#roomconfig_membersonly",
                        true));
                app.waitFor("bob's lobby marked as left", () -> roomsOf(app, server.jid("bob")).contains(
                        new SidebarTree.Room(lobby, "Lobby", SidebarTree.RoomSource.LEFT)));
                assertThat(roomsOf(app, server.jid("alice"))).containsExactly(
                        new SidebarTree.Room(lobby, "Lobby", SidebarTree.RoomSource.JOINED));
            } finally {
                ownersPhone.disconnect();
            }
        }
    }

    private static List<Notification> aliceCards(AppHarness app) {
        return app.app().notifications().history().stream()
                .filter(n -> n.title().equals("Affiliation changed") && n.message().contains("alice")).toList();
    }

    private static List<String> roomsListedFor(AppHarness app, String account) {
        return roomsOf(app, account).stream().map(SidebarTree.Room::jid).toList();
    }

    private static List<SidebarTree.Room> roomsOf(AppHarness app, String account) {
        return app.app().mainModel().sidebar().get().stream()
                .filter(a -> a.jid().equals(account))
                .flatMap(a -> a.services().stream())
                .flatMap(s -> s.rooms().stream())
                .toList();
    }
}
