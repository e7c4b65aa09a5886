package org.chamberlain.views.main;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.chamberlain.views.notifications.NotificationCenter;
import org.chamberlain.views.shell.AccountProfile;
import org.chamberlain.views.tasks.TaskRunner;

/**
 * State of the main window: the accounts and their rooms for the sidebar (filtered), which account is
 * active, the open room tabs, the theme, and the status bar's texts. Used on the UI thread only; the core's
 * events arrive here through the task runner's UI executor.
 */
public final class MainWindowViewModel {
    private final TaskRunner tasks;
    private final NotificationCenter notifications;
    private final Map<String, AccountProfile> profiles = new LinkedHashMap<>();
    private final Map<String, ConnectionState> states = new LinkedHashMap<>();
    private final Map<String, Map<String, List<SidebarTree.Room>>> roomsByAccount = new LinkedHashMap<>();

    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<List<SidebarTree.Account>> sidebar = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper sidebarCount = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper activeAccount = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper("No account");
    private final ObservableList<RoomTab> openRooms = FXCollections.observableArrayList();
    private final ObjectProperty<RoomTab> selectedRoom = new SimpleObjectProperty<>();
    /** Rooms remembered without their account (older settings), opened once an account is active. */
    private final List<String> roomsWaitingForAnAccount = new ArrayList<>();
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();
    private final String serverNote;
    private final javafx.beans.property.ReadOnlyIntegerWrapper accountsChanged =
            new javafx.beans.property.ReadOnlyIntegerWrapper();

    public MainWindowViewModel(TaskRunner tasks, NotificationCenter notifications, List<AccountProfile> accounts,
            String activeJid, List<String> mucServices, String serverNote) {
        this.tasks = tasks;
        this.notifications = notifications;
        this.serverNote = serverNote == null ? "" : serverNote;
        for (AccountProfile profile : accounts) {
            profiles.put(profile.jid(), profile);
            states.put(profile.jid(), ConnectionState.OFFLINE);
            Map<String, List<SidebarTree.Room>> services = new LinkedHashMap<>();
            for (String service : mucServices) {
                if (service.endsWith("." + profile.domain()) || service.equals(profile.domain())) {
                    services.put(service, new ArrayList<>());
                }
            }
            roomsByAccount.put(profile.jid(), services);
        }
        activeAccount.set(activeJid != null ? activeJid : accounts.isEmpty() ? null : accounts.get(0).jid());
        filter.addListener((obs, old, now) -> refreshSidebar());
        // A tab acts as its own account; selecting it makes that account the active one, so the status bar,
        // the sidebar and the dialogs opened next all say who is acting.
        selectedRoom.addListener((obs, old, now) -> {
            if (now != null && profiles.containsKey(now.account()) && !now.account().equals(activeAccount.get())) {
                activeAccount.set(now.account());
                refreshSidebar();
            }
        });
        refreshSidebar();
    }

    // ---- sidebar ----

    public StringProperty filter() {
        return filter;
    }

    /** The filtered tree; replaced as a whole on every change. */
    public ReadOnlyObjectProperty<List<SidebarTree.Account>> sidebar() {
        return sidebar.getReadOnlyProperty();
    }

    /** "3 rooms" or "2 of 40 rooms" under the filter box. */
    public ReadOnlyStringProperty sidebarCount() {
        return sidebarCount.getReadOnlyProperty();
    }

    /** Adds or updates a room under an account's service (joined, remembered or discovered). */
    public void putRoom(String accountJid, String serviceJid, SidebarTree.Room room) {
        List<SidebarTree.Room> rooms = roomsByAccount.computeIfAbsent(accountJid, a -> new LinkedHashMap<>())
                .computeIfAbsent(serviceJid, s -> new ArrayList<>());
        rooms.removeIf(r -> r.jid().equals(room.jid()));
        rooms.add(room);
        rooms.sort((a, b) -> a.label().compareToIgnoreCase(b.label()));
        refreshSidebar();
    }

    /**
     * The account is no longer in the room (kicked, banned, membership removed): it stays listed, marked, so the
     * person sees what happened and can join again from it.
     */
    public void markLeft(String accountJid, String roomJid) {
        Map<String, List<SidebarTree.Room>> services = roomsByAccount.get(accountJid);
        if (services != null) {
            services.values().forEach(rooms -> rooms.replaceAll(r -> r.jid().equals(roomJid)
                    ? new SidebarTree.Room(r.jid(), r.name(), SidebarTree.RoomSource.LEFT) : r));
            refreshSidebar();
        }
    }

    public void removeRoom(String accountJid, String roomJid) {
        Map<String, List<SidebarTree.Room>> services = roomsByAccount.get(accountJid);
        if (services != null) {
            services.values().forEach(rooms -> rooms.removeIf(r -> r.jid().equals(roomJid)));
            refreshSidebar();
        }
    }

