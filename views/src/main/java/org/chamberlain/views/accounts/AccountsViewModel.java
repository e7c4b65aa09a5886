package org.chamberlain.views.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.AccountStore;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.PasswordVaults;
import org.chamberlain.views.notifications.NotificationCenter;
import org.chamberlain.views.tasks.TaskRunner;

/**
 * The saved accounts: loaded from and saved to the core's {@link AccountStore}, passwords in the keyring
 * when the person asked for it. File and keyring work runs on the task runner. UI thread only.
 */
public final class AccountsViewModel {
    private final TaskRunner tasks;
    private final NotificationCenter notifications;
    private final AccountStore store;
    private final java.util.function.Supplier<PasswordVaults> vaults;
    private final ObservableList<Account> accounts = FXCollections.observableArrayList();
    private final ObservableList<Account> accountsReadOnly = FXCollections.unmodifiableObservableList(accounts);

    /** @param vaults opened only when a password is stored or read (the keyring may be slow or absent) */
    public AccountsViewModel(TaskRunner tasks, NotificationCenter notifications, AccountStore store,
            java.util.function.Supplier<PasswordVaults> vaults) {
        this.tasks = tasks;
        this.notifications = notifications;
        this.store = store;
        this.vaults = vaults;
    }

    /** Reads the saved accounts and, for each, its remembered password (empty when none). */
    public void load(Consumer<List<Loaded>> onLoaded) {
        tasks.submit("Reading saved accounts", ctx -> {
            List<Loaded> loaded = new ArrayList<>();
            for (Account account : store.load()) {
                Optional<char[]> password = account.passwordStorage() == PasswordStorage.MEMORY ? Optional.empty()
                        : vaults.get().vaultFor(account).find(account.jid());
                loaded.add(new Loaded(account, password.map(String::new)));
            }
            return loaded;
        }, loaded -> {
            accounts.setAll(loaded.stream().map(Loaded::account).toList());
            onLoaded.accept(loaded);
        }, failure -> notifications.error("Saved accounts", failure));
    }

    /** Adds or replaces the account (by JID) and saves; remembers the password when asked to. */
    public void save(Optional<Account> previous, AccountInput input, Consumer<Account> onSaved) {
        Account account = input.toAccount(previous);
        List<Account> next = new ArrayList<>(accounts);
        previous.ifPresent(p -> next.removeIf(a -> a.jid().equals(p.jid())));
        next.removeIf(a -> a.jid().equals(account.jid()));
        next.add(account);
        char[] password = input.password() == null ? new char[0] : input.password().toCharArray();
        tasks.submit("Saving " + account.jid(), ctx -> {
            store.save(next);
            if (account.passwordStorage() != PasswordStorage.MEMORY && password.length > 0) {
                vaults.get().vaultFor(account).store(account.jid(), password);
            }
            return account;
        }, saved -> {
            accounts.setAll(next);
            notifications.success("Accounts", "Saved " + saved.jid() + ".");
            onSaved.accept(saved);
        }, failure -> notifications.error("Saving " + account.jid(), failure));
    }

    /** Remembers a certificate the person trusted, so the next start does not ask again. */
    public void trust(String jid, String sha256Fingerprint) {
        List<Account> next = accounts.stream().map(a -> a.jid().equals(jid) ? a.trusting(sha256Fingerprint) : a)
                .toList();
        if (next.equals(List.copyOf(accounts))) {
            return;
        }
        tasks.submit("Saving trust for " + jid, ctx -> {
            store.save(next);
            return next;
        }, saved -> accounts.setAll(saved), failure -> notifications.error("Saving " + jid, failure));
    }

    public void remove(Account account, Runnable onRemoved) {
        List<Account> next = new ArrayList<>(accounts);
        next.removeIf(a -> a.jid().equals(account.jid()));
        tasks.submit("Removing " + account.jid(), ctx -> {
            store.save(next);
            if (account.passwordStorage() != PasswordStorage.MEMORY) {
                vaults.get().vaultFor(account).forget(account.jid());
            }
            return account;
        }, removed -> {
            accounts.setAll(next);
            notifications.info("Accounts", "Removed " + removed.jid() + ".");
            onRemoved.run();
        }, failure -> notifications.error("Removing " + account.jid(), failure));
    }

    public ObservableList<Account> accounts() {
        return accountsReadOnly;
    }

    /** A saved account with its remembered password, if any. */
    public record Loaded(Account account, Optional<String> password) {
    }
}
