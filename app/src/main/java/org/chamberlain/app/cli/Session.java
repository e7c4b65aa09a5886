package org.chamberlain.app.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.chamberlain.app.AccountSession;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.audit.AuditLog;
import org.chamberlain.app.audit.AuditTrail;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.ConnectionManager;
import org.chamberlain.app.connections.ReconnectPolicy;
import org.chamberlain.app.errors.ModerationException;
import org.jivesoftware.smack.XMPPConnection;

/**
 * One command's connection and audit trail, opened from the command-line options and closed when the command
 * ends (the connection manager and its scheduler are owned here). Command thread only.
 */
final class Session implements AutoCloseable {
    private final ConnectionManager manager;
    private final AccountConnection connection;
    private final AccountSession services;
    private final AuditTrail audit;
    private final Output output;

    private Session(ConnectionManager manager, AccountConnection connection, AccountSession services,
            AuditTrail audit, Output output) {
        this.manager = manager;
        this.connection = connection;
        this.services = services;
        this.audit = audit;
        this.output = output;
    }

    static Session open(ConnectionOptions options, Terminal terminal, Output output)
            throws UsageException, ModerationException {
        Account account = account(options);
        char[] password = password(options, terminal);
        AuditLog log = options.auditLog == null ? AuditLog.atDefaultLocation() : new AuditLog(options.auditLog);
        // A command is short-lived: if the connection breaks, fail rather than reconnect behind its back.
        ConnectionManager manager = new ConnectionManager(ReconnectPolicy.NEVER);
        try {
            AccountConnection connection = manager.open(account, password);
            AuditTrail audit = AuditTrail.to(log);
            // Journal callbacks run on this (the command's) thread, inside the service call that acted.
            AccountSession services = new AccountSession(connection, audit.journal(e -> output.warn(e.getMessage())));
            try {
                connection.connect();
            } catch (ModerationException | RuntimeException e) {
                services.close();
                throw e;
            }
            return new Session(manager, connection, services, audit, output);
        } catch (ModerationException | RuntimeException e) {
            manager.close();
            throw e;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static Account account(ConnectionOptions options) throws UsageException {
        Account account;
        try {
            account = Account.of(options.account);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (options.port < 0 || options.port > 65535) {
            throw new UsageException("--port must be between 1 and 65535, not " + options.port + ".");
        }
        account = account.withPasswordStorage(PasswordStorage.MEMORY);
        if (options.host != null || options.port != 0) {
            account = account.withServer(options.host, options.port);
        }
        if (options.allowPlaintext) {
            account = account.withTlsPolicy(TlsPolicy.PLAINTEXT_ALLOWED);
        }
        if (options.trustedCertificate != null) {
            account = account.trusting(options.trustedCertificate.strip().toUpperCase(Locale.ROOT));
        }
        return account;
    }

    private static char[] password(ConnectionOptions options, Terminal terminal) throws UsageException {
        if (options.passwordEnv != null) {
            Optional<String> value = terminal.environment(options.passwordEnv);
            if (value.isEmpty()) {
                throw new UsageException("The environment variable " + options.passwordEnv
                        + " (named by --password-env) is not set.");
            }
            return value.get().toCharArray();
        }
        return terminal.readPassword("Password for " + options.account + ": ").orElseThrow(() ->
                new UsageException("No password: there is no terminal to ask on. Put it in an environment "
                        + "variable and name it with --password-env VAR."));
    }

    XMPPConnection xmpp() {
        return connection.xmppConnection();
    }

    AccountConnection connection() {
        return connection;
    }

    String accountJid() {
        return connection.accountJid();
    }

    AuditTrail audit() {
        return audit;
    }

    /** The rooms, occupants, invitations and destruction services of this account. */
    AccountSession services() {
        return services;
    }

    Output output() {
        return output;
    }

    /** Shows a failed audit write as a warning (the action itself succeeded). */
    void warnIfUnaudited(Optional<ModerationException> auditFailure) {
        auditFailure.ifPresent(e -> output.warn(e.getMessage()));
    }

    @Override
    public void close() {
        services.close();
        manager.close();
    }
}
