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
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
                configDir.resolve("audit.jsonl"), null);
        Stage stage = FxToolkit.registerPrimaryStage();
        ChamberlainApp app = (ChamberlainApp) FxToolkit.setupApplication(() -> new ChamberlainApp(options));
        AppHarness harness = new AppHarness(app, stage);
        harness.waitFor("every account online", () -> accounts.stream()
                .allMatch(a -> app.mainModel().connectionState(a.jid()) == ConnectionState.ONLINE));
        return harness;
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

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
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
