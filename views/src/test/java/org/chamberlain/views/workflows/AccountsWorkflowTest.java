package org.chamberlain.views.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.chamberlain.views.accounts.AccountDialogs;
import org.chamberlain.views.accounts.AccountInput;
import org.chamberlain.views.main.ConnectionState;
import org.chamberlain.views.main.SidebarTree;
import org.chamberlain.views.shell.StartupOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A first start without accounts: add one in the dialog, it signs in and its MUC service shows up. */
@WithProsody
class AccountsWorkflowTest {

    @Test
    void addAnAccountSignInAndSeeItsServices(TestServer server, @TempDir Path config) throws Exception {
        StartupOptions plain = StartupOptions.plain(config, config.resolve("audit.jsonl"));
        try (AppHarness app = AppHarness.start(plain)) {
            app.waitFor("the welcome", () -> app.app().notifications().history().stream()
                    .anyMatch(n -> n.title().equals("Welcome")));
            app.onFx(() -> {
                Dialog<AccountInput> dialog = AccountDialogs.accountDialog(app.scene().getWindow(), Optional.empty());
                dialog.setOnHidden(e -> Optional.ofNullable(dialog.getResult())
                        .ifPresent(input -> app.app().saveAccount(Optional.empty(), input)));
                dialog.show();
                ((TextField) app.lookupInWindows("#account-jid")).setText(server.jid("grace"));
                ((PasswordField) app.lookupInWindows("#account-password")).setText("password");
                List<javafx.scene.Node> boxes = List.copyOf(app.lookupInWindowsAll(".check-box"));
                ((CheckBox) boxes.get(0)).setSelected(true);
                ((CheckBox) boxes.get(1)).setSelected(false);
                ((TextField) app.lookupInWindows("#account-jid").getParent().getChildrenUnmodifiable().get(5))
                        .setText(server.host());
                ((TextField) app.lookupInWindows("#account-jid").getParent().getChildrenUnmodifiable().get(7))
                        .setText(Integer.toString(server.port()));
            });
            app.screenshotOfWindows("account-dialog");
            app.onFx(app::pressDefaultButtonOfDialog);

            app.waitFor("grace online", () -> app.app().mainModel().connectionState(server.jid("grace"))
                    == ConnectionState.ONLINE);
            app.waitFor("the MUC service discovered", () -> app.app().mainModel().sidebar().get().stream()
                    .flatMap(a -> a.services().stream()).map(SidebarTree.Service::jid)
                    .anyMatch(server.mucService()::equals));
            assertThat(Files.readString(config.resolve("accounts.properties"))).contains(server.jid("grace"));
            app.onFx(() -> app.app().mainModel().darkTheme().set(true));
            app.screenshot("main-window-dark");
        }
    }
}
