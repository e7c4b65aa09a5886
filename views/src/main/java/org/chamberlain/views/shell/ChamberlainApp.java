package org.chamberlain.views.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.binding.Bindings;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.chamberlain.app.AccountSession;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.AccountStore;
import org.chamberlain.app.accounts.PasswordVaults;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.connections.Addresses;
import org.chamberlain.app.connections.UntrustedCertificateException;
import org.chamberlain.app.rooms.RoomListing;
import org.chamberlain.app.audit.AuditLog;
import org.chamberlain.app.events.RemovedFromRoom;
import org.chamberlain.app.events.RoomDestroyed;
import org.chamberlain.app.events.RoomEvent;
import org.chamberlain.app.audit.AuditTrail;
import org.chamberlain.app.connections.ConnectionManager;
import org.chamberlain.views.accounts.AccountDialogs;
import org.chamberlain.views.accounts.AccountInput;
import org.chamberlain.views.accounts.AccountsViewModel;
import org.chamberlain.views.adapter.AccountSessions;
import org.chamberlain.views.configuration.ConfigurationViewModel;
import org.chamberlain.views.errors.UncaughtErrorHandler;
import org.chamberlain.views.history.HistoryViewModel;
import org.chamberlain.views.main.ConnectionState;
import org.chamberlain.views.main.MainWindowView;
import org.chamberlain.views.main.Shortcuts;
import org.chamberlain.views.main.SidebarTree;
import org.chamberlain.views.main.MainWindowViewModel;
import org.chamberlain.views.main.RoomTab;
import org.chamberlain.views.members.MembersViewModel;
import org.chamberlain.views.chat.ChatGateway;
import org.chamberlain.views.chat.ChatViewModel;
import org.chamberlain.views.notifications.Notification;
import org.chamberlain.views.notifications.NotificationCenter;
import org.chamberlain.views.notifications.RoomEventMessages;
import org.chamberlain.views.occupants.OccupantsViewModel;
import org.chamberlain.views.rooms.RoomCommands;
import org.chamberlain.views.rooms.RoomDialogs;
import org.chamberlain.views.rooms.RoomWorkspace;
import org.chamberlain.views.settings.WindowSettings;
import org.chamberlain.views.tasks.FxTaskRunner;
import org.chamberlain.views.tasks.TaskRunner;
import org.chamberlain.views.theme.TrimmedTheme;

/**
 * The composition root: builds the object graph once (task runner, notification center, view models,
 * views) and passes collaborators through constructors; owns everything that must be shut down.
 *
 * <p>JavaFX calls {@link #start} and {@link #stop} on the FX thread. Started either by {@link AppLauncher}
 * (the product) or by TestFX with {@code FxToolkit.setupApplication(() -> new ChamberlainApp(options))}.
 */
public class ChamberlainApp extends Application {
    private static final Logger LOG = Logger.getLogger(ChamberlainApp.class.getName());
    private static final String STYLESHEET = "/org/chamberlain/views/chamberlain.css";

    private final StartupOptions options;
    /** Things to close on exit, in reverse order of creation. */
    private final List<AutoCloseable> owned = new ArrayList<>();
    private TaskRunner tasks;
    private NotificationCenter notifications;
    private WindowSettings settings;
    private MainWindowViewModel mainModel;
    private MainWindowView mainView;
    private Stage stage;
    private AccountSessions sessions;
    private AuditLog auditLog;
    private AccountsViewModel accountsModel;
    private PasswordVaults vaults;

    /** Opened on first use from a background task; closed with the app. */
    private synchronized PasswordVaults passwordVaults() {
        if (vaults == null) {
            vaults = PasswordVaults.system();
        }
        return vaults;
    }
    /** The workspace of each open room tab: one per (account, room). */
    private final Map<RoomTab, RoomWorkspace> workspaces = new HashMap<>();

    public ChamberlainApp(StartupOptions options) {
        this.options = options;
    }

