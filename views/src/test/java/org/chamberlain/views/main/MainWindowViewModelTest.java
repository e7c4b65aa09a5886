package org.chamberlain.views.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.chamberlain.views.notifications.NotificationCenter;
import org.chamberlain.views.settings.WindowSettings;
import org.chamberlain.views.shell.AccountProfile;
import org.chamberlain.views.tasks.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;

/** The main window's state without a toolkit. */
class MainWindowViewModelTest {
    private final SameThreadTaskRunner tasks = new SameThreadTaskRunner();
    private final NotificationCenter notifications = new NotificationCenter(Clock.systemUTC());
    private final MainWindowViewModel model = new MainWindowViewModel(tasks, notifications, List.of(
            new AccountProfile("owner@sandbox.localhost", "pw", "127.0.0.1", 5222, true),
            new AccountProfile("alice@sandbox.localhost", "pw", "127.0.0.1", 5222, true)),
            "owner@sandbox.localhost", List.of("conference.sandbox.localhost"), "Sandbox");

    @Test
    void startsWithTheActiveAccountAndItsServices() {
        assertThat(model.activeAccount().get()).isEqualTo("owner@sandbox.localhost");
        assertThat(model.sidebar().get()).hasSize(2);
        assertThat(model.sidebar().get().get(0).active()).isTrue();
        assertThat(model.sidebar().get().get(0).services()).extracting(SidebarTree.Service::jid)
                .containsExactly("conference.sandbox.localhost");
        assertThat(model.connectionText().get()).isEqualTo("owner@sandbox.localhost — offline");
    }

    @Test
    void filterAndCountFollowRooms() {
        model.putRoom("owner@sandbox.localhost", "conference.sandbox.localhost",
                new SidebarTree.Room("b@conference.sandbox.localhost", "Beta", SidebarTree.RoomSource.JOINED));
        model.putRoom("owner@sandbox.localhost", "conference.sandbox.localhost",
                new SidebarTree.Room("a@conference.sandbox.localhost", "Alpha", SidebarTree.RoomSource.JOINED));
        assertThat(model.sidebarCount().get()).isEqualTo("2 rooms");
        assertThat(model.sidebar().get().get(0).services().get(0).rooms()).extracting(SidebarTree.Room::label)
                .containsExactly("Alpha", "Beta");
        model.filter().set("alp");
        assertThat(model.sidebarCount().get()).isEqualTo("1 of 2 rooms");
        model.removeRoom("owner@sandbox.localhost", "a@conference.sandbox.localhost");
        assertThat(model.sidebarCount().get()).isEqualTo("0 of 1 room");
    }

    @Test
    void aRoomTheAccountWasRemovedFromStaysListedAsLeftUntilItJoinsAgain() {
        SidebarTree.Room beta = new SidebarTree.Room("b@conference.sandbox.localhost", "Beta",
                SidebarTree.RoomSource.JOINED);
        model.putRoom(OWNER, "conference.sandbox.localhost", beta);
        model.markLeft(OWNER, beta.jid());
        assertThat(model.sidebar().get().get(0).services().get(0).rooms())
                .containsExactly(new SidebarTree.Room(beta.jid(), "Beta", SidebarTree.RoomSource.LEFT));
        model.putRoom(OWNER, "conference.sandbox.localhost", beta);
        assertThat(model.sidebar().get().get(0).services().get(0).rooms()).containsExactly(beta);
    }

    @Test
    void switchingAccountsUpdatesStatusAndTellsThePerson() {
        model.connectionState("alice@sandbox.localhost", ConnectionState.ONLINE);
        model.switchAccount("alice@sandbox.localhost");
        assertThat(model.connectionText().get()).isEqualTo("alice@sandbox.localhost — online");
        assertThat(model.sidebar().get().get(1).active()).isTrue();
        assertThat(notifications.visible()).extracting(n -> n.message())
                .containsExactly("Now acting as alice@sandbox.localhost.");
        assertThatThrownBy(() -> model.switchAccount("nobody@x")).isInstanceOf(IllegalArgumentException.class);
    }

    private static final String OWNER = "owner@sandbox.localhost";
    private static final String ALICE = "alice@sandbox.localhost";
    private static final String A = "a@conference.sandbox.localhost";
    private static final String B = "b@conference.sandbox.localhost";