    /** Adds an account to the sidebar (or replaces its settings); the first account becomes active. */
    public void addAccount(AccountProfile profile) {
        profiles.put(profile.jid(), profile);
        states.putIfAbsent(profile.jid(), ConnectionState.OFFLINE);
        roomsByAccount.computeIfAbsent(profile.jid(), j -> new LinkedHashMap<>());
        if (activeAccount.get() == null) {
            activeAccount.set(profile.jid());
        }
        refreshSidebar();
        accountsChanged.set(accountsChanged.get() + 1);
        List<String> waiting = List.copyOf(roomsWaitingForAnAccount);
        roomsWaitingForAnAccount.clear();
        waiting.forEach(room -> openRoom(profile.jid(), room));
    }

    public void removeAccount(String jid) {
        profiles.remove(jid);
        states.remove(jid);
        roomsByAccount.remove(jid);
        if (jid.equals(activeAccount.get())) {
            activeAccount.set(profiles.isEmpty() ? null : profiles.keySet().iterator().next());
        }
        refreshSidebar();
        accountsChanged.set(accountsChanged.get() + 1);
    }

    /** A MUC service the account's server offers. */
    public void putService(String accountJid, String serviceJid) {
        Map<String, List<SidebarTree.Room>> services = roomsByAccount.computeIfAbsent(accountJid,
                a -> new LinkedHashMap<>());
        if (!services.containsKey(serviceJid)) {
            services.put(serviceJid, new ArrayList<>());
            refreshSidebar();
        }
    }

    /** Counts changes of the account list, so menus listing accounts can rebuild. */
    public javafx.beans.property.ReadOnlyIntegerProperty accountsChanged() {
        return accountsChanged.getReadOnlyProperty();
    }

    public void connectionState(String accountJid, ConnectionState state) {
        states.put(accountJid, state);
        refreshSidebar();
    }

    public ConnectionState connectionState(String accountJid) {
        return states.getOrDefault(accountJid, ConnectionState.OFFLINE);
    }

    private void refreshSidebar() {
        List<SidebarTree.Account> all = new ArrayList<>();
        for (String jid : profiles.keySet()) {
            List<SidebarTree.Service> services = new ArrayList<>();
            roomsByAccount.getOrDefault(jid, Map.of())
                    .forEach((service, rooms) -> services.add(new SidebarTree.Service(service, rooms)));
            all.add(new SidebarTree.Account(jid, connectionState(jid), jid.equals(activeAccount.get()), services));
        }
        List<SidebarTree.Account> shown = SidebarTree.filter(all, filter.get());
        sidebar.set(shown);
        int total = SidebarTree.roomCount(all);
        int visible = SidebarTree.roomCount(shown);
        String noun = total == 1 ? "room" : "rooms";
        sidebarCount.set(visible == total ? total + " " + noun : visible + " of " + total + " " + noun);
        String active = activeAccount.get();
        connectionText.set(active == null ? "No account — add one with File → Accounts"
                : active + " — " + connectionState(active).label());
    }

    // ---- accounts ----

    public ReadOnlyStringProperty activeAccount() {
        return activeAccount.getReadOnlyProperty();
    }

    public List<AccountProfile> accounts() {
        return List.copyOf(profiles.values());
    }

    public Optional<AccountProfile> activeProfile() {
        return Optional.ofNullable(activeAccount.get()).map(profiles::get);
    }

    /** Makes another known account the one whose rooms and actions the workspace uses. */
    public void switchAccount(String jid) {
        if (!profiles.containsKey(jid)) {
            throw new IllegalArgumentException("Unknown account " + jid);
        }
        if (!jid.equals(activeAccount.get())) {
            activeAccount.set(jid);
            refreshSidebar();
            notifications.info("Account", "Now acting as " + jid + ".");
        }
    }

    // ---- workspace ----

    /** The open room tabs, in their order; one per (account, room). */
    public ObservableList<RoomTab> openRooms() {
        return openRooms;
    }

    /** The room tab in front (null when none, or a tool tab is in front). Selecting one activates its account. */
    public ObjectProperty<RoomTab> selectedRoom() {
        return selectedRoom;
    }

    /** Opens (or brings to front) the tab of {@code roomJid} as {@code accountJid}. */
    public void openRoom(String accountJid, String roomJid) {
        RoomTab tab = new RoomTab(accountJid, roomJid);
        if (!openRooms.contains(tab)) {
            openRooms.add(tab);
        }
        selectedRoom.set(tab);
    }

