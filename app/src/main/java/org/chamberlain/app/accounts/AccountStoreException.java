package org.chamberlain.app.accounts;

/** The account list could not be read or written; the message names the file and the cause. */
public class AccountStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public AccountStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