    @Test
    void roomTabsOpenOnceAndCloseAgain() {
        model.openRoom(A);
        model.openRoom(A);
        model.openRoom(B);
        assertThat(model.openRooms()).containsExactly(new RoomTab(OWNER, A), new RoomTab(OWNER, B));
        assertThat(model.selectedRoom().get()).isEqualTo(new RoomTab(OWNER, B));
        model.closeRoom(OWNER, A);
        assertThat(model.openRooms()).containsExactly(new RoomTab(OWNER, B));
    }

    @Test
    void theSameRoomAsTwoAccountsIsTwoTabsEachActingAsItsAccount() {
        model.openRoom(OWNER, A);
        model.openRoom(ALICE, A);
        assertThat(model.openRooms()).containsExactly(new RoomTab(OWNER, A), new RoomTab(ALICE, A));
        assertThat(model.openRooms()).extracting(model::tabTitle).containsExactly("a \u00b7 owner", "a \u00b7 alice");
        assertThat(model.tabTooltip(new RoomTab(ALICE, A))).isEqualTo(A + "\nas " + ALICE);
        assertThat(model.activeAccount().get()).as("the tab in front acts, and the status bar says who")
                .isEqualTo(ALICE);
        assertThat(model.connectionText().get()).startsWith(ALICE);

        model.selectedRoom().set(new RoomTab(OWNER, A));
        assertThat(model.activeAccount().get()).isEqualTo(OWNER);

        model.closeRoom(OWNER, A);
        assertThat(model.openRooms()).containsExactly(new RoomTab(ALICE, A));
        model.openRoom(ALICE, A);
        assertThat(model.openRooms()).as("alice's tab is not doubled").hasSize(1);
    }

    @Test
    void oneAccountShowsJustTheRoomName() {
        MainWindowViewModel single = new MainWindowViewModel(tasks, notifications,
                List.of(new AccountProfile(OWNER, "pw", "127.0.0.1", 5222, true)), OWNER, List.of(), null);
        assertThat(single.tabTitle(new RoomTab(OWNER, A))).isEqualTo("a");
    }

    @Test
    void openTabsAreRememberedWithTheirAccountsAndOldPlainRoomsOpenAsTheActiveAccount() {
        model.restoreRooms(List.of(new WindowSettings.OpenRoom(Optional.of(ALICE), A),
                new WindowSettings.OpenRoom(Optional.empty(), B)));
        assertThat(model.openRooms()).containsExactly(new RoomTab(ALICE, A), new RoomTab(OWNER, B));
        assertThat(model.activeAccount().get()).as("the account active at start stays active").isEqualTo(OWNER);
        assertThat(model.roomsToRemember()).containsExactly(new WindowSettings.OpenRoom(Optional.of(ALICE), A),
                new WindowSettings.OpenRoom(Optional.of(OWNER), B));
    }

    @Test
    void plainRoomsWaitForTheFirstAccountWhenNoneIsThereYet() {
        MainWindowViewModel empty = new MainWindowViewModel(tasks, notifications, List.of(), null, List.of(), null);
        empty.restoreRooms(List.of(new WindowSettings.OpenRoom(Optional.empty(), A)));
        assertThat(empty.openRooms()).isEmpty();
        assertThat(empty.roomsToRemember()).as("kept for the next run meanwhile")
                .containsExactly(new WindowSettings.OpenRoom(Optional.empty(), A));
        empty.addAccount(new AccountProfile(ALICE, "pw", null, 5222, false));
        assertThat(empty.openRooms()).containsExactly(new RoomTab(ALICE, A));
    }

    @Test
    void taskProgressShowsInTheStatusSummary() {
        List<String> seen = new java.util.ArrayList<>();
        tasks.submit("Applying 2 changes", ctx -> {
            ctx.progress(1, 2, "alice@x");
            seen.add(model.taskSummary().get());
            return "done";
        }, seen::add, e -> seen.add("failed"));
        assertThat(seen).containsExactly("Applying 2 changes — alice@x", "done");
        assertThat(model.taskSummary().get()).isEmpty();
    }
}
