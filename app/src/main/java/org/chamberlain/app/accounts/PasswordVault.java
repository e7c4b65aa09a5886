package org.chamberlain.app.accounts;

import java.util.Optional;

/**
 * Keeps account passwords. Implementations are thread-safe; calls may block (a keyring may ask the desktop),
 * so call them off the UI thread. Passwords are handed over as {@code char[]} that the caller may wipe.
 */
public interface PasswordVault {

    /** Where this vault keeps passwords. */
    PasswordStorage storage();

    /** The stored password of {@code accountJid}, a fresh copy. */
    Optional<char[]> find(String accountJid) throws PasswordVaultException;

    /** Stores (or replaces) the password of {@code accountJid}; the vault keeps its own copy. */
    void store(String accountJid, char[] password) throws PasswordVaultException;

    /** Removes the password of {@code accountJid}, if stored. */
    void forget(String accountJid) throws PasswordVaultException;
}
