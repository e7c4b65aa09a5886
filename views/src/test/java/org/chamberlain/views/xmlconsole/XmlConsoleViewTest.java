package org.chamberlain.views.xmlconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.ConnectionManager;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.chamberlain.views.console.fx.FxTesting;
import org.chamberlain.views.tasks.FxTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The XML console of a real account: a room join sent from the console, shown, filtered, saved, redacted. */
@WithProsody
@ExtendWith(ApplicationExtension.class)
class XmlConsoleViewTest {
    private FxTaskRunner tasks;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        tasks = new FxTaskRunner(2);
    }

    @AfterEach
    void stop() {
        tasks.close();
    }

    @Test
    void showsAndFiltersARoomJoinAndNeverShowsThePassword(TestServer server, @TempDir Path dir) throws Exception {
        try (ConnectionManager manager = new ConnectionManager()) {
            AccountConnection owner = manager.open(new Account(server.jid("xmlowner"), Optional.of(server.host()),
                    server.port(), TlsPolicy.PLAINTEXT_ALLOWED, PasswordStorage.MEMORY, Set.of()),
                    "password".toCharArray());
            XmlConsoleViewModel model = FxTesting.onFx(() -> {
                // The app's theme: it is what decides the rows' heights.
                javafx.application.Application.setUserAgentStylesheet(
                        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
                return new XmlConsoleViewModel(tasks, TrafficSource.of(owner));
            });
            Scene scene = FxTesting.onFx(() -> {
                Scene s = new Scene((javafx.scene.Parent) new XmlConsoleView(model).node(), 1280, 800);
                stage.setScene(s);
                stage.show();
                return s;
            });
            owner.connect();
            String room = "kitchen@" + server.mucService();
            FxTesting.onFx(() -> {
                model.draftProperty().set("<presence to='" + room + "/boss'><x xmlns='http://jabber.org/protocol/muc'>"
                        + "<password>secret123</password></x></presence>");
                model.send();
                return null;
            });
            assertThat(FxTesting.waitFor(15, () -> model.all().stream().anyMatch(e -> !e.outgoing()
                    && e.from().equals(room + "/boss") && e.xml().contains("code=\"110\"")
                    || !e.outgoing() && e.from().equals(room + "/boss") && e.xml().contains("code='110'")))).isTrue();
            assertThat(FxTesting.onFx(() -> model.history())).hasSize(1);
            assertThat(FxTesting.onFx(() -> model.draftProperty().get())).as("the sent draft is cleared").isEmpty();

            FxTesting.onFx(() -> {
                model.kindsProperty().set(EnumSet.of(ConsoleEntry.Kind.PRESENCE));
                model.jidFilterProperty().set("kitchen@");
                return null;
            });
            assertThat(FxTesting.onFx(() -> model.visible())).isNotEmpty()
                    .allMatch(e -> e.kind() == ConsoleEntry.Kind.PRESENCE)
                    .allMatch(e -> e.from().startsWith("kitchen@") || e.to().startsWith("kitchen@"))
                    .anyMatch(e -> e.outgoing()).anyMatch(e -> !e.outgoing());
            int presences = FxTesting.onFx(() -> model.visible().size());
            FxTesting.onFx(() -> {
                model.showOutgoingProperty().set(false);
                return null;
            });
            assertThat(FxTesting.onFx(() -> model.visible().size())).isLessThan(presences);
            assertThat(FxTesting.onFx(() -> model.visible())).noneMatch(ConsoleEntry::outgoing);
            FxTesting.onFx(() -> {
                model.kindsProperty().set(EnumSet.of(ConsoleEntry.Kind.IQ));
                return null;
            });
            assertThat(FxTesting.onFx(() -> model.visible())).isEmpty();
            FxTesting.onFx(() -> {
                model.kindsProperty().set(EnumSet.allOf(ConsoleEntry.Kind.class));
                model.showOutgoingProperty().set(true);
                model.jidFilterProperty().set("");
                model.searchProperty().set("muc#user");
                return null;
            });
            assertThat(FxTesting.onFx(() -> model.visible())).isNotEmpty().allMatch(e -> e.xml().contains("muc#user"));
            FxTesting.onFx(() -> {
                model.searchProperty().set("");
                model.jidFilterProperty().set("kitchen@");
                return null;
            });
            Thread.sleep(300);
            FxTesting.screenshot(scene, "xml-console-room-join");
            double tallestRow = FxTesting.onFx(() -> scene.getRoot().lookupAll(".traffic-cell").stream()
                    .filter(node -> node instanceof javafx.scene.control.ListCell<?> cell && cell.getItem() != null)
                    .mapToDouble(node -> ((javafx.scene.layout.Region) node).getHeight()).max().orElse(0));
            assertThat(tallestRow).as("the room's answer (presence, muc#user item and status, several lines "
                    + "pretty-printed) is shown whole, not cut to one row height").isGreaterThan(80);

            assertThat(FxTesting.onFx(() -> model.all())).noneMatch(e -> e.xml().contains("secret123"))
                    .anyMatch(e -> e.xml().contains("<password>[redacted]</password>"));
            Path saved = dir.resolve("console.log");
            FxTesting.onFx(() -> {
                model.save(saved);
                return null;
            });
            assertThat(FxTesting.waitFor(15, () -> Files.exists(saved))).isTrue();
            Thread.sleep(200);
            String text = Files.readString(saved, StandardCharsets.UTF_8);
            assertThat(text).contains(room + "/boss").doesNotContain("secret123");

            FxTesting.onFx(() -> {
                model.clear();
                return null;
            });
            assertThat(FxTesting.onFx(() -> model.visible())).isEmpty();
            FxTesting.onFx(() -> {
                model.close();
                return null;
            });
        }
    }
}
