package org.chamberlain.app.accounts;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Chooses where each account's password lives: the OS keyring when the account asks for it and one is
 * available, otherwise memory; the password file only for accounts that opted into
 * {@link PasswordStorage#FILE}. Owned by the composition root; {@link #close()} releases the keyring.
 * Thread-safe; the first call may block while the keyring is probed, so call it off the UI thread.
 */
public final class PasswordVaults implements AutoCloseable {
    private final Supplier<KeyringPasswordVault> keyringOpener;
    private final MemoryPasswordVault memory = new MemoryPasswordVault();
    private final FilePasswordVault file;
    private KeyringPasswordVault keyring;
    private PasswordVaultException keyringProblem;
    private boolean probed;

    private PasswordVaults(Supplier<KeyringPasswordVault> keyringOpener, FilePasswordVault file) {
        this.keyringOpener = keyringOpener;
        this.file = file;
    }

    /** The OS keyring (when available), memory, and the opt-in file at its default location. */
    public static PasswordVaults system() {
        return new PasswordVaults(PasswordVaults::openKeyringOrNull, FilePasswordVault.atDefaultLocation());
    }

    /** No keyring (tests, headless servers): memory, and the given opt-in file. */
    public static PasswordVaults withoutKeyring(FilePasswordVault file) {
        return new PasswordVaults(() -> null, file);
    }

    /** The vault that keeps {@code account}'s password given what this machine offers. */
    public synchronized PasswordVault vaultFor(Account account) {
        switch (account.passwordStorage()) {
            case KEYRING:
                return keyring().<PasswordVault>map(k -> k).orElse(memory);
            case FILE:
                return file;
            case MEMORY:
            default:
                return memory;
        }
    }

    /** Whether an OS keyring answered. */
    public synchronized boolean keyringAvailable() {
        return keyring().isPresent();
    }

    /** Why the OS keyring is not used, when it is not. */
    public synchronized Optional<String> keyringProblem() {
        keyring();
        return Optional.ofNullable(keyringProblem).map(Throwable::getMessage);
    }

    private Optional<KeyringPasswordVault> keyring() {
        if (!probed) {
            probed = true;
            try {
                keyring = keyringOpener.get();
                if (keyring == null && keyringProblem == null) {
                    keyringProblem = new PasswordVaultException("No OS keyring is configured", null);
                }
            } catch (KeyringUnavailable e) {
                keyringProblem = e.problem;
            }
        }
        return Optional.ofNullable(keyring);
    }

    private static KeyringPasswordVault openKeyringOrNull() {
        try {
            return KeyringPasswordVault.open();
        } catch (PasswordVaultException e) {
            throw new KeyringUnavailable(e);
        }
    }

    @Override
    public synchronized void close() {
        if (keyring != null) {
            keyring.close();
            keyring = null;
        }
    }

    /** Carries the probe's failure out of the supplier. */
    private static final class KeyringUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient PasswordVaultException problem;

        KeyringUnavailable(PasswordVaultException problem) {
            super(problem.getMessage(), problem);
            this.problem = problem;
        }
    }
}
