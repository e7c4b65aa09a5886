package org.chamberlain.views.sandbox;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.chamberlain.prosody.ProsodyException;
import org.chamberlain.views.settings.ConfigDirectory;
import org.chamberlain.views.shell.AccountProfile;
import org.chamberlain.views.shell.AppLauncher;
import org.chamberlain.views.shell.StartupOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chamberlain sandbox}: the one-command trial. Starts a private Prosody with three accounts, opens
 * the app signed in as the owner, and stops the server when the window closes.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Try Chamberlain on a private local server: starts Prosody on 127.0.0.1 with a MUC "
                + "service and three accounts (owner, alice, bob), opens the app as the owner, and stops the "
                + "server when the app exits. Nothing is kept."})
public final class SandboxCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--domain", defaultValue = "sandbox.localhost",
            description = "XMPP domain of the sandbox server (default: ${DEFAULT-VALUE}).")
    private String domain;

    @Option(names = "--install",
            description = "Install Prosody with apt-get if it is missing (needs root).")
    private boolean install;

    @Option(names = "--no-window",
            description = "Only run the server and print the accounts; stop with Ctrl+C.")
    private boolean noWindow;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!ProsodyPackage.installed()) {
            Integer status = installProsody(out, err);
            if (status != 0) {
                return status;
            }
        }
        out.println("Starting the sandbox server…");
        out.flush();
        Path parent = Path.of(System.getProperty("java.io.tmpdir"));
        SandboxServer server;
        try {
            server = SandboxServer.start(domain, parent);
        } catch (ProsodyException e) {
            err.println("chamberlain sandbox: " + e.getMessage());
            return 1;
        }
        try (server) {
            printAccounts(out, server);
            if (noWindow) {
                out.println("Press Ctrl+C to stop the server.");
                out.flush();
                waitUntilInterrupted();
                return 0;
            }
            StartupOptions options = new StartupOptions(server.accounts(), server.owner().jid(),
                    ConfigDirectory.resolve().resolve("sandbox"),
                    "Sandbox " + server.domain() + " at " + server.host() + ":" + server.port(),
                    List.of(server.mucService()), server.auditLog(), "lobby@" + server.mucService(),
                    server.consoleTarget());
            int status = AppLauncher.run(options);
            out.println("Stopping the sandbox server.");
            out.flush();
            return status;
        }
    }

    private Integer installProsody(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        String command = ProsodyPackage.installCommand();
        if (!install) {
            err.println("chamberlain sandbox: Prosody is not installed. Install it with:");
            err.println("    " + command);
            err.println("or let the sandbox do it (as root, with apt-get): chamberlain sandbox --install");
            return 2;
        }
        if (!ProsodyPackage.runningAsRoot() || ProsodyPackage.onPath("apt-get").isEmpty()) {
            err.println("chamberlain sandbox: --install needs root and apt-get. Install Prosody yourself with:");
            err.println("    " + command);
            return 2;
        }
        out.println("Installing Prosody with apt-get…");
        out.flush();
        int status = ProsodyPackage.installWithApt();
        if (status != 0 || !ProsodyPackage.installed()) {
            err.println("chamberlain sandbox: apt-get could not install Prosody (exit " + status + "). Try:");
            err.println("    apt-get update && apt-get install -y prosody");
            return 2;
        }
        // Debian starts its own system-wide Prosody after installing; the sandbox does not use it.
        out.println("Prosody installed. (Debian also started its system service; the sandbox runs its own.)");
        return 0;
    }

    private static void printAccounts(PrintWriter out, SandboxServer server) {
        out.println("Sandbox server " + server.domain() + " on " + server.host() + ":" + server.port()
                + " (plaintext on loopback), rooms at " + server.mucService());
        for (AccountProfile account : server.accounts()) {
            out.printf("  %-28s password %s%n", account.jid(), account.password());
        }
        out.flush();
    }

    private static void waitUntilInterrupted() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
