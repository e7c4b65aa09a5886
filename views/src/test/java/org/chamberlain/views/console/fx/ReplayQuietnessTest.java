package org.chamberlain.views.console.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Stage;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.ConnectionManager;
import org.chamberlain.app.connections.TrafficRecord;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.chamberlain.views.console.ActionMark;
import org.chamberlain.views.console.ConsoleView;
import org.chamberlain.views.console.ConsoleViewModel.RunState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The console's replays run in a child JVM, so its connections are quiet while the app's own (full Smack) stay
 * as they are. An observer — a normal app connection of the same account, so it would see that account's
 * presence and could query it — checks that the replay connection sends no presence and answers no disco
 * query, while the test JVM's own Smack keeps answering (it still has its extensions).
 */
@WithProsody
@ExtendWith(ApplicationExtension.class)
class ReplayQuietnessTest {
    private static final String SCRIPT = String.join("\n",
            "# Quiet replay",
            "",
            "[Client] Quiet",
            "\tjid: quiet@localhost/replay",
            "\tpassword: password",
            "",
            "---------",
            "",
            "Quiet connects",
            "",
            "Quiet sends:",
            "\t<message to=\"${Quiet's JID}\" type='chat' id='hello'><body>hello</body></message>",
            "",
            "Quiet receives:",
            "\t<iq type='get' id='disco1'><query xmlns='http://jabber.org/protocol/disco#info'/></iq>",
            "",
            "Quiet receives:",
            "\t<message type='chat' id='bye'/>",
            "",
            "Quiet disconnects",
            "");

    /** The console's working files; deleted by JUnit after each test. */
    @TempDir
    Path workDir;
    private ConsoleOnStage console;
    private ConsoleView view;

    @Start
    void start(Stage stage) throws Exception {
        console = ConsoleOnStage.show(stage, workDir, 1000, 700);
        view = console.view();
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
    }

    @Test
    void theReplayConnectionSendsNoPresenceAndAnswersNothing(TestServer server, @org.junit.jupiter.api.io.TempDir
            Path dir) throws Exception {
        Path script = dir.resolve("quiet.scs");
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        List<TrafficRecord> seen = new CopyOnWriteArrayList<>();
        try (ConnectionManager manager = new ConnectionManager()) {
            AccountConnection observer = manager.open(new Account(server.jid("quiet"), Optional.of(server.host()),
                    server.port(), TlsPolicy.PLAINTEXT_ALLOWED, PasswordStorage.MEMORY, Set.of()),
                    "password".toCharArray());
            observer.onTraffic(seen::add, Runnable::run);
            observer.connect();
            String replayJid = server.jid("quiet") + "/replay";

            FxTesting.onFx(() -> {
                view.model().hostProperty().set(server.host());
                view.model().portProperty().set(server.port());
                view.openFile(script);
                view.model().run(view.editor().text(), Set.of());
            });
            assertThat(waitUntil(() -> seen.stream().anyMatch(r -> !r.outgoing()
                    && r.xml().contains("<body>hello</body>") && r.xml().contains(replayJid)))).isTrue();
            observer.sendRaw("<iq type='get' to='" + replayJid + "' id='disco1'>"
                    + "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            Thread.sleep(1000);
            boolean answered = seen.stream().anyMatch(r -> !r.outgoing() && r.xml().contains("id='disco1'"));
            observer.sendRaw("<message to='" + replayJid + "' type='chat' id='bye'/>");

            assertThat(FxTesting.waitFor(60, () -> view.model().stateProperty().get() == RunState.IDLE
                    && view.model().statusProperty().get().contains("passed"))).isTrue();
            assertThat(FxTesting.onFx(() -> view.model().statusProperty().get())).startsWith("1 passed, 0 failed");
            assertThat(FxTesting.onFx(() -> view.editor().marks().values()))
                    .allMatch(m -> m.verdict() == ActionMark.Verdict.PASSED);
            assertThat(answered).as("the replay connection answered the disco query").isFalse();
            assertThat(seen).as("presence from the replay connection reached the observer")
                    .noneMatch(r -> !r.outgoing() && r.xml().startsWith("<presence") && r.xml().contains(replayJid));
            // Control: the observer is a normal app connection and did send presence of its own.
            assertThat(seen).anyMatch(r -> r.outgoing() && r.xml().startsWith("<presence"));
        }
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
