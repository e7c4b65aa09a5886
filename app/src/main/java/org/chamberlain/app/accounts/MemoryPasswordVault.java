package org.chamberlain.app.accounts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps passwords for this run only. Thread-safe. */
public final class MemoryPasswordVault implements PasswordVault {
    private final Map<String, char[]> passwords = new ConcurrentHashMap<>();

    @Override
    public PasswordStorage storage() {
        return PasswordStorage.MEMORY;
    }

    @Override
    public Optional<char[]> find(String accountJid) {
        char[] password = passwords.get(accountJid);
        return password == null ? Optional.empty() : Optional.of(password.clone());
    }

    @Override
    public void store(String accountJid, char[] password) {
        char[] previous = passwords.put(accountJid, password.clone());
        if (previous != null) {
            Arrays.fill(previous, '\0');
        }
    }

    @Override
    public void forget(String accountJid) {
        char[] previous = passwords.remove(accountJid);
        if (previous != null) {
            Arrays.fill(previous, '\0');
        }
    }
}