    /**
     * Opens the room as the active account; without one (saved accounts still loading) the room waits for the
     * first account.
     */
    public void openRoom(String roomJid) {
        String active = activeAccount.get();
        if (active == null) {
            if (!roomsWaitingForAnAccount.contains(roomJid)) {
                roomsWaitingForAnAccount.add(roomJid);
            }
            return;
        }
        openRoom(active, roomJid);
    }

    /**
     * Reopens the tabs of the last run; those saved without an account (older versions) open as the account
     * active now. The account active now stays active: one of its tabs comes to the front.
     */
    public void restoreRooms(List<org.chamberlain.views.settings.WindowSettings.OpenRoom> saved) {
        String active = activeAccount.get();
        for (org.chamberlain.views.settings.WindowSettings.OpenRoom room : saved) {
            if (room.account().isPresent()) {
                openRoom(room.account().get(), room.room());
            } else if (active != null) {
                openRoom(active, room.room());
            } else {
                openRoom(room.room());
            }
        }
        openRooms.stream().filter(tab -> tab.account().equals(active)).reduce((first, second) -> second)
                .ifPresent(selectedRoom::set);
    }

    /** The open tabs as they are remembered for the next run. */
    public List<org.chamberlain.views.settings.WindowSettings.OpenRoom> roomsToRemember() {
        List<org.chamberlain.views.settings.WindowSettings.OpenRoom> rooms = new ArrayList<>();
        openRooms.forEach(tab -> rooms.add(new org.chamberlain.views.settings.WindowSettings.OpenRoom(
                Optional.of(tab.account()), tab.room())));
        roomsWaitingForAnAccount.forEach(room -> rooms.add(
                new org.chamberlain.views.settings.WindowSettings.OpenRoom(Optional.empty(), room)));
        return rooms;
    }

    /** The tab's title: the room's name, and the account's when more than one account could act. */
    public String tabTitle(RoomTab tab) {
        return profiles.size() > 1 ? tab.roomName() + " \u00b7 " + tab.accountName() : tab.roomName();
    }

    /** The tab's tooltip: the full addresses of the room and of the account acting in it. */
    public String tabTooltip(RoomTab tab) {
        return tab.room() + "\nas " + tab.account();
    }

    /** The first MUC service of the active account, to prefill "name@service". */
    public Optional<String> defaultService() {
        String active = activeAccount.get();
        return active == null ? Optional.empty()
                : roomsByAccount.getOrDefault(active, Map.of()).keySet().stream().findFirst();
    }

    /**
     * Opens a typed room address ("room@service", or just "room" on the default service) and remembers it in
     * the sidebar.
     *
     * @return why the address cannot be used, or {@code null} when the room was opened
     */
    public String openRoomByAddress(String address) {
        String jid = address.strip().toLowerCase(java.util.Locale.ROOT);
        if (!jid.contains("@")) {
            Optional<String> service = defaultService();
            if (service.isEmpty()) {
                return "Type the full room address, like room@conference.example.org.";
            }
            jid = jid + "@" + service.get();
        }
        int at = jid.indexOf('@');
        if (at == 0 || at == jid.length() - 1 || jid.indexOf('@', at + 1) >= 0 || jid.contains("/")
                || jid.contains(" ")) {
            return "'" + address + "' is not a room address; it looks like room@conference.example.org.";
        }
        String room = jid;
        String service = room.substring(at + 1);
        String active = activeAccount.get();
        if (active != null) {
            boolean known = roomsByAccount.getOrDefault(active, Map.of()).getOrDefault(service, List.of()).stream()
                    .anyMatch(r -> r.jid().equals(room));
            if (!known) {
                putRoom(active, service, new SidebarTree.Room(room, null, SidebarTree.RoomSource.REMEMBERED));
            }
        }
        openRoom(room);
        return null;
    }

    /** Closes one account's tab of a room; the other accounts' tabs of that room stay. */
    public void closeRoom(RoomTab tab) {
        openRooms.remove(tab);
        if (tab.equals(selectedRoom.get())) {
            selectedRoom.set(null);
        }
    }

    public void closeRoom(String accountJid, String roomJid) {
        closeRoom(new RoomTab(accountJid, roomJid));
    }

    // ---- status bar and theme ----

    public ReadOnlyStringProperty connectionText() {
        return connectionText.getReadOnlyProperty();
    }

    public StringBinding taskSummary() {
        return tasks.tasks().summary();
    }

    public boolean tasksRunning() {
        return !tasks.tasks().running().isEmpty();
    }

    public javafx.beans.binding.BooleanBinding busy() {
        return Bindings.isNotEmpty(tasks.tasks().running());
    }

    public String serverNote() {
        return serverNote;
    }

    public BooleanProperty darkTheme() {
        return darkTheme;
    }

    public NotificationCenter notifications() {
        return notifications;
    }

    public TaskRunner taskRunner() {
        return tasks;
    }
}
