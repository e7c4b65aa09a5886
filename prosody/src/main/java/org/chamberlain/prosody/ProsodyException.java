package org.chamberlain.prosody;

/** A local Prosody server could not be started; the message says why and carries the log tail when there is one. */
public class ProsodyException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProsodyException(String message) {
        super(message);
    }

    public ProsodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
