package org.chamberlain.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chamberlain.views.main.SidebarTree.Account;
import org.chamberlain.views.main.SidebarTree.Room;
import org.chamberlain.views.main.SidebarTree.RoomSource;
import org.chamberlain.views.main.SidebarTree.Service;
import org.junit.jupiter.api.Test;

class SidebarTreeTest {
    private final List<Account> accounts = List.of(
            new Account("owner@example.org", ConnectionState.ONLINE, true, List.of(
                    new Service("conference.example.org", List.of(
                            new Room("team@conference.example.org", "Team chat", RoomSource.JOINED),
                            new Room("lounge@conference.example.org", null, RoomSource.DISCOVERED))),
                    new Service("chat.other.net", List.of(
                            new Room("ops@chat.other.net", "Operations", RoomSource.REMEMBERED))))),
            new Account("alice@example.org", ConnectionState.OFFLINE, false, List.of()));

    @Test
    void emptyFilterKeepsEverything() {
        assertThat(SidebarTree.filter(accounts, "  ")).isEqualTo(accounts);
        assertThat(SidebarTree.roomCount(accounts)).isEqualTo(3);
    }

    @Test
    void filterMatchesNamesAndJidsIgnoringCaseAndKeepsAccounts() {
        List<Account> shown = SidebarTree.filter(accounts, "TEAM");
        assertThat(shown).extracting(Account::jid).containsExactly("owner@example.org", "alice@example.org");
        assertThat(shown.get(0).services()).extracting(Service::jid).containsExactly("conference.example.org");
        assertThat(shown.get(0).services().get(0).rooms()).extracting(Room::jid)
                .containsExactly("team@conference.example.org");

        assertThat(SidebarTree.roomCount(SidebarTree.filter(accounts, "operations"))).isEqualTo(1);
        assertThat(SidebarTree.roomCount(SidebarTree.filter(accounts, "lounge@"))).isEqualTo(1);
    }

    @Test
    void matchingServiceKeepsAllItsRooms() {
        List<Account> shown = SidebarTree.filter(accounts, "other.net");
        assertThat(shown.get(0).services()).hasSize(1);
        assertThat(shown.get(0).services().get(0).rooms()).hasSize(1);
    }

    @Test
    void roomWithoutNameIsLabelledByItsLocalPart() {
        assertThat(new Room("lounge@conference.example.org", "", RoomSource.DISCOVERED).label()).isEqualTo("lounge");
    }
}
