package org.chamberlain.views.console;

import java.io.IOException;
import java.util.Map;

/**
 * The sandbox server the app runs on ({@code chamberlain sandbox}), as the script console needs it: where it
 * listens, its domain, its ready accounts, and a way to add the accounts a script declares.
 */
public interface SandboxTarget {
    String host();

    int port();

    String domain();

    /** The sandbox's own accounts: bare JID → password. Any thread. */
    Map<String, String> accounts();

    /**
     * Makes sure {@code localpart@domain()} exists with {@code password}: registers it if the sandbox does not
     * have it yet, leaves the sandbox's own accounts alone. Blocks (runs {@code prosodyctl}): background thread
     * only.
     */
    void ensureAccount(String localpart, String password) throws IOException;

    /**
     * Completes, with what is known of why (exit code, the end of its log), if the sandbox's server ends while
     * the app still runs on it; never when the app stops it. Completed on a JDK thread: hand it to the FX thread.
     */
    default java.util.concurrent.CompletionStage<String> whenStoppedUnexpectedly() {
        return new java.util.concurrent.CompletableFuture<>();
    }
}
