package org.chamberlain.views.xmlconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.ConnectionManager;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
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
            XmlConsoleViewModel model = onFx(() -> {
                // The app's theme: it is what decides the rows' heights.
                javafx.application.Application.setUserAgentStylesheet(
                        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
                return new XmlConsoleViewModel(tasks, TrafficSource.of(owner));
            });
            Scene scene = onFx(() -> {
                Scene s = new Scene((javafx.scene.Parent) new XmlConsoleView(model).node(), 1280, 800);
                stage.setScene(s);
                stage.show();
                return s;
            });
            owner.connect();
            String room = "kitchen@" + server.mucService();
            onFx(() -> {
                model.draftProperty().set("<presence to='" + room + "/boss'><x xmlns='http://jabber.org/protocol/muc'>"
                        + "<password>secret123</password></x></presence>");
                model.send();
                return null;
            });
            assertThat(waitFor(() -> model.all().stream().anyMatch(e -> !e.outgoing()
                    && e.from().equals(room + "/boss") && e.xml().contains("code=\"110\"")
                    || !e.outgoing() && e.from().equals(room + "/boss") && e.xml().contains("code='110'")))).isTrue();
            assertThat(onFx(() -> model.history())).hasSize(1);
            assertThat(onFx(() -> model.draftProperty().get())).as("the sent draft is cleared").isEmpty();

            onFx(() -> {
                model.kindsProperty().set(EnumSet.of(ConsoleEntry.Kind.PRESENCE));
                model.jidFilterProperty().set("kitchen@");
                return null;
            });
            assertThat(onFx(() -> model.visible())).isNotEmpty()
                    .allMatch(e -> e.kind() == ConsoleEntry.Kind.PRESENCE)
                    .allMatch(e -> e.from().startsWith("kitchen@") || e.to().startsWith("kitchen@"))
                    .anyMatch(e -> e.outgoing()).anyMatch(e -> !e.outgoing());
            int presences = onFx(() -> model.visible().size());
            onFx(() -> {
                model.showOutgoingProperty().set(false);
                return null;
            });
            assertThat(onFx(() -> model.visible().size())).isLessThan(presences);
            assertThat(onFx(() -> model.visible())).noneMatch(ConsoleEntry::outgoing);
            onFx(() -> {
                model.kindsProperty().set(EnumSet.of(ConsoleEntry.Kind.IQ));
                return null;
            });
            assertThat(onFx(() -> model.visible())).isEmpty();
            onFx(() -> {
                model.kindsProperty().set(EnumSet.allOf(ConsoleEntry.Kind.class));
                model.showOutgoingProperty().set(true);
                model.jidFilterProperty().set("");
                model.searchProperty().set("muc#user");
                return null;
            });
            assertThat(onFx(() -> model.visible())).isNotEmpty().allMatch(e -> e.xml().contains("muc#user"));
            onFx(() -> {
                model.searchProperty().set("");
                model.jidFilterProperty().set("kitchen@");
                return null;
            });
            Thread.sleep(300);
            screenshot(scene, "xml-console-room-join");
            double tallestRow = onFx(() -> scene.getRoot().lookupAll(".traffic-cell").stream()
                    .filter(node -> node instanceof javafx.scene.control.ListCell<?> cell && cell.getItem() != null)
                    .mapToDouble(node -> ((javafx.scene.layout.Region) node).getHeight()).max().orElse(0));
            assertThat(tallestRow).as("the room's answer (presence, muc#user item and status, several lines "
                    + "pretty-printed) is shown whole, not cut to one row height").isGreaterThan(80);

            assertThat(onFx(() -> model.all())).noneMatch(e -> e.xml().contains("secret123"))
                    .anyMatch(e -> e.xml().contains("<password>[redacted]</password>"));
            Path saved = dir.resolve("console.log");
            onFx(() -> {
                model.save(saved);
                return null;
            });
            assertThat(waitFor(() -> Files.exists(saved))).isTrue();
            Thread.sleep(200);
            String text = Files.readString(saved, StandardCharsets.UTF_8);
            assertThat(text).contains(room + "/boss").doesNotContain("secret123");

            onFx(() -> {
                model.clear();
                return null;
            });
            assertThat(onFx(() -> model.visible())).isEmpty();
            onFx(() -> {
                model.close();
                return null;
            });
        }
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private static boolean waitFor(BooleanSupplier condition) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (onFx(condition::getAsBoolean)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static void screenshot(Scene scene, String name) throws Exception {
        var image = onFx(() -> scene.snapshot(null));
        Path file = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(file.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }
}
