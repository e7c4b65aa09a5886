package org.chamberlain.app.connections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.errors.ModerationException;

/**
 * The connections of all accounts in use. Owns the scheduler that runs reconnection attempts;
 * {@link #close()} disconnects every account and stops it. Owned by the composition root (or the command).
 * Thread-safe; {@link #open} returns at once (it does not connect).
 */
public final class ConnectionManager implements AutoCloseable {
    private final Map<String, AccountConnection> connections = new ConcurrentHashMap<>();
    private final ReconnectPolicy reconnectPolicy;
    private final ScheduledExecutorService scheduler;

    public ConnectionManager(ReconnectPolicy reconnectPolicy) {
        this.reconnectPolicy = Objects.requireNonNull(reconnectPolicy, "reconnectPolicy");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "chamberlain-reconnect");
            thread.setDaemon(true);
            return thread;
        });
    }

    public ConnectionManager() {
        this(ReconnectPolicy.DEFAULT);
    }

    /**
     * Prepares the connection of {@code account} (not connected yet: call {@link AccountConnection#connect()}).
     * The password is copied into the connection's configuration; the caller may wipe its array afterwards.
     *
     * @throws IllegalStateException when the account is already open
     * @throws ModerationException when the account's address is not valid
     */
    public AccountConnection open(Account account, char[] password) throws ModerationException {
        Objects.requireNonNull(password, "password");
        synchronized (connections) {
            if (connections.containsKey(account.jid())) {
                throw new IllegalStateException(account.jid() + " is already open");
            }
            AccountConnection connection = new AccountConnection(account, password, scheduler, reconnectPolicy);
            connections.put(account.jid(), connection);
            return connection;
        }
    }

    public Optional<AccountConnection> get(String accountJid) {
        return Optional.ofNullable(connections.get(accountJid));
    }

    public List<AccountConnection> all() {
        return List.copyOf(connections.values());
    }

    /** Disconnects and forgets {@code accountJid}'s connection. May block briefly. */
    public void close(String accountJid) {
        AccountConnection connection = connections.remove(accountJid);
        if (connection != null) {
            connection.disconnect();
        }
    }

    /** Disconnects every account and stops the reconnection scheduler. May block briefly. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        for (String jid : new ArrayList<>(connections.keySet())) {
            close(jid);
        }
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
