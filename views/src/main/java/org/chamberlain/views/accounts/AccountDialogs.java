package org.chamberlain.views.accounts;

import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.connections.CertificateProblem;
import org.chamberlain.views.dialogs.DialogPlacement;

/** The accounts list, the add/edit form, and the certificate decision. */
public final class AccountDialogs {

    private AccountDialogs() {
    }

    /** The add/edit form; {@code existing} empty for a new account. */
    public static Dialog<AccountInput> accountDialog(Window owner, Optional<Account> existing) {
        Dialog<AccountInput> dialog = new Dialog<>();
        DialogPlacement.ownedBy(dialog, owner);
        dialog.setTitle(existing.isPresent() ? "Edit account" : "Add account");
        dialog.setHeaderText(existing.map(a -> "Edit " + a.jid()).orElse("Add an account to moderate with"));
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        TextField jid = new TextField(existing.map(Account::jid).orElse(""));
        jid.setPromptText("name@example.org");
        jid.setId("account-jid");
        PasswordField password = new PasswordField();
        password.setPromptText(existing.isPresent() ? "Unchanged when empty" : "Password");
        password.setId("account-password");
        TextField host = new TextField(existing.flatMap(Account::host).orElse(""));
        host.setPromptText("Optional: found through DNS when empty");
        TextField port = new TextField(existing.filter(a -> a.port() > 0).map(a -> Integer.toString(a.port()))
                .orElse(""));
        port.setPromptText("5222");
        port.setPrefColumnCount(6);
        CheckBox plaintext = new CheckBox("Allow unencrypted connections\n(only for a test server on this machine)");
        plaintext.setSelected(existing.map(a -> a.tlsPolicy() == TlsPolicy.PLAINTEXT_ALLOWED).orElse(false));
        CheckBox remember = new CheckBox("Remember the password in the system keyring");
        remember.setSelected(existing.map(a -> a.passwordStorage() != PasswordStorage.MEMORY).orElse(true));
        Label problems = new Label();
        problems.getStyleClass().add("form-problem");
        problems.setWrapText(true);
        problems.setMaxWidth(460);
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(8, 4, 4, 4));
        grid.addRow(0, fieldLabel("Address"), jid);
        grid.addRow(1, fieldLabel("Password"), password);
        grid.addRow(2, fieldLabel("Server host"), host);
        grid.addRow(3, fieldLabel("Port"), port);
        grid.add(plaintext, 1, 4);
        grid.add(remember, 1, 5);
        grid.add(problems, 1, 6);
        dialog.getDialogPane().setContent(grid);
        java.util.function.Supplier<AccountInput> input = () -> new AccountInput(jid.getText(), password.getText(),
                host.getText(), port.getText(), plaintext.isSelected(), remember.isSelected());
        javafx.beans.binding.StringBinding problemText = Bindings.createStringBinding(
                () -> String.join(" ", input.get().problems(existing.isEmpty())), jid.textProperty(),
                password.textProperty(), host.textProperty(), port.textProperty());
        problems.textProperty().bind(problemText);
        dialog.getDialogPane().lookupButton(save).disableProperty().bind(problemText.isNotEmpty());
        Platform.runLater(jid::requestFocus);
        dialog.setResultConverter(b -> b == save ? input.get() : null);
        return dialog;
    }

    /** The accounts list with Add, Edit, Remove; changes go through the view model. */
    public static Dialog<Void> accountsDialog(Window owner, AccountsViewModel model,
            java.util.function.BiConsumer<Optional<Account>, AccountInput> onSave,
            java.util.function.Consumer<Account> onRemove) {
        Dialog<Void> dialog = new Dialog<>();
        DialogPlacement.ownedBy(dialog, owner);
        dialog.setTitle("Accounts");
        dialog.setHeaderText("Your accounts");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        ListView<Account> list = new ListView<>(model.accounts());
        list.setPrefSize(460, 220);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Account a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.jid() + a.host().map(h -> "  via " + h
                        + (a.port() > 0 ? ":" + a.port() : "")).orElse("")
                        + (a.tlsPolicy() == TlsPolicy.PLAINTEXT_ALLOWED ? "  (plaintext allowed)" : ""));
            }
        });
        Label empty = new Label("No saved accounts. Add one to start.");
        empty.getStyleClass().add("placeholder-text");
        list.setPlaceholder(empty);
        Button add = new Button("Add…");
        add.setId("accounts-add");
        add.setOnAction(e -> accountDialog(dialog.getDialogPane().getScene().getWindow(), Optional.empty())
                .showAndWait().ifPresent(input -> onSave.accept(Optional.empty(), input)));
        Button edit = new Button("Edit…");
        edit.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> {
            Account selected = list.getSelectionModel().getSelectedItem();
            accountDialog(dialog.getDialogPane().getScene().getWindow(), Optional.of(selected)).showAndWait()
                    .ifPresent(input -> onSave.accept(Optional.of(selected), input));
        });
        Button remove = new Button("Remove");
        remove.getStyleClass().add("danger");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> onRemove.accept(list.getSelectionModel().getSelectedItem()));
        VBox box = new VBox(10, list, new HBox(8, add, edit, remove));
        dialog.getDialogPane().setContent(box);
        return dialog;
    }

    /** Asks whether to trust a certificate; shows the fingerprint to compare. */
    public static boolean trustCertificate(Window owner, String accountJid, CertificateProblem problem) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        DialogPlacement.ownedBy(alert, owner);
        alert.setTitle("Certificate");
        alert.setHeaderText("Trust the certificate of " + problem.server() + " for " + accountJid + "?");
        TextArea details = new TextArea(problem.question());
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(8);
        details.setPrefColumnCount(50);
        alert.getDialogPane().setContent(details);
        ButtonType trust = new ButtonType("Trust and connect", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(ButtonType.CANCEL, trust);
        return alert.showAndWait().filter(b -> b == trust).isPresent();
    }

    /** A label beside a field; never shortened to "…". */
    private static Label fieldLabel(String text) {
        Label label = new Label(text);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }
}
