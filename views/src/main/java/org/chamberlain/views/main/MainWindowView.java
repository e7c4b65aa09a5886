package org.chamberlain.views.main;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.chamberlain.views.dialogs.DialogPlacement;
import org.chamberlain.views.notifications.Notification;
import org.chamberlain.views.notifications.NotificationsView;
import org.chamberlain.views.shell.AccountProfile;

/**
 * The main window's nodes: menu bar, sidebar (filter box over the accounts → services → rooms tree), the
 * workspace with a tab per open room, the status bar, and the notification stack over everything. Built in
 * code and bound to {@link MainWindowViewModel}; holds no state of its own beyond the nodes.
 */
public final class MainWindowView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final MainWindowViewModel model;
    private final Function<RoomTab, Node> roomContent;
    private final Runnable quit;
    private final StackPane root = new StackPane();
    private final BorderPane frame = new BorderPane();
    private final SplitPane split = new SplitPane();
    // The sidebar and the workspace area are created by buildWorkspace(). The tree and the tab pane themselves
    // are made when there is something to show in them: until then a plain node that looks the same stands in
    // (an empty TreeView or TabPane costs its skin, virtual flow and scroll bars, CSS and layout for nothing on
    // the screen; docs/benchmarks.md, "Start-up, lighter first screen").
    private TextField filterBox;
    private TreeView<Object> tree;
    private TabPane workspace;
    /** Stands in for the tree until the sidebar has a row (same style class, so the same box is drawn). */
    private Region emptyTree;
    private StackPane workspaceArea;
    private HBox statusBar;
    private ProgressBar progress;
    /** Kept here: the binding is only weakly held by the task list it watches. */
    private javafx.beans.binding.BooleanBinding busy;
    private final BooleanProperty workspaceReady = new SimpleBooleanProperty(this, "workspaceReady");
    private final BooleanProperty tabSelected = new SimpleBooleanProperty(this, "tabSelected");
    private final Menu accountMenu = new Menu("_Account");
    private final Menu toolsMenu = new Menu("_Tools");
    private Menu roomMenu;
    /** Right-click actions of a sidebar row: (account of the row, row value) → menu items; none by default. */
    private java.util.function.BiFunction<String, Object, List<MenuItem>> sidebarActions = (a, v) -> List.of();
    private Menu fileMenu;
    /** The sidebar width to keep (pixels) until the person drags the divider; NaN before it is known. */
    private double wantedSidebarWidth = Double.NaN;
    private boolean dividerMovedByPerson;
    private VBox sidebarBox;
    /** Drawn until the first frame is on the screen; then the real menu bar ({@link #realizeMenuBar}). */
    private final MenuBarStandIn menuBarStandIn;

    /**
     * Builds the window's shell (menus and status bar); {@link #buildWorkspace()} adds the sidebar, the tabs
     * and the notifications.
     *
     * @param roomContent builds the workspace of one room tab (a room as one account)
     * @param quit closes the window (the composition root then shuts everything down)
     */
    public MainWindowView(MainWindowViewModel model, Function<RoomTab, Node> roomContent, Runnable quit) {
        this.model = model;
        this.roomContent = roomContent;
        this.quit = quit;
        menuBarStandIn = new MenuBarStandIn(menuBar(), frame::setTop);
        frame.setTop(menuBarStandIn.node());
        // -Dchamberlain.menuBarStandIn=false: the real bar from the start, to compare start-up times (views/bench.sh).
        if (!Boolean.parseBoolean(System.getProperty("chamberlain.menuBarStandIn", "true"))) {
            menuBarStandIn.realize();
        }
        Region loading = new Region();
        loading.getStyleClass().add("workspace");
        frame.setCenter(loading);
        frame.setBottom(statusBar());
        root.getChildren().add(frame);
        root.getStyleClass().add("main-window");
    }

    /**
     * Adds the sidebar, the workspace tabs and the notifications to the shell; does nothing the second time.
     * The composition root calls it before the window is first shown, so the window is complete in its first
     * frame. FX thread.
     */
    public void buildWorkspace() {
        if (workspaceReady.get()) {
            return;
        }
        filterBox = new TextField();
        split.getItems().addAll(sidebar(), workspace());
        // The sidebar keeps its width when the window is resized; the rooms get the rest.
        SplitPane.setResizableWithParent(split.getItems().get(0), false);
        // A window manager resizes (or maximizes) the window after it is shown: the saved width is applied
        // again at every size the window takes until the person drags the divider (a ratio applied before
        // the final size left the sidebar at its minimum).
        split.widthProperty().addListener((obs, old, now) -> applySidebarWidth());
        split.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() instanceof Node target && isDivider(target)) {
                dividerMovedByPerson = true;
            }
        });
        frame.setCenter(split);
        Node notifications = new NotificationsView(model.notifications()).node();
        StackPane.setAlignment(notifications, Pos.BOTTOM_RIGHT);
        // Above the status bar and the tabs' action bars, so the cards never hide a button.
        StackPane.setMargin(notifications, new Insets(0, 16, 110, 0));
        root.getChildren().add(notifications);
        workspaceReady.set(true);
    }

    /**
     * Puts the real menu bar where its stand-in was drawn; the composition root calls it right after the first
     * frame (before that, the first key press or a click on a menu title does it). FX thread.
     */
    public void realizeMenuBar() {
        menuBarStandIn.realize();
    }

    /**
     * Leaves the window with no control focused when it first shows. The filter box then shows its hint,
     * "Filter rooms (Ctrl+F)" (focused and empty, it shows only a caret), and the first frame has no focus
     * styling or caret to draw: ~25 ms of the start-up on a 2-core machine (docs/benchmarks.md, "Start-up,
     * session 5"). Tab and Ctrl+F reach the filter box as before. Call once the view is in its scene and before
     * the window shows. FX thread.
     */
    public void startWithNothingFocused() {
        root.requestFocus();
    }

    /** True once {@link #buildWorkspace()} has run. */
    public ReadOnlyBooleanProperty workspaceReady() {
        return workspaceReady;
    }

    public Parent node() {
        return root;
    }

    /** The File menu, for the composition root to add the commands it wires up. */
    public Menu fileMenu() {
        return fileMenu;
    }

    /** The Room menu, for the composition root to add the commands it wires up. */
    public Menu roomMenu() {
        return roomMenu;
    }

    /** The Tools menu (script console, XML console), filled by the composition root. */
    public Menu toolsMenu() {
        return toolsMenu;
    }

    /**
     * Shows a tool (e.g. the script console) as a closable workspace tab, or selects it if already open.
     * {@code onClose} runs when the person closes the tab. FX thread.
     */
    public void openTool(String id, String title, Node content, Runnable onClose) {
        buildWorkspace();
        tabs();
        String key = "tool:" + id;
        for (Tab tab : workspace.getTabs()) {
            if (key.equals(tab.getUserData())) {
                workspace.getSelectionModel().select(tab);
                return;
            }
        }
        Tab tab = new Tab(title, content);
        tab.setUserData(key);
        tab.setId(key.replace(':', '-'));
        tab.setOnClosed(e -> onClose.run());
        workspace.getTabs().add(tab);
        workspace.getSelectionModel().select(tab);
    }

    /**
     * Sets what right-clicking a sidebar row offers: gets the row's account and its value (a
     * {@link SidebarTree.Account}, {@link SidebarTree.Service} or {@link SidebarTree.Room}). FX thread.
     */
    public void sidebarActions(java.util.function.BiFunction<String, Object, List<MenuItem>> actions) {
        this.sidebarActions = actions;
    }

    /** The room selected in the sidebar, if a room row is selected. */
    public java.util.Optional<String> selectedSidebarRoom() {
        if (tree == null) {
            // The workspace is not built yet (the first moments after start): nothing is selected.
            return java.util.Optional.empty();
        }
        TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof SidebarTree.Room room ? java.util.Optional.of(room.jid())
                : java.util.Optional.empty();
    }

    public SplitPane split() {
        return split;
    }

    /**
     * Sets the sidebar's width in pixels; kept through the window's resizes (also those of the window manager
     * after the window appears), never narrower than the account names. FX thread.
     */
    public void sidebarWidth(double pixels) {
        wantedSidebarWidth = pixels;
        dividerMovedByPerson = false;
        applySidebarWidth();
    }

    /** The sidebar's width now (pixels), to remember; NaN before the workspace is built. */
    public double sidebarWidth() {
        return sidebarBox == null || sidebarBox.getWidth() <= 0 ? Double.NaN : sidebarBox.getWidth();
    }

    private void applySidebarWidth() {
        double total = split.getWidth() - split.snappedLeftInset() - split.snappedRightInset();
        if (dividerMovedByPerson || Double.isNaN(wantedSidebarWidth) || sidebarBox == null || total <= 0) {
            return;
        }
        double width = Math.max(sidebarBox.getMinWidth(), Math.min(wantedSidebarWidth, total * 0.6));
        split.setDividerPositions(Math.min(0.9, width / total));
    }

    private static boolean isDivider(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Wide enough for the longest account row ("owner@sandbox.localhost  (online)", bold when active) with
     * its dot, indent and the sidebar's padding; at least 220.
     */
    private double sidebarMinWidth(List<SidebarTree.Account> accounts) {
        javafx.scene.text.Font font = filterBox.getFont();
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(javafx.scene.text.Font.font(font.getFamily(), javafx.scene.text.FontWeight.BOLD,
                font.getSize()));
        double widest = 0;
        for (SidebarTree.Account account : accounts) {
            probe.setText(account.jid() + "  (" + ConnectionState.ONLINE.label() + ")");
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        // Disclosure arrow and dot (36 px before the text), the tree's and the sidebar's padding, a scroll bar.
        return Math.max(220, Math.ceil(widest + 70));
    }

    // ---- menus and shortcuts ----

    private MenuBar menuBar() {
        MenuItem quitItem = new MenuItem("_Quit");
        quitItem.setAccelerator(Shortcuts.QUIT);
        quitItem.setOnAction(e -> quit.run());
        Menu file = new Menu("_File", null, quitItem);
        fileMenu = file;

        rebuildAccountMenu();
        model.activeAccount().addListener((obs, old, now) -> rebuildAccountMenu());
        model.accountsChanged().addListener((obs, old, now) -> rebuildAccountMenu());

        MenuItem closeTab = new MenuItem("_Close room tab");
        closeTab.setAccelerator(Shortcuts.CLOSE_TAB);
        closeTab.disableProperty().bind(tabSelected.not());
        closeTab.setOnAction(e -> {
            Tab tab = workspace == null ? null : workspace.getSelectionModel().getSelectedItem();
            if (tab != null && tab.getUserData() instanceof RoomTab roomTab) {
                model.closeRoom(roomTab);
            } else if (tab != null) {
                // A tool tab: closed as its close button would.
                workspace.getTabs().remove(tab);
                if (tab.getOnClosed() != null) {
                    tab.getOnClosed().handle(new javafx.event.Event(Tab.CLOSED_EVENT));
                }
            }
        });
        MenuItem openRoom = new MenuItem("_Open room…");
        openRoom.setAccelerator(Shortcuts.OPEN_ROOM);
        openRoom.setOnAction(e -> askForRoom());
        openRoom.disableProperty().bind(Bindings.isNull(model.activeAccount()));
        Menu room = new Menu("_Room", null, openRoom, closeTab);
        roomMenu = room;

        MenuItem find = new MenuItem("_Find room");
        find.setAccelerator(Shortcuts.FIND_ROOM);
        find.setOnAction(e -> {
            buildWorkspace();
            filterBox.requestFocus();
        });
        CheckMenuItem dark = new CheckMenuItem("_Dark theme");
        dark.setAccelerator(Shortcuts.TOGGLE_THEME);
        dark.selectedProperty().bindBidirectional(model.darkTheme());
        MenuItem history = new MenuItem("_Notifications of this session…");
        history.setAccelerator(Shortcuts.NOTIFICATIONS);
        history.setOnAction(e -> showNotificationHistory());
        Menu view = new Menu("_View", null, find, history, new SeparatorMenuItem(), dark);

        MenuItem keys = new MenuItem("_Keyboard shortcuts");
        keys.setAccelerator(Shortcuts.HELP);
        keys.setOnAction(e -> showShortcuts());
        Menu help = new Menu("_Help", null, keys);
        toolsMenu.setId("tools-menu");
        return new MenuBar(file, accountMenu, room, view, toolsMenu, help);
    }

    private void askForRoom() {
        javafx.scene.control.TextInputDialog dialog = new javafx.scene.control.TextInputDialog(
                model.defaultService().map(s -> "@" + s).orElse(""));
        DialogPlacement.ownedBy(dialog, window());
        dialog.setTitle("Open room");
        dialog.setHeaderText("Open a room as " + model.activeAccount().get());
        dialog.setContentText("Room address:");
        dialog.getEditor().setPrefColumnCount(28);
        dialog.getEditor().setId("open-room-address");
        javafx.application.Platform.runLater(() -> dialog.getEditor().positionCaret(0));
        dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty()).ifPresent(address -> {
            String problem = model.openRoomByAddress(address);
            if (problem != null) {
                model.notifications().post(Notification.Kind.WARNING, "Open room", problem, null);
            }
        });
    }

    private void rebuildAccountMenu() {
        accountMenu.getItems().clear();
        ToggleGroup group = new ToggleGroup();
        for (AccountProfile profile : model.accounts()) {
            RadioMenuItem item = new RadioMenuItem("Act as " + profile.jid());
            item.setToggleGroup(group);
            item.setSelected(profile.jid().equals(model.activeAccount().get()));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.switchAccount(profile.jid()));
            accountMenu.getItems().add(item);
        }
        MenuItem next = new MenuItem("_Next account");
        next.setAccelerator(Shortcuts.NEXT_ACCOUNT);
        next.setDisable(model.accounts().size() < 2);
        next.setOnAction(e -> switchToNextAccount());
        if (!accountMenu.getItems().isEmpty()) {
            accountMenu.getItems().add(new SeparatorMenuItem());
        }
        accountMenu.getItems().add(next);
    }

    private void switchToNextAccount() {
        List<AccountProfile> accounts = model.accounts();
        int current = 0;
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i).jid().equals(model.activeAccount().get())) {
                current = i;
            }
        }
        model.switchAccount(accounts.get((current + 1) % accounts.size()).jid());
    }

    private void showShortcuts() {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (Shortcuts.Entry entry : Shortcuts.all()) {
            Label keys = new Label(entry.keys().getDisplayText());
            keys.getStyleClass().add("shortcut-keys");
            grid.addRow(row++, keys, new Label(entry.action()));
        }
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        DialogPlacement.ownedBy(alert, window());
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(grid);
        alert.show();
    }

    private void showNotificationHistory() {
        ListView<Notification> list = new ListView<>(model.notifications().history());
        list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Notification n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null
                        : TIME.format(n.time()) + "  " + n.title() + ": " + n.message());
                setWrapText(true);
            }
        });
        list.setPlaceholder(new Label("Nothing happened yet."));
        list.setPrefSize(620, 360);
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        DialogPlacement.ownedBy(alert, window());
        alert.setTitle("Notifications");
        alert.setHeaderText("Notifications of this session");
        alert.getDialogPane().setContent(list);
        alert.show();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    // ---- sidebar ----

    private Node sidebar() {
        filterBox.setPromptText("Filter rooms (Ctrl+F)");
        filterBox.textProperty().bindBidirectional(model.filter());
        filterBox.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                filterBox.clear();
            } else if (e.getCode() == KeyCode.DOWN) {
                TreeView<Object> rows = tree();
                rows.requestFocus();
                rows.getSelectionModel().selectFirst();
            }
        });
        filterBox.setId("room-filter");
        Label count = new Label();
        count.textProperty().bind(model.sidebarCount());
        count.getStyleClass().add("sidebar-count");

        // Looks like the empty tree (its style class draws the same box); focusable like it, and turns into the
        // tree when it gets the focus (Tab, a click) or when the first account appears.
        emptyTree = new Region();
        emptyTree.getStyleClass().addAll("tree-view", "empty-tree");
        emptyTree.setFocusTraversable(true);
        emptyTree.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                tree().requestFocus();
            }
        });
        emptyTree.setOnMousePressed(e -> tree().requestFocus());
        VBox.setVgrow(emptyTree, Priority.ALWAYS);
        model.sidebar().addListener((obs, old, now) -> {
            if (tree != null) {
                rebuildTree(now);
            } else if (!now.isEmpty()) {
                tree();
            }
        });
        VBox box = new VBox(6, filterBox, count, model.sidebar().get().isEmpty() ? emptyTree : tree());
        box.setPadding(new Insets(8));
        box.getStyleClass().add("sidebar");
        box.minWidthProperty().bind(Bindings.createDoubleBinding(() -> sidebarMinWidth(model.sidebar().get()),
                model.sidebar(), filterBox.fontProperty()));
        sidebarBox = box;
        return box;
    }

    /** The sidebar's tree, made (in place of the empty box) on first use. FX thread. */
    private TreeView<Object> tree() {
        if (tree != null) {
            return tree;
        }
        tree = new TreeView<>();
        tree.setShowRoot(false);
        tree.setId("sidebar-tree");
        tree.setCellFactory(v -> new SidebarCell());
        tree.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                activate(tree.getSelectionModel().getSelectedItem());
            }
        });
        tree.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                activate(tree.getSelectionModel().getSelectedItem());
            }
        });
        tree.setOnContextMenuRequested(e -> {
            TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
            TreeItem<Object> owner = item;
            while (owner != null && !(owner.getValue() instanceof SidebarTree.Account)) {
                owner = owner.getParent();
            }
            if (item == null || owner == null) {
                return;
            }
            List<MenuItem> items = sidebarActions.apply(((SidebarTree.Account) owner.getValue()).jid(),
                    item.getValue());
            if (!items.isEmpty()) {
                javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(
                        items.toArray(MenuItem[]::new));
                javafx.geometry.Point2D at = e.isKeyboardTrigger() ? tree.localToScreen(20, 20)
                        : new javafx.geometry.Point2D(e.getScreenX(), e.getScreenY());
                menu.show(tree, at.getX(), at.getY());
            }
            e.consume();
        });
        rebuildTree(model.sidebar().get());
        VBox.setVgrow(tree, Priority.ALWAYS);
        if (sidebarBox != null) {
            int at = sidebarBox.getChildren().indexOf(emptyTree);
            sidebarBox.getChildren().set(at, tree);
        }
        return tree;
    }

    private void activate(TreeItem<Object> item) {
        if (item == null) {
            return;
        }
        Object value = item.getValue();
        if (value instanceof SidebarTree.Room room) {
            // The room opens as the account it is listed under, whichever account is active.
            TreeItem<Object> owner = item.getParent();
            while (owner != null && !(owner.getValue() instanceof SidebarTree.Account)) {
                owner = owner.getParent();
            }
            if (owner != null) {
                model.openRoom(((SidebarTree.Account) owner.getValue()).jid(), room.jid());
            }
        } else if (value instanceof SidebarTree.Account account) {
            model.switchAccount(account.jid());
        }
    }

    private void rebuildTree(List<SidebarTree.Account> accounts) {
        TreeItem<Object> rootItem = new TreeItem<>("accounts");
        boolean filtering = !model.filter().get().isBlank();
        for (SidebarTree.Account account : accounts) {
            TreeItem<Object> accountItem = new TreeItem<>(account);
            accountItem.setExpanded(true);
            for (SidebarTree.Service service : account.services()) {
                TreeItem<Object> serviceItem = new TreeItem<>(service);
                serviceItem.setExpanded(account.active() || filtering);
                for (SidebarTree.Room room : service.rooms()) {
                    serviceItem.getChildren().add(new TreeItem<>(room));
                }
                accountItem.getChildren().add(serviceItem);
            }
            rootItem.getChildren().add(accountItem);
        }
        tree.setRoot(rootItem);
    }

    /** One row: an account with its state, a service, or a room with where it comes from. */
    private static final class SidebarCell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("account-row", "service-row", "room-row", "active-account");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (item instanceof SidebarTree.Account account) {
                Label dot = new Label("●");
                dot.getStyleClass().addAll("state-dot", "state-" + account.state().name().toLowerCase(
                        java.util.Locale.ROOT));
                setGraphic(dot);
                setText(account.jid() + "  (" + account.state().label() + ")");
                getStyleClass().add("account-row");
                if (account.active()) {
                    getStyleClass().add("active-account");
                }
            } else if (item instanceof SidebarTree.Service service) {
                setGraphic(null);
                setText(service.jid() + "  · " + service.rooms().size());
                getStyleClass().add("service-row");
            } else if (item instanceof SidebarTree.Room room) {
                setGraphic(null);
                String source = switch (room.source()) {
                    case JOINED -> "";
                    case REMEMBERED -> "  (remembered)";
                    case DISCOVERED -> "  (public)";
                    case LEFT -> "  (left)";
                    default -> "";
                };
                setText(room.label() + source);
                getStyleClass().add("room-row");
            } else {
                setGraphic(null);
                setText(item.toString());
            }
        }
    }

    // ---- workspace ----

    private Node workspace() {
        model.openRooms().addListener((ListChangeListener<RoomTab>) change -> {
            while (change.next()) {
                if (workspace != null) {
                    for (RoomTab removed : change.getRemoved()) {
                        workspace.getTabs().removeIf(t -> removed.equals(t.getUserData()));
                    }
                }
                for (RoomTab added : change.getAddedSubList()) {
                    tabs().getTabs().add(roomTab(added));
                }
            }
        });
        // "lobby" becomes "lobby · alice" once a second account is there to tell apart.
        model.accountsChanged().addListener((obs, old, now) -> {
            if (workspace != null) {
                workspace.getTabs().forEach(t -> {
                    if (t.getUserData() instanceof RoomTab open) {
                        t.setText(model.tabTitle(open));
                    }
                });
            }
        });
        model.selectedRoom().addListener((obs, old, now) -> {
            if (workspace != null) {
                workspace.getTabs().stream().filter(t -> t.getUserData().equals(now)).findFirst()
                        .ifPresent(t -> workspace.getSelectionModel().select(t));
            }
        });

        Label title = new Label("No room open");
        title.getStyleClass().add("title-3");
        Label hint = new Label("Double-click a room in the sidebar to open it here, or press Ctrl+F to find one.");
        hint.setWrapText(true);
        hint.getStyleClass().add("placeholder-text");
        VBox placeholder = new VBox(8, title, hint);
        placeholder.setAlignment(Pos.CENTER);
        placeholder.setMaxWidth(420);
        placeholder.setMouseTransparent(true);
        StackPane area = new StackPane(placeholder);
        area.getStyleClass().add("workspace");
        workspaceArea = area;
        if (!model.openRooms().isEmpty()) {
            TabPane pane = tabs();
            for (RoomTab open : model.openRooms()) {
                pane.getTabs().add(roomTab(open));
            }
        }
        return area;
    }

    /**
     * The room tabs, made with the first tab: with no tab open a TabPane draws nothing but costs its skin, so
     * the workspace starts as the plain area with the "No room open" text. FX thread.
     */
    private TabPane tabs() {
        if (workspace != null) {
            return workspace;
        }
        workspace = new TabPane();
        workspace.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        workspace.setId("workspace");
        workspace.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                model.selectedRoom().set(now != null && now.getUserData() instanceof RoomTab open ? open : null));
        tabSelected.bind(workspace.getSelectionModel().selectedItemProperty().isNotNull());
        Node placeholder = workspaceArea.getChildren().get(0);
        placeholder.visibleProperty().bind(Bindings.isEmpty(workspace.getTabs()));
        workspaceArea.getChildren().add(0, workspace);
        return workspace;
    }

    /** Builds the content of an open room tab again (e.g. once its account has signed in). FX thread. */
    public void rebuildRoomTab(RoomTab open) {
        if (workspace != null) {
            workspace.getTabs().stream().filter(t -> open.equals(t.getUserData())).findFirst()
                    .ifPresent(t -> t.setContent(roomContent.apply(open)));
        }
    }

    private Tab roomTab(RoomTab open) {
        Tab tab = new Tab(model.tabTitle(open));
        tab.setUserData(open);
        tab.setId("room-tab-" + open.roomName() + "-" + open.accountName());
        tab.setTooltip(new javafx.scene.control.Tooltip(model.tabTooltip(open)));
        tab.setContent(roomContent.apply(open));
        tab.setOnClosed(e -> model.closeRoom(open));
        return tab;
    }

    // ---- status bar ----

    private Node statusBar() {
        Label connection = new Label();
        connection.textProperty().bind(model.connectionText());
        connection.setId("status-connection");
        Label task = new Label();
        task.textProperty().bind(model.taskSummary());
        task.setId("status-task");
        // The progress bar is made when the first task runs: until then it would be an invisible node with a skin.
        busy = model.busy();
        busy.addListener((obs, was, now) -> showBusy(now));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label server = new Label(model.serverNote());
        server.getStyleClass().add("status-server");
        HBox bar = new HBox(12, connection, spacer, task, server);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.getStyleClass().add("status-bar");
        statusBar = bar;
        showBusy(busy.get());
        return bar;
    }

    private void showBusy(boolean busyNow) {
        if (busyNow) {
            progressBar().setVisible(true);
        } else if (progress != null) {
            progress.setVisible(false);
        }
    }

    /** The status bar's progress bar, made on first use: bound to the task's progress while one task runs. */
    private ProgressBar progressBar() {
        if (progress != null) {
            return progress;
        }
        progress = new ProgressBar();
        progress.setPrefWidth(120);
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setVisible(false);
        Runnable follow = () -> {
            var running = model.taskRunner().tasks().running();
            progress.progressProperty().unbind();
            if (running.size() == 1) {
                progress.progressProperty().bind(running.get(0).progress());
            } else {
                progress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
            }
        };
        model.taskRunner().tasks().running().addListener((ListChangeListener<Object>) c -> follow.run());
        follow.run();
        // Between the task summary and the server note, where it always was.
        statusBar.getChildren().add(statusBar.getChildren().size() - 1, progress);
        return progress;
    }
}
