package org.chamberlain.app.testing;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chamberlain.app.AccountSession;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.ConnectionManager;
import org.chamberlain.app.connections.ReconnectPolicy;
import org.chamberlain.app.events.ModerationAction;
import org.chamberlain.app.events.RoomEvent;
import org.chamberlain.testkit.TestServer;

/**
 * One logged-in account on the test server with its services, every room event it sees, and every
 * moderation action it journals.
 */
public final class TestSession implements AutoCloseable {
    private final ConnectionManager manager = new ConnectionManager(ReconnectPolicy.NEVER);
    private final AccountSession session;
    private final Recorder<RoomEvent> events = new Recorder<>();
    private final List<ModerationAction> journal = new CopyOnWriteArrayList<>();
    private final String jid;

    private TestSession(TestServer server, String user) throws Exception {
        jid = server.jid(user);
        Account account = new Account(jid, Optional.of(server.host()), server.port(), TlsPolicy.PLAINTEXT_ALLOWED,
                PasswordStorage.MEMORY, Set.of());
        AccountConnection connection = manager.open(account, "password".toCharArray());
        session = new AccountSession(connection, journal::add);
        // Same-thread delivery: the recorder only stores the event, so Smack's thread is not held.
        session.tracker().onEvent(events, Runnable::run);
        connection.connect();
    }

    public static TestSession login(TestServer server, String user) throws Exception {
        return new TestSession(server, user);
    }

    public AccountSession session() {
        return session;
    }

    public String jid() {
        return jid;
    }

    public Recorder<RoomEvent> events() {
        return events;
    }

    public List<ModerationAction> journal() {
        return List.copyOf(journal);
    }

    @Override
    public void close() {
        session.close();
        manager.close();
    }
}
