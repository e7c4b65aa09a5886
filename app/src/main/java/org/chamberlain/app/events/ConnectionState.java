package org.chamberlain.app.events;

/** Where an account's connection is. */
public enum ConnectionState {
    /** Not connected and not trying. */
    DISCONNECTED,
    /** Connecting and logging in, on the caller's request. */
    CONNECTING,
    /** Logged in; services can be used. */
    CONNECTED,
    /** The connection broke; the next attempt is scheduled (see {@link ConnectionStateChanged#retryIn()}). */
    RECONNECTING,
    /** Connecting failed in a way retrying cannot fix (refused login, certificate, TLS policy). */
    FAILED
}
