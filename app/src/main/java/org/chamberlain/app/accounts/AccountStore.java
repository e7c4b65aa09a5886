package org.chamberlain.app.accounts;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The list of accounts, kept in {@code accounts.properties} under the platform config directory
 * ({@code $XDG_CONFIG_HOME/chamberlain} on Linux). Never contains passwords. Writes are atomic (a temp file
 * moved over the old one), so a crash leaves either the old or the new list.
 *
 * <p>Thread-safe; calls do file I/O, so call them off the UI thread.
 */
public final class AccountStore {
    private final Path file;

    public AccountStore(Path file) {
        this.file = file;
    }

    public static AccountStore atDefaultLocation() {
        return new AccountStore(PlatformDirectories.configDir().resolve("accounts.properties"));
    }

    public Path file() {
        return file;
    }

    /** The stored accounts in their stored order; empty when there is no file yet. */
    public synchronized List<Account> load() throws AccountStoreException {
        if (!Files.exists(file)) {
            return List.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new AccountStoreException("Cannot read the account list " + file + ": " + e.getMessage(), e);
        }
        int count = parseInt(properties, "accounts.count", "0");
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String prefix = "account." + i + ".";
            String jid = properties.getProperty(prefix + "jid");
            if (jid == null) {
                throw new AccountStoreException(file + ": entry " + prefix + "jid is missing", null);
            }
            try {
                Set<String> trusted = new LinkedHashSet<>();
                String fingerprints = properties.getProperty(prefix + "trustedCertificates", "").strip();
                if (!fingerprints.isEmpty()) {
                    trusted.addAll(Arrays.asList(fingerprints.split("\\s+")));
                }
                accounts.add(new Account(jid,
                        Optional.ofNullable(properties.getProperty(prefix + "host")),
                        parseInt(properties, prefix + "port", "0"),
                        TlsPolicy.valueOf(properties.getProperty(prefix + "tls", "REQUIRED")
                                .toUpperCase(Locale.ROOT)),
                        PasswordStorage.valueOf(properties.getProperty(prefix + "passwordStorage", "KEYRING")
                                .toUpperCase(Locale.ROOT)),
                        trusted));
            } catch (IllegalArgumentException e) {
                throw new AccountStoreException(file + ": account " + jid + " has an invalid setting: "
                        + e.getMessage(), e);
            }
        }
        return List.copyOf(accounts);
    }

    /** Replaces the stored list with {@code accounts}. */
    public synchronized void save(List<Account> accounts) throws AccountStoreException {
        Properties properties = new Properties();
        properties.setProperty("accounts.count", Integer.toString(accounts.size()));
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            String prefix = "account." + i + ".";
            properties.setProperty(prefix + "jid", account.jid());
            account.host().ifPresent(host -> properties.setProperty(prefix + "host", host));
            if (account.port() != 0) {
                properties.setProperty(prefix + "port", Integer.toString(account.port()));
            }
            properties.setProperty(prefix + "tls", account.tlsPolicy().name());
            properties.setProperty(prefix + "passwordStorage", account.passwordStorage().name());
            if (!account.trustedCertificates().isEmpty()) {
                properties.setProperty(prefix + "trustedCertificates", String.join(" ", account.trustedCertificates()));
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(writer, "Chamberlain accounts (no passwords here)");
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new AccountStoreException("Cannot write the account list " + file + ": " + e.getMessage(), e);
        }
    }

    /** Adds {@code account}, or replaces the stored account with the same JID in place. */
    public synchronized void put(Account account) throws AccountStoreException {
        List<Account> accounts = new ArrayList<>(load());
        boolean replaced = false;
        for (int i = 0; i < accounts.size(); i++) {
            if (accounts.get(i).jid().equals(account.jid())) {
                accounts.set(i, account);
                replaced = true;
            }
        }
        if (!replaced) {
            accounts.add(account);
        }
        save(accounts);
    }

    /** Removes the account with {@code jid}, if stored (its password is the vault's business). */
    public synchronized void remove(String jid) throws AccountStoreException {
        List<Account> accounts = new ArrayList<>(load());
        if (accounts.removeIf(a -> a.jid().equals(jid))) {
            save(accounts);
        }
    }

    private int parseInt(Properties properties, String key, String fallback) throws AccountStoreException {
        String value = properties.getProperty(key, fallback).strip();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new AccountStoreException(file + ": " + key + " is not a number: '" + value + "'", e);
        }
    }
}
