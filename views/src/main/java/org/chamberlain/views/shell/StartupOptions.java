package org.chamberlain.views.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.chamberlain.views.console.SandboxTarget;

/**
 * What the app starts with: accounts handed over by the command line (the sandbox's three), the one to sign
 * in as, where settings and the audit log live, a line for the status bar saying which server this is, and the
 * sandbox the app runs on (the script console's Sandbox target), if any.
 */
public record StartupOptions(List<AccountProfile> accounts, String activeAccount, Path configDir,
        String serverNote, List<String> mucServices, Path auditLog, String demoRoom, SandboxTarget sandbox) {

    public StartupOptions {
        accounts = List.copyOf(accounts);
        mucServices = List.copyOf(mucServices);
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(auditLog, "auditLog");
        if (activeAccount != null && accounts.stream().noneMatch(a -> a.jid().equals(activeAccount))) {
            throw new IllegalArgumentException("The active account " + activeAccount + " is not one of the accounts");
        }
    }

    /** A plain start: no accounts handed over, settings and audit log in the platform directories. */
    public static StartupOptions plain(Path configDir, Path auditLog) {
        return new StartupOptions(List.of(), null, configDir, null, List.of(), auditLog, null, null);
    }

    public Optional<String> activeAccountIfAny() {
        return Optional.ofNullable(activeAccount);
    }

    /** A room the active account creates (if missing) and opens once it is online: the sandbox's lobby. */
    public Optional<String> demoRoomIfAny() {
        return Optional.ofNullable(demoRoom);
    }

    public Optional<String> serverNoteIfAny() {
        return Optional.ofNullable(serverNote);
    }

    /** The sandbox this app was started on ({@code chamberlain sandbox}). */
    public Optional<SandboxTarget> sandboxIfAny() {
        return Optional.ofNullable(sandbox);
    }
}
