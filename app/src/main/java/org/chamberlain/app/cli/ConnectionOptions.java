package org.chamberlain.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every {@code rooms} subcommand shares: which account, how to reach its server, output form. */
public final class ConnectionOptions {
    @Option(names = "--account", required = true, paramLabel = "JID",
            description = "The account to act as, e.g. owner@example.org.")
    String account;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Read the password from this environment variable (otherwise you are asked for it). "
                    + "There is deliberately no option that takes the password itself.")
    String passwordEnv;

    @Option(names = "--host", paramLabel = "HOST", description = "Connect to this host instead of the one DNS "
            + "gives for the account's domain.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "Connect to this port (default: from DNS, else 5222).")
    int port;

    @Option(names = "--allow-plaintext", description = "Allow an unencrypted connection if the server offers no "
            + "TLS (only for a test server on your own machine).")
    boolean allowPlaintext;

    @Option(names = "--trust-certificate", paramLabel = "SHA256", description = "Accept the server certificate "
            + "with this SHA-256 fingerprint although the system does not trust it.")
    String trustedCertificate;

    @Option(names = "--json", description = "Print machine-readable JSON instead of text.")
    boolean json;

    @Option(names = "--audit-log", paramLabel = "FILE", description = "Append the audit record here instead of "
            + "the default (audit.jsonl in the data directory, e.g. ~/.local/share/chamberlain).")
    Path auditLog;
}
