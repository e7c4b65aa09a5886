package org.chamberlain.app.accounts;

/** A password could not be read or written; the message says where and why (never the password). */
public class PasswordVaultException extends Exception {
    private static final long serialVersionUID = 1L;

    public PasswordVaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
