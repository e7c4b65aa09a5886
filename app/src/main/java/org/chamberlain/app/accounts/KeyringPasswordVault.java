package org.chamberlain.app.accounts;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Passwords in the OS keyring through java-keyring, under the service name {@value #SERVICE} and the
 * account's bare JID. Thread-safe (calls are serialised: the native backends are not known to be).
 */
public final class KeyringPasswordVault implements PasswordVault, AutoCloseable {
    static final String SERVICE = "Chamberlain XMPP";

    private final Keyring keyring;

    private KeyringPasswordVault(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * Opens the OS keyring, and checks that it really answers (on Linux a Secret Service may be missing
     * even though the library loads).
     *
     * @throws PasswordVaultException when there is no usable keyring
     */
    public static KeyringPasswordVault open() throws PasswordVaultException {
        Keyring keyring;
        try {
            keyring = Keyring.create();
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            throw new PasswordVaultException("No OS keyring is available: " + e.getMessage(), e);
        }
        KeyringPasswordVault vault = new KeyringPasswordVault(keyring);
        try {
            vault.find("probe@chamberlain.invalid");
        } catch (PasswordVaultException e) {
            vault.close();
            throw e;
        }
        return vault;
    }

    @Override
    public PasswordStorage storage() {
        return PasswordStorage.KEYRING;
    }

    @Override
    public synchronized Optional<char[]> find(String accountJid) throws PasswordVaultException {
        try {
            String password = keyring.getPassword(SERVICE, accountJid);
            return Optional.ofNullable(password).map(String::toCharArray);
        } catch (PasswordAccessException e) {
            // java-keyring reports "not found" as an access exception on some backends.
            if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("not found")) {
                return Optional.empty();
            }
            throw new PasswordVaultException("The OS keyring did not give the password of " + accountJid + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new PasswordVaultException("The OS keyring failed for " + accountJid + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void store(String accountJid, char[] password) throws PasswordVaultException {
        try {
            keyring.setPassword(SERVICE, accountJid, new String(password));
        } catch (PasswordAccessException | RuntimeException e) {
            throw new PasswordVaultException("The OS keyring did not store the password of " + accountJid + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void forget(String accountJid) throws PasswordVaultException {
        try {
            keyring.deletePassword(SERVICE, accountJid);
        } catch (PasswordAccessException e) {
            if (!String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("not found")) {
                throw new PasswordVaultException("The OS keyring did not remove the password of " + accountJid
                        + ": " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            throw new PasswordVaultException("The OS keyring failed for " + accountJid + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            keyring.close();
        } catch (Exception e) {
            // Nothing is lost: the keyring holds no unsaved state. Keep it for diagnosis only.
            Logger.getLogger(KeyringPasswordVault.class.getName()).log(Level.FINE, "Closing the keyring failed", e);
        }
    }
}