    @Override
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        StartupTrace.mark("start");
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtErrorHandler(() -> stage));
        notifications = new NotificationCenter(Clock.systemDefaultZone());
        tasks = new FxTaskRunner(4);
        owned.add(tasks);
        ConnectionManager connections = new ConnectionManager();
        // Closed after the task runner (reverse order): running sign-ins end before their connections go.
        owned.add(0, connections);
        auditLog = new AuditLog(options.auditLog());
        accountsModel = new AccountsViewModel(tasks, notifications,
                new AccountStore(options.configDir().resolve("accounts.properties")), this::passwordVaults);
        sessions = new AccountSessions(connections, tasks, AuditTrail.to(auditLog),
                problem -> notifications.post(Notification.Kind.WARNING, "Audit log", problem.getMessage(), null));
        owned.add(sessions);
        settings = loadSettings();

        mainModel = new MainWindowViewModel(tasks, notifications, options.accounts(),
                options.activeAccountIfAny().orElse(null), options.mucServices(),
                options.serverNoteIfAny().orElse(null));
        mainModel.darkTheme().set(settings.darkTheme());
        applyTheme(settings.darkTheme());
        StartupTrace.mark("theme");
        mainModel.darkTheme().addListener((obs, old, dark) -> applyTheme(dark));

        mainModel.openRooms().addListener((javafx.collections.ListChangeListener<RoomTab>) change -> {
            while (change.next()) {
                for (RoomTab closed : change.getRemoved()) {
                    RoomWorkspace gone = workspaces.remove(closed);
                    if (gone != null) {
                        gone.close();
                    }
                }
            }
        });
        mainView = new MainWindowView(mainModel, this::roomWorkspace, primaryStage::close);
        // The whole window in its first frame: one CSS pass and one layout for everything, no second frame
        // (docs/benchmarks.md, "Start-up, lighter first screen").
        mainView.buildWorkspace();
        StartupTrace.mark("view");
        Scene scene = new Scene(mainView.node());
        scene.getStylesheets().add(getClass().getResource(STYLESHEET).toExternalForm());
        StartupTrace.mark("scene");
        addRoomCommands();
        MenuItem accountsItem = new MenuItem("_Accounts…");
        accountsItem.setAccelerator(Shortcuts.ACCOUNTS);
        accountsItem.setOnAction(e -> showAccounts());
        mainView.fileMenu().getItems().addAll(0, List.of(accountsItem, new SeparatorMenuItem()));
        owned.add(new org.chamberlain.views.console.ConsoleTools(mainView, tasks,
                () -> activeSession().map(org.chamberlain.app.AccountSession::connection),
                () -> options.accounts().stream().map(p -> sessions.session(p.jid())).flatMap(Optional::stream)
                        .map(org.chamberlain.app.AccountSession::connection).toList(), options.sandboxIfAny()));
        owned.add(sessions.onRoomEvent(this::onRoomEvent));
        // Without this the accounts would only say "reconnecting…" for ever.
        options.sandboxIfAny().ifPresent(sandbox -> sandbox.whenStoppedUnexpectedly().thenAccept(
                details -> Platform.runLater(() -> notifications.post(Notification.Kind.ERROR,
                        "The sandbox server stopped", "Its accounts cannot connect any more. Quit, and run "
                                + "./chamberlain sandbox again for a new one.", details))));
        StartupTrace.mark("commands");
        primaryStage.setScene(scene);
        primaryStage.setTitle("Chamberlain");
        restoreLayout(primaryStage);
        mainView.sidebarWidth(settings.sidebarWidth());
        mainView.startWithNothingFocused();
        primaryStage.show();
        StartupTrace.mark("shown");
        // Seen under Xvfb with openbox: right after the window is mapped, the window manager's answer shrinks
        // it to its minimum (1200 wide -> 200 -> 1202 -> 200 for a bare JavaFX stage). Setting the size again
        // once the show has been handled keeps it (docs/notes/javafx-views.md).
        Platform.runLater(() -> keepRestoredSize(primaryStage));
        // The accounts (keyring, Smack: thousands of classes on a worker thread that would compete for the CPU)
        // are signed in once the window is on the screen (docs/benchmarks.md, "Desktop UI").
        FirstFrameProbe.afterTwoPulses(primaryStage, () -> Platform.runLater(this::afterFirstFrame));
    }

    private void afterFirstFrame() {
        if (stage == null || !stage.isShowing()) {
            return;
        }
        keepRestoredSize(stage);
        mainView.realizeMenuBar();
        connectAccounts();
    }

    /** True once the main window is complete (its workspace is built after its first frame). FX thread. */
    public ReadOnlyBooleanProperty workspaceReady() {
        return mainView.workspaceReady();
    }

    /** The content of a room tab, acting as the tab's account and no other. */
    private Node roomWorkspace(RoomTab tab) {
        String account = tab.account();
        String roomJid = tab.room();
        Optional<AccountSession> session = sessions.session(account);
        if (session.isEmpty()) {
            // Tabs remembered from the last run open before their accounts sign in; filled once online.
            Label text = new Label(account + " is not signed in yet; this room appears here once it is online "
                    + "(if it does not sign in, check File \u2192 Accounts).");
            text.setWrapText(true);
            VBox box = new VBox(text);
            box.setPadding(new Insets(16));
            box.setAlignment(Pos.TOP_LEFT);
            return box;
        }
        RoomWorkspace workspace = new RoomWorkspace(
                new OccupantsViewModel(tasks, notifications, session.get(), roomJid, Addresses.localpart(account),
                        () -> showJoinDialog(account, Optional.of(roomJid))),
                new MembersViewModel(tasks, notifications, sessions.members(account), roomJid, account),
                new ConfigurationViewModel(tasks, notifications, sessions.configuration(account), roomJid),
                new ChatViewModel(tasks, notifications, ChatGateway.of(session.get()), roomJid,
                        Clock.systemDefaultZone()),
                new HistoryViewModel(tasks, auditLog::entriesFor, roomJid));
        workspaces.put(tab, workspace);
        return workspace.node();
    }

    /** Builds the workspaces of the account's tabs that opened before it was signed in. UI thread. */
    private void fillWaitingTabs(String account) {
        for (RoomTab tab : List.copyOf(mainModel.openRooms())) {
            if (tab.account().equals(account) && !workspaces.containsKey(tab)) {
                mainView.rebuildRoomTab(tab);
            }
        }
    }

    private void onRoomEvent(RoomEvent event) {
        RoomEventMessages.of(event, mainModel.activeAccount().get())
                .ifPresent(m -> notifications.postUnlessOnScreen(m.kind(), m.title(), m.text()));
        if (event instanceof RemovedFromRoom removed && removed.departure() != RoomEvent.Departure.LEFT) {
            mainModel.markLeft(removed.account(), removed.room());
        }
        if (event instanceof RoomDestroyed destroyed) {
            // Only the tab of the account that was in the room: another account's tab of it tells its own story.
            mainModel.closeRoom(destroyed.account(), destroyed.room());
            mainModel.removeRoom(destroyed.account(), destroyed.room());
        }
    }

    private void addRoomCommands() {
        RoomCommands commands = new RoomCommands(tasks, notifications);
        MenuItem create = new MenuItem("_New room…");
        create.setAccelerator(Shortcuts.NEW_ROOM);
        create.setId("menu-new-room");
        create.disableProperty().bind(Bindings.isNull(mainModel.activeAccount()));
        create.setOnAction(e -> showCreateDialog(commands));
        MenuItem join = new MenuItem("_Join room…");
        join.setAccelerator(Shortcuts.JOIN_ROOM);
        join.setId("menu-join");
        join.disableProperty().bind(Bindings.isNull(mainModel.activeAccount()));
        // Prefill with a room we are not in yet: the sidebar's selection, else the open tab's room.
        join.setOnAction(e -> showJoinDialog(mainView.selectedSidebarRoom().or(
                () -> Optional.ofNullable(mainModel.selectedRoom().get()).map(RoomTab::room))
                .filter(room -> !joined(room))));
        mainView.sidebarActions(this::sidebarActions);
        MenuItem invite = new MenuItem("_Invite…");
        invite.setAccelerator(Shortcuts.INVITE);
        invite.disableProperty().bind(Bindings.isNull(mainModel.selectedRoom()));
        invite.setOnAction(e -> withRoom((session, tab) -> RoomDialogs.invite(stage, tab.room()).ifPresent(
                request -> commands.invite(session, tab.room(), request.invitees(), request.direct(),
                        request.reason()))));
        invite.setId("menu-invite");
        MenuItem destroy = new MenuItem("_Destroy room…");
        destroy.setAccelerator(Shortcuts.DESTROY);
        destroy.disableProperty().bind(Bindings.isNull(mainModel.selectedRoom()));
        destroy.setOnAction(e -> withRoom((session, tab) -> RoomDialogs.destroyDialog(stage, tab.room())
                .showAndWait().ifPresent(request -> commands.destroy(session, tab.room(), request.reason(),
                        request.alternateVenue(), () -> {
                            // The other accounts' tabs of the room close when they hear of the destruction.
                            mainModel.closeRoom(tab);
                            mainModel.removeRoom(tab.account(), tab.room());
                        }))));
        mainView.roomMenu().getItems().addAll(0, List.of(create, join, new SeparatorMenuItem()));
        mainView.roomMenu().getItems().addAll(new SeparatorMenuItem(), invite, destroy);
    }

    private void showCreateDialog(RoomCommands commands) {
        activeSession().ifPresent(session -> {
            String account = mainModel.activeAccount().get();
            javafx.scene.control.Dialog<RoomDialogs.CreateRequest> dialog = RoomDialogs.createDialog(stage,
                    mainModel.defaultService().orElse("conference." + account.substring(account.indexOf('@') + 1)),
                    Addresses.localpart(account));
            dialog.setOnHidden(e -> Optional.ofNullable(dialog.getResult()).ifPresent(request -> {
                java.util.function.Consumer<String> show = room -> {
                    mainModel.putRoom(account, room.substring(room.indexOf('@') + 1),
                            new SidebarTree.Room(room, null, SidebarTree.RoomSource.JOINED));
                    mainModel.openRoom(account, room);
                };
                if (!request.configureNow()) {
                    commands.createInstant(session, request.room(), request.nickname(), show);
                    return;
                }
                commands.createReserved(session, request.room(), request.nickname(), creation -> {
                    show.accept(creation.room());
                    RoomWorkspace workspace = workspaces.get(new RoomTab(account, creation.room()));
                    if (workspace == null) {
                        notifications.post(Notification.Kind.WARNING, "Creating " + creation.room(), "The room "
                                + "is locked and its tab could not open; close and reopen it to configure it.", null);
                        return;
                    }
                    workspace.configuration().beginCreation(creation.form(), creation::cancel, () -> {
                        mainModel.closeRoom(account, creation.room());
                        mainModel.removeRoom(account, creation.room());
                    });
                    workspace.select(2);
                });
            }));
            dialog.show();
        });
    }

    /** Whether the active account is in {@code room} (no network). */
    private boolean joined(String room) {
        try {
            return activeSession().isPresent() && activeSession().get().rooms().isJoined(room);
        } catch (org.chamberlain.app.errors.ModerationException notARoom) {
            // Not a room address: nothing to prefill the join dialog with.
            return true;
        }
    }

    /** The join dialog as the active account, prefilled with {@code room} or "@service". UI thread. */
    public void showJoinDialog(Optional<String> room) {
        Optional.ofNullable(mainModel.activeAccount().get()).ifPresent(account -> showJoinDialog(account, room));
    }

    /** The join dialog as {@code account}, prefilled with {@code room} or "@service". UI thread. */
    public void showJoinDialog(String account, Optional<String> room) {
        sessions.session(account).ifPresent(session -> {
            org.chamberlain.views.rooms.JoinViewModel model = new org.chamberlain.views.rooms.JoinViewModel(tasks,
                    RoomCommands.joinGateway(session, org.chamberlain.views.chat.ChatViewModel.HISTORY_ON_JOIN),
                    org.chamberlain.views.rooms.JoinDialog.prefill(room, mainModel.defaultService()),
                    Addresses.localpart(account), mainModel.defaultService());
            javafx.scene.control.Dialog<org.chamberlain.app.rooms.JoinedRoom> dialog =
                    org.chamberlain.views.rooms.JoinDialog.create(stage, model);
            dialog.setOnHidden(e -> Optional.ofNullable(dialog.getResult()).ifPresent(joined -> {
                mainModel.putRoom(account, joined.room().substring(joined.room().indexOf('@') + 1),
                        new SidebarTree.Room(joined.room(), null, SidebarTree.RoomSource.JOINED));
                mainModel.openRoom(account, joined.room());
                // The tab may be open already (its Occupants tab offered the dialog): show who is there now.
                Optional.ofNullable(workspaces.get(new RoomTab(account, joined.room())))
                        .ifPresent(workspace -> workspace.occupants().refresh());
                notifications.info("Joined", "You are in " + joined.room() + " as " + joined.nickname() + ".");
            }));
            dialog.show();
        });
    }

    /** Server-admin services per account ("account service"), found when the account's services are listed. */
    private final java.util.Set<String> adminServices = new java.util.HashSet<>();

    /** What right-clicking a sidebar row offers. Public for tests, which cannot right-click headless. */
    public List<MenuItem> sidebarActions(String account, Object row) {
        if (row instanceof SidebarTree.Room room) {
            MenuItem open = new MenuItem("Open");
            open.setOnAction(e -> mainModel.openRoom(account, room.jid()));
            MenuItem join = new MenuItem("Join\u2026");
            join.setId("sidebar-join");
            join.setOnAction(e -> showJoinDialog(account, Optional.of(room.jid())));
            String service = room.jid().substring(room.jid().indexOf('@') + 1);
            if (!adminServices.contains(account + " " + service)) {
                return List.of(open, join);
            }
            MenuItem destroy = new MenuItem("Destroy as server admin\u2026");
            destroy.setId("sidebar-admin-destroy-room");
            destroy.setOnAction(e -> showAdminDestroyDialog(account, service, Optional.of(room.jid())));
            return List.of(open, join, new SeparatorMenuItem(), destroy);
        }
        if (row instanceof SidebarTree.Service service && adminServices.contains(account + " " + service.jid())) {
            MenuItem destroy = new MenuItem("Destroy rooms (server admin)\u2026");
            destroy.setId("sidebar-admin-destroy");
            destroy.setOnAction(e -> showAdminDestroyDialog(account, service.jid(), Optional.empty()));
            return List.of(destroy);
        }
        return List.of();
    }

    private void showAdminDestroyDialog(String account, String service, Optional<String> preselected) {
        sessions.session(account).ifPresent(session -> {
            org.chamberlain.views.rooms.AdminDestroyViewModel model = new org.chamberlain.views.rooms
                    .AdminDestroyViewModel(tasks, RoomCommands.adminDestroyGateway(session), service);
            List<String> known = mainModel.sidebar().get().stream().filter(a -> a.jid().equals(account))
                    .flatMap(a -> a.services().stream()).filter(s -> s.jid().equals(service))
                    .flatMap(s -> s.rooms().stream()).map(SidebarTree.Room::jid).toList();
            model.load(known, preselected.map(java.util.Set::of).orElse(java.util.Set.of()));
            org.chamberlain.views.rooms.AdminDestroyDialog.create(stage, model, destroyed -> {
                for (String room : destroyed) {
                    mainModel.closeRoom(account, room);
                    mainModel.removeRoom(account, room);
                }
                int asked = model.selectedRooms().size();
                notifications.success("Rooms destroyed", "Destroyed " + destroyed.size() + " of " + asked
                        + (asked == 1 ? " room" : " rooms") + " on " + service + ".");
            }).show();
        });
    }

    /** Signs a saved account in; without a remembered password the person is told to give one. */
    private void signIn(Account account, String password) {
        mainModel.addAccount(new AccountProfile(account.jid(), password, account.host().orElse(null),
                account.port(), account.tlsPolicy() == TlsPolicy.PLAINTEXT_ALLOWED));
        if (password == null) {
            notifications.post(Notification.Kind.WARNING, account.jid(), "No password is remembered for this "
                    + "account; give it in File \u2192 Accounts \u2192 Edit.", null);
            return;
        }
        mainModel.connectionState(account.jid(), ConnectionState.CONNECTING);
        sessions.connect(account, password, (jid, state, problem) -> {
            mainModel.connectionState(jid, state);
            if (state == ConnectionState.ONLINE) {
                fillWaitingTabs(jid);
                discoverServices(jid);
            }
        }, failure -> {
            mainModel.connectionState(account.jid(), ConnectionState.FAILED);
            if (failure instanceof UntrustedCertificateException untrusted) {
                if (AccountDialogs.trustCertificate(stage, account.jid(), untrusted.problem())) {
                    sessions.trust(account.jid(), untrusted.problem());
                    accountsModel.trust(account.jid(), untrusted.problem().sha256Fingerprint());
                    signIn(account.trusting(untrusted.problem().sha256Fingerprint()), password);
                }
                return;
            }
            notifications.error("Sign-in of " + account.jid(), failure);
        });
    }

    /** Fills the sidebar with the account's MUC services and their public rooms. */
    private void discoverServices(String account) {
        // Filled on the task's thread, read on the UI thread after the task has finished.
        java.util.Set<String> admin = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<String> probeProblems = new java.util.concurrent.CopyOnWriteArrayList<>();
        sessions.session(account).ifPresent(session -> tasks.submit("Looking for rooms of " + account, ctx -> {
            Map<String, List<RoomListing>> found = new java.util.LinkedHashMap<>();
            for (String service : session.rooms().mucServices()) {
                found.put(service, session.rooms().rooms(service, false));
                try {
                    if (session.destruction().adminDestroyOffered(service)) {
                        admin.add(service);
                    }
                } catch (org.chamberlain.app.errors.ModerationException e) {
                    // The rooms are still worth listing; the person learns why the admin actions are missing.
                    probeProblems.add(e.getMessage());
                }
            }
            return found;
        }, found -> {
            probeProblems.forEach(problem -> notifications.post(Notification.Kind.WARNING,
                    "Server administration", "Could not check for administrator commands: " + problem, null));
            found.forEach((service, rooms) -> showService(account, service, rooms, admin.contains(service)));
        }, failure -> notifications.error("Room discovery for " + account, failure)));
    }

    private void showService(String account, String service, List<RoomListing> rooms, boolean admin) {
        if (admin) {
            adminServices.add(account + " " + service);
        }
        mainModel.putService(account, service);
        for (RoomListing listing : rooms) {
            mainModel.putRoom(account, service, new SidebarTree.Room(listing.room(), listing.name().orElse(null),
                    SidebarTree.RoomSource.DISCOVERED));
        }
    }

    private void showAccounts() {
        AccountDialogs.accountsDialog(stage, accountsModel, this::saveAccount,
                account -> accountsModel.remove(account, () -> {
                    sessions.forget(account.jid());
                    mainModel.removeAccount(account.jid());
                })).showAndWait();
    }

    /** Saves an added or edited account and signs it in (again). UI thread. */
    public void saveAccount(Optional<Account> previous, AccountInput input) {
        accountsModel.save(previous, input, saved -> {
            String oldPassword = previous.flatMap(p -> mainModel.accounts().stream()
                    .filter(a -> a.jid().equals(p.jid())).findFirst()).map(AccountProfile::password).orElse(null);
            previous.ifPresent(p -> {
                sessions.forget(p.jid());
                mainModel.removeAccount(p.jid());
            });
            signIn(saved, input.password().isEmpty() ? oldPassword : input.password());
        });
    }

    private boolean demoRoomOpened;

    /** The sandbox's lobby: created by the owner on first sign-in so there is a room to try things on. */
    private void openDemoRoom(String account) {
        if (demoRoomOpened || options.demoRoomIfAny().isEmpty()) {
            return;
        }
        demoRoomOpened = true;
        String room = options.demoRoomIfAny().get();
        sessions.session(account).ifPresent(session -> new RoomCommands(tasks, notifications)
                .createInstant(session, room, Addresses.localpart(account), created -> {
                    String service = created.substring(created.indexOf('@') + 1);
                    mainModel.putRoom(account, service,
                            new SidebarTree.Room(created, "Lobby", SidebarTree.RoomSource.JOINED));
                    mainModel.openRoom(account, created);
                    // The other sandbox accounts join too, so there is someone to moderate right away.
                    for (AccountProfile other : options.accounts()) {
                        if (!other.jid().equals(account)) {
                            sessions.session(other.jid()).ifPresent(guest -> tasks.submit(other.jid() + " joins "
                                    + created, ctx -> guest.rooms().join(created, other.localpart(), Optional.empty()),
                                    joined -> mainModel.putRoom(other.jid(), service,
                                            new SidebarTree.Room(created, "Lobby", SidebarTree.RoomSource.JOINED)),
                                    failure -> notifications.error(other.jid() + " joining", failure)));
                        }
                    }
                }));
    }

    private Optional<AccountSession> activeSession() {
        return Optional.ofNullable(mainModel.activeAccount().get()).flatMap(sessions::session);
    }

    /** Runs a command on the tab in front, as the tab's account (never just the active one). */
    private void withRoom(java.util.function.BiConsumer<AccountSession, RoomTab> action) {
        RoomTab tab = mainModel.selectedRoom().get();
        if (tab == null) {
            return;
        }
        Optional<AccountSession> session = sessions.session(tab.account());
        if (session.isEmpty()) {
            notifications.post(Notification.Kind.WARNING, tab.room(), tab.account() + " has no connection; "
                    + "check File \u2192 Accounts.", null);
            return;
        }
        action.accept(session.get(), tab);
    }

    /** For tests: the core's services of the app's accounts. */
    public AccountSessions sessions() {
        return sessions;
    }

    /** For tests: the workspace of a room's tab as the active account (null when that tab is not open). */
    public RoomWorkspace workspace(String roomJid) {
        String active = mainModel.activeAccount().get();
        return active == null ? null : workspaces.get(new RoomTab(active, roomJid));
    }

    /** For tests: the workspace of a room's tab as {@code account} (null when that tab is not open). */
    public RoomWorkspace workspace(String account, String roomJid) {
        return workspaces.get(new RoomTab(account, roomJid));
    }

    private void connectAccounts() {
        if (options.accounts().isEmpty()) {
            accountsModel.load(loaded -> {
                for (AccountsViewModel.Loaded saved : loaded) {
                    signIn(saved.account(), saved.password().orElse(null));
                }
                if (loaded.isEmpty()) {
                    notifications.info("Welcome", "Add the account you moderate with: File \u2192 Accounts.");
                }
            });
        }
        for (AccountProfile profile : options.accounts()) {
            mainModel.connectionState(profile.jid(), ConnectionState.CONNECTING);
            sessions.connect(profile, (jid, state, problem) -> {
                // Failures are reported once, by the failure callback below, with details.
                mainModel.connectionState(jid, state);
                if (state == ConnectionState.ONLINE) {
                    fillWaitingTabs(jid);
                    discoverServices(jid);
                }
                if (state == ConnectionState.ONLINE && jid.equals(options.activeAccount())) {
                    openDemoRoom(jid);
                }
            }, failure -> {
                mainModel.connectionState(profile.jid(), ConnectionState.FAILED);
                notifications.error("Sign-in of " + profile.jid(), failure);
            });
        }
    }

    @Override
    public void stop() {
        saveSettings();
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Could not close " + owned.get(i), e);
            }
        }
        owned.clear();
        synchronized (this) {
            if (vaults != null) {
                vaults.close();
            }
        }
    }

    /** For tests: the main window's view model. */
    public MainWindowViewModel mainModel() {
        return mainModel;
    }

    public NotificationCenter notifications() {
        return notifications;
    }

    static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(TrimmedTheme.url(dark).orElseGet(() -> dark
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet()));
    }

    private WindowSettings loadSettings() {
        try {
            return WindowSettings.load(options.configDir());
        } catch (IOException e) {
            // Defaults are fine to work with; the person learns why the layout was forgotten.
            notifications.post(Notification.Kind.WARNING,
                    "Settings", "Could not read the saved window layout from " + options.configDir()
                            + "; using the defaults.", e.toString());
            return new WindowSettings();
        }
    }

    private void restoreLayout(Stage window) {
        window.setMinWidth(640);
        window.setMinHeight(420);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        restoredWidth = Math.min(settings.width(), Math.max(640, screen.getWidth()));
        restoredHeight = Math.min(settings.height(), Math.max(420, screen.getHeight()));
        window.setWidth(restoredWidth);
        window.setHeight(restoredHeight);
        if (settings.hasPosition() && onSomeScreen(settings.x(), settings.y())) {
            window.setX(settings.x());
            window.setY(settings.y());
        } else {
            window.centerOnScreen();
        }
        restoredX = window.getX();
        restoredY = window.getY();
        window.setMaximized(settings.maximized());
        mainModel.restoreRooms(settings.openRooms());
    }

    private double restoredWidth;
    private double restoredHeight;
    private double restoredX = Double.NaN;
    private double restoredY = Double.NaN;

    /**
     * Sets the remembered size again if something other than the person changed it in the first frames (a
     * window manager's first configure event). FX thread.
     */
    private void keepRestoredSize(Stage window) {
        if (window.isMaximized() || restoredWidth <= 0) {
            return;
        }
        if (Math.abs(window.getWidth() - restoredWidth) > 8 || Math.abs(window.getHeight() - restoredHeight) > 8) {
            window.setWidth(restoredWidth);
            window.setHeight(restoredHeight);
            // The shrink and regrow may also move it (seen: to the top left corner, title bar cut off).
            if (!Double.isNaN(restoredX) && !Double.isNaN(restoredY)) {
                window.setX(restoredX);
                window.setY(restoredY);
            }
        }
    }

    private static boolean onSomeScreen(double x, double y) {
        return !Screen.getScreensForRectangle(new Rectangle2D(x + 20, y + 20, 40, 40)).isEmpty();
    }

    private void saveSettings() {
        if (stage == null || settings == null) {
            return;
        }
        settings.maximized(stage.isMaximized());
        if (!stage.isMaximized() && !Double.isNaN(stage.getX())) {
            settings.bounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
        double[] dividers = mainView.split().getDividerPositions();
        if (dividers.length > 0) {
            // Still written for older versions; this one reads the width.
            settings.sidebarDivider(dividers[0]);
        }
        settings.sidebarWidth(mainView.sidebarWidth());
        settings.darkTheme(mainModel.darkTheme().get());
        settings.openRooms(mainModel.roomsToRemember());
        try {
            settings.save(options.configDir());
        } catch (IOException e) {
            // The window is closing: nobody is left to show a notification to.
            LOG.log(Level.WARNING, "Could not save the window layout to " + options.configDir(), e);
        }
    }
}
