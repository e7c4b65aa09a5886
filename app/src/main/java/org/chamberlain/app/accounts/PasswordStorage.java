package org.chamberlain.app.accounts;

/** Where an account's password is kept between runs. */
public enum PasswordStorage {
    /** The OS keyring (Secret Service, KWallet, macOS Keychain, Windows Credential Manager). */
    KEYRING,
    /** Nowhere: asked for again after each start. */
    MEMORY,
    /** A file only the user can read, unencrypted; only when the person explicitly opts in. */
    FILE
}
