package org.chamberlain.views.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.chamberlain.views.notifications.NotificationCenter;
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
    void switchingAccountsUpdatesStatusAndTellsThePerson() {
        model.connectionState("alice@sandbox.localhost", ConnectionState.ONLINE);
        model.switchAccount("alice@sandbox.localhost");
        assertThat(model.connectionText().get()).isEqualTo("alice@sandbox.localhost — online");
        assertThat(model.sidebar().get().get(1).active()).isTrue();
        assertThat(notifications.visible()).extracting(n -> n.message())
                .containsExactly("Now acting as alice@sandbox.localhost.");
        assertThatThrownBy(() -> model.switchAccount("nobody@x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roomTabsOpenOnceAndCloseAgain() {
        model.openRoom("a@conference.sandbox.localhost");
        model.openRoom("a@conference.sandbox.localhost");
        model.openRoom("b@conference.sandbox.localhost");
        assertThat(model.openRooms()).containsExactly("a@conference.sandbox.localhost",
                "b@conference.sandbox.localhost");
        assertThat(model.selectedRoom().get()).isEqualTo("b@conference.sandbox.localhost");
        model.closeRoom("a@conference.sandbox.localhost");
        assertThat(model.openRooms()).containsExactly("b@conference.sandbox.localhost");
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
