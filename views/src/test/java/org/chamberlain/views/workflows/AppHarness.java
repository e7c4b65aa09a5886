package org.chamberlain.views.workflows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.chamberlain.app.AccountSession;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.ConnectionManager;
import org.chamberlain.app.events.ActionJournal;
import org.chamberlain.app.events.RoomEvent;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.views.main.ConnectionState;
import org.chamberlain.views.shell.AccountProfile;
import org.chamberlain.views.shell.ChamberlainApp;
import org.chamberlain.views.shell.StartupOptions;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real app (composition root and all) against the harness's Prosody, headless, and takes
 * screenshots. Test code may use Smack directly to set the scene (create a room); the app under test
 * never does.
 */
final class AppHarness implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChamberlainApp app;
    private final Stage stage;

    private AppHarness(ChamberlainApp app, Stage stage) {
        this.app = app;
        this.stage = stage;
    }

    /** Opens the app signed in as {@code accounts[0]}; waits until every account is online. */
    static AppHarness start(TestServer server, Path configDir, String... localparts) throws Exception {
        List<AccountProfile> accounts = java.util.Arrays.stream(localparts)
                .map(l -> new AccountProfile(server.jid(l), "password", server.host(), server.port(), true))
                .toList();
        StartupOptions options = new StartupOptions(accounts, accounts.get(0).jid(), configDir,
                "Test server " + server.host() + ":" + server.port(), List.of(server.mucService()),
                configDir.resolve("audit.jsonl"), null, null);
        AppHarness harness = start(options);
        ChamberlainApp app = harness.app;
        harness.waitFor("every account online", () -> accounts.stream()
                .allMatch(a -> app.mainModel().connectionState(a.jid()) == ConnectionState.ONLINE));
        return harness;
    }

    /** Opens the app with exactly these options. */
    static AppHarness start(StartupOptions options) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        ChamberlainApp app = (ChamberlainApp) FxToolkit.setupApplication(() -> new ChamberlainApp(options));
        AppHarness harness = new AppHarness(app, stage);
        // The window is complete when shown; kept so the harness does not depend on when the workspace is built.
        harness.waitFor("the main window's workspace", () -> app.workspaceReady().get());
        return harness;
    }

    /** Every node matching the selector in the topmost dialog. */
    java.util.Set<Node> lookupInWindowsAll(String selector) {
        return topDialog().getScene().getRoot().lookupAll(selector);
    }

    ChamberlainApp app() {
        return app;
    }

    Scene scene() {
        return stage.getScene();
    }

    void onFx(Runnable action) {
        WaitForAsyncUtils.asyncFx(action);
        WaitForAsyncUtils.waitForFxEvents();
    }

    void waitFor(String what, Callable<Boolean> condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            TimeoutException detailed = new TimeoutException("Timed out waiting for: " + what);
            detailed.initCause(e);
            throw detailed;
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Saves the window as {@code target/screenshots/<name>.png}; returns the file. */
    Path screenshot(String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> scene().snapshot(null)));
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        ImageIO.write(buffered, "png", file.toFile());
        return file;
    }

    /** Finds a node in any open window (dialogs included), topmost first. */
    Node lookupInWindows(String selector) {
        List<Window> windows = new java.util.ArrayList<>(Window.getWindows());
        java.util.Collections.reverse(windows);
        for (Window window : windows) {
            Node found = window.getScene() == null ? null : window.getScene().lookup(selector);
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("No node " + selector + " in any window");
    }

    /** The topmost window other than the main one (a dialog). */
    private Window topDialog() {
        List<Window> windows = Window.getWindows().stream().filter(w -> w != stage && w.isShowing()).toList();
        if (windows.isEmpty()) {
            throw new AssertionError("No dialog is open");
        }
        return windows.get(windows.size() - 1);
    }

    /** Saves the open dialog as {@code target/screenshots/<name>.png}. */
    Path screenshotOfWindows(String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        Scene dialogScene = topDialog().getScene();
        WritableImage image = WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> dialogScene.snapshot(null)));
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        return file;
    }

    /**
     * Presses "Join…" on the Occupants tab in front, then Join in the join dialog it opens (prefilled with
     * the room and the tab's account's name). Not on the FX thread.
     */
    void joinThroughOccupantsTab() throws TimeoutException {
        waitFor("the join offer", () -> shown("#occupants-join") != null);
        onFx(() -> ((javafx.scene.control.Button) shown("#occupants-join")).fire());
        waitFor("the join dialog, ready", () -> Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                && w.getScene().lookup("#join-button") != null && !w.getScene().lookup("#join-button").isDisabled()));
        onFx(() -> ((javafx.scene.control.Button) lookupInWindows("#join-button")).fire());
    }

    /** The node matching the selector in the main window that is shown (its tab in front), if any. */
    Node shown(String selector) {
        for (Node node : scene().getRoot().lookupAll(selector)) {
            boolean visible = true;
            for (Node at = node; at != null; at = at.getParent()) {
                visible &= at.isVisible();
            }
            if (visible) {
                return node;
            }
        }
        return null;
    }

    /** Presses the default (OK) button of the open dialog, on the FX thread. */
    void pressDefaultButtonOfDialog() {
        topDialog().getScene().getRoot().lookupAll(".button").stream()
                .filter(n -> n instanceof javafx.scene.control.Button b && b.isDefaultButton()).findFirst()
                .map(javafx.scene.control.Button.class::cast)
                .orElseThrow(() -> new AssertionError("The dialog has no default button")).fire();
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /** Another person, driven from the test through the core's own services (app/). */
    static Person person(TestServer server, String user) throws Exception {
        ConnectionManager manager = new ConnectionManager();
        AccountConnection connection = manager.open(Account.of(server.jid(user))
                .withServer(server.host(), server.port()).withTlsPolicy(TlsPolicy.PLAINTEXT_ALLOWED)
                .withPasswordStorage(PasswordStorage.MEMORY), "password".toCharArray());
        connection.connect();
        AccountSession session = new AccountSession(connection, ActionJournal.NONE);
        List<RoomEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        session.tracker().onEvent(events::add, Runnable::run);
        return new Person(manager, session, events);
    }

    /** A second account with the events it saw. */
    record Person(ConnectionManager manager, AccountSession session, List<RoomEvent> events) implements AutoCloseable {
        @Override
        public void close() {
            session.close();
            manager.close();
        }
    }

    /** A Smack connection for setting up the scene from the test. */
    static XMPPTCPConnection connect(TestServer server, String user) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(server.domain())
                .setHost(server.host())
                .setPort(server.port())
                .setUsernameAndPassword(user, "password")
                .setSecurityMode(SecurityMode.disabled)
                .build());
        connection.connect().login();
        return connection;
    }

    /** Creates an instant room owned by {@code connection}'s account and stays in it. */
    static MultiUserChat createRoom(XMPPTCPConnection connection, String roomJid, String nick) throws Exception {
        MultiUserChat room = MultiUserChatManager.getInstanceFor(connection)
                .getMultiUserChat(JidCreate.entityBareFrom(roomJid));
        room.create(Resourcepart.from(nick)).makeInstant();
        return room;
    }
}
