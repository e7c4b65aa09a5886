package org.chamberlain.app.accounts;

/** Whether an account may talk to its server without encryption. */
public enum TlsPolicy {
    /** Encrypt (STARTTLS) or do not connect. The default. */
    REQUIRED,
    /**
     * Encrypt when the server offers it, otherwise send everything, password included, in plaintext. Only for
     * a test server on one's own machine; the person must choose it explicitly.
     */
    PLAINTEXT_ALLOWED
}
