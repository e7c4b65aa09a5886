package org.chamberlain.views.console.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.ConnectionManager;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.chamberlain.views.console.ConsoleView;
import org.chamberlain.views.console.ConsoleViewModel.RunState;
import org.chamberlain.views.console.record.RecordDialog;
import org.chamberlain.views.console.record.RecordViewModel;
import org.chamberlain.views.xmlconsole.TrafficSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Record dialog against a real Prosody: an account of the app and an account of the script in the editor
 * (connected by the dialog) are recorded; names are validated; the recorded script opens in the editor and
 * replays green from the console.
 */
@WithProsody
@ExtendWith(ApplicationExtension.class)
class RecordDialogTest {
    private static final String SCRIPT = String.join("\n", "# Two people", "", "[Client] Romeo",
            "\tjid: recjuliet@localhost", "\tpassword: password", "", "---------", "", "Romeo connects", "");

    /** The console's working files; deleted by JUnit after each test. */
    @TempDir
    Path workDir;
    private ConsoleOnStage console;
    private ConsoleView view;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        console = ConsoleOnStage.show(stage, workDir, List.of());
        view = console.view();
        scene = console.scene();
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
    }

    @Test
    void anAppAccountAndAScriptAccountAreRecordedIntoAScriptThatReplaysGreen(TestServer server) throws Exception {
        try (ConnectionManager app = new ConnectionManager()) {
            AccountConnection romeo = app.open(new Account(server.jid("recromeo"), Optional.of(server.host()),
                    server.port(), TlsPolicy.PLAINTEXT_ALLOWED, PasswordStorage.MEMORY, Set.of()),
                    "password".toCharArray());
            romeo.connect();
            RecordDialog dialog = FxTesting.onFx(() -> {
                view.model().hostProperty().set(server.host());
                view.model().portProperty().set(server.port());
                view.setAppAccounts(() -> List.of(new RecordViewModel.AppAccount(romeo.accountJid(),
                        romeo.boundJid().orElseThrow(), TrafficSource.of(romeo))));
                view.showScript(SCRIPT);
                RecordDialog d = view.openRecorder();
                d.show();
                return d;
            });
            Scene dialogScene = dialog.stage().getScene();
            TextField appName = FxTesting.onFx(() -> (TextField) dialogScene.lookup("#record-name-0"));
            TextField scriptName = FxTesting.onFx(() -> (TextField) dialogScene.lookup("#record-name-1"));
            Button start = FxTesting.onFx(() -> (Button) dialogScene.lookup("#record-start"));
            // Defaults: the app account's local part; the script's "Romeo" made unique against it.
            assertThat(FxTesting.onFx(() -> appName.getText())).isEqualTo("Recromeo");
            assertThat(FxTesting.onFx(() -> scriptName.getText())).isEqualTo("Romeo");

            FxTesting.onFx(() -> {
                ((CheckBox) dialogScene.lookup("#record-check-0")).setSelected(true);
                ((CheckBox) dialogScene.lookup("#record-check-1")).setSelected(true);
                appName.setText("Romeo");
            });
            assertThat(FxTesting.onFx(() -> ((Label) dialogScene.lookup("#record-problem-1")).getText()))
                    .contains("Another chosen account has this name");
            assertThat(FxTesting.onFx(() -> start.isDisabled())).isTrue();
            FxTesting.onFx(() -> scriptName.setText("Juliet ]"));
            assertThat(FxTesting.onFx(() -> ((Label) dialogScene.lookup("#record-problem-1")).getText()))
                    .startsWith("Letters, digits");
            FxTesting.onFx(() -> scriptName.setText("Juliet"));
            assertThat(FxTesting.onFx(() -> start.isDisabled())).isFalse();
            FxTesting.screenshot(dialogScene, "console-record-dialog");

            FxTesting.onFx(() -> start.fire());
            assertThat(FxTesting.waitFor(30, () -> dialog.model().recordingProperty().get()))
                    .as("recording starts: %s", FxTesting.onFx(() -> dialog.model().statusProperty().get())).isTrue();
            java.util.concurrent.CountDownLatch delivered = new java.util.concurrent.CountDownLatch(1);
            FxTesting.onFx(() -> dialog.model().scriptConnections()).get(0).onTraffic(record -> {
                if (!record.outgoing() && record.xml().contains("Good night")) {
                    delivered.countDown();
                }
            }, Runnable::run);
            romeo.sendRaw("<message to='" + server.jid("recjuliet") + "' type='chat' id='rec1'><body>Good night"
                    + "</body></message>");
            assertThat(delivered.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(FxTesting.waitFor(30, () -> {
                dialog.model().refreshCount();
                return dialog.model().recordedProperty().get() >= 3;
            })).isTrue();
            FxTesting.onFx(() -> ((Button) dialogScene.lookup("#record-stop")).fire());

            String recorded = FxTesting.onFx(() -> view.editor().text());
            assertThat(recorded).contains("[Client] Romeo", "[Client] Juliet", "Romeo sends:", "Juliet receives:",
                    "Good night");
            assertThat(FxTesting.onFx(() -> dialog.stage().isShowing())).isFalse();
            FxTesting.screenshot(scene, "console-recorded-script");

            FxTesting.onFx(() -> view.model().run(view.editor().text(), Set.of()));
            assertThat(FxTesting.waitFor(20, () -> view.model().stateProperty().get() != RunState.IDLE)).isTrue();
            assertThat(FxTesting.waitFor(60, () -> view.model().stateProperty().get() == RunState.IDLE)).isTrue();
            assertThat(FxTesting.onFx(() -> view.model().statusProperty().get()))
                    .as("%s%n%s", recorded, FxTesting.onFx(() -> List.copyOf(view.model().diagnostics())))
                    .startsWith("1 passed, 0 failed");
        }
    }
}
