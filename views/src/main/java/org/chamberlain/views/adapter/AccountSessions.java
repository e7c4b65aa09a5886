package org.chamberlain.views.adapter;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.chamberlain.app.AccountSession;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.audit.AuditTrail;
import org.chamberlain.app.affiliations.AffiliationService;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.ConnectionManager;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.events.ConnectionStateChanged;
import org.chamberlain.app.events.Listeners;
import org.chamberlain.app.events.Registration;
import org.chamberlain.app.events.RoomEvent;
import org.chamberlain.app.forms.RoomConfigurationService;
import org.chamberlain.views.configuration.ConfigurationGateway;
import org.chamberlain.views.main.ConnectionState;
import org.chamberlain.views.members.MembersGateway;
import org.chamberlain.views.shell.AccountProfile;
import org.chamberlain.views.tasks.TaskRunner;

/**
 * The one place where views meet the core's connections: opens accounts in the {@link ConnectionManager},
 * connects them on the task runner, relays their state to the UI thread, and builds the app/ services for an
 * account (which take the Smack connection, a type views must not otherwise touch).
 *
 * <p>Called on the UI thread; sign-in work runs on the task runner. Owned by the composition root;
 * {@link #close()} removes the listeners and closes the sessions (the root closes the connection manager).
 */
public final class AccountSessions implements AutoCloseable {
    private final ConnectionManager connections;
    private final TaskRunner tasks;
    private final AuditTrail audit;
    private final Consumer<ModerationException> onAuditFailure;
    /** Filled from sign-in tasks, read on the UI thread: both thread-safe. */
    private final List<Registration> registrations = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, AccountSession> sessions = new java.util.concurrent.ConcurrentHashMap<>();
    private final Listeners<RoomEvent> roomEvents = new Listeners<>();

    /** @param audit where every applied change is recorded (the History tab reads it back) */
    public AccountSessions(ConnectionManager connections, TaskRunner tasks, AuditTrail audit,
            Consumer<ModerationException> onAuditFailure) {
        this.connections = connections;
        this.tasks = tasks;
        this.audit = audit;
        this.onAuditFailure = onAuditFailure;
    }

    /**
     * Opens the account and connects it in the background; every state change reaches {@code onState} on
     * the UI thread (with the failure's sentence when there is one).
     */
    public void connect(AccountProfile profile, StateListener onState, Consumer<Throwable> onFailure) {
        Account account = Account.of(profile.jid()).withPasswordStorage(PasswordStorage.MEMORY);
        if (profile.hostOverride().isPresent()) {
            account = account.withServer(profile.hostOverride().get(), profile.port());
        }
        if (profile.plaintextAllowed()) {
            account = account.withTlsPolicy(TlsPolicy.PLAINTEXT_ALLOWED);
        }
        connect(account, profile.password(), onState, onFailure);
    }

    /** Like {@link #connect(AccountProfile, StateListener, Consumer)} for a saved account of the core. */
    public void connect(Account settings, String password, StateListener onState, Consumer<Throwable> onFailure) {
        AccountProfile profile = new AccountProfile(settings.jid(), password, settings.host().orElse(null),
                settings.port(), settings.tlsPolicy() == TlsPolicy.PLAINTEXT_ALLOWED);
        // Everything below runs in the background: the first connection initialises Smack (seconds on a busy
        // machine, seen with a white window while it ran on the FX thread).
        tasks.submit("Signing in as " + profile.jid(), ctx -> {
            AccountConnection connection = connections.get(profile.jid()).isPresent()
                    ? connections.get(profile.jid()).get()
                    : connections.open(settings, profile.password() == null ? new char[0]
                            : profile.password().toCharArray());
            sessions.computeIfAbsent(profile.jid(), jid -> {
                AccountSession session = new AccountSession(connection, audit.journal(problem -> tasks.uiExecutor()
                        .execute(() -> onAuditFailure.accept(problem))));
                registrations.add(session.tracker().onEvent(roomEvents::publish, Runnable::run));
                return session;
            });
            registrations.add(connection.onStateChange(
                    change -> onState.changed(change.account(), map(change.state()), problemOf(change)),
                    tasks.uiExecutor()));
            connection.connect();
            return connection.boundJid().orElse(profile.jid());
        }, bound -> { }, onFailure);
    }

    private static String problemOf(ConnectionStateChanged change) {
        return change.problem().map(Throwable::getMessage).orElse(null);
    }

    static ConnectionState map(org.chamberlain.app.events.ConnectionState state) {
        switch (state) {
            case CONNECTED:
                return ConnectionState.ONLINE;
            case CONNECTING:
                return ConnectionState.CONNECTING;
            case RECONNECTING:
                return ConnectionState.RECONNECTING;
            case FAILED:
                return ConnectionState.FAILED;
            case DISCONNECTED:
            default:
                return ConnectionState.OFFLINE;
        }
    }

    private AccountConnection connected(String accountJid) throws ModerationException {
        AccountConnection connection = connections.get(accountJid).orElseThrow(() -> new ModerationException(
                ModerationException.Condition.NOT_CONNECTED, accountJid + " is not signed in."));
        if (!connection.isConnected()) {
            throw new ModerationException(ModerationException.Condition.NOT_CONNECTED,
                    accountJid + " is not connected right now; wait until it is online again.");
        }
        return connection;
    }

    /** Room configuration for {@code accountJid}; the calls block, so use them on the task runner. */
    public ConfigurationGateway configuration(String accountJid) {
        return new ConfigurationGateway() {
            @Override
            public org.chamberlain.app.forms.FormDefinition fetch(String room) throws ModerationException {
                return new RoomConfigurationService(connected(accountJid).xmppConnection(), audit.configuration())
                        .fetch(room);
            }

            @Override
            public org.chamberlain.app.forms.ConfigurationResult submit(String room,
                    org.chamberlain.app.forms.FormDefinition form, org.chamberlain.app.forms.FormAnswers answers)
                    throws ModerationException {
                return new RoomConfigurationService(connected(accountJid).xmppConnection(), audit.configuration())
                        .submit(room, form, answers);
            }
        };
    }

    /** The four affiliation lists for {@code accountJid}; the calls block, so use them on the task runner. */
    public MembersGateway members(String accountJid) {
        return new MembersGateway() {
            @Override
            public org.chamberlain.app.affiliations.AffiliationLists fetch(String room) throws ModerationException {
                return new AffiliationService(connected(accountJid).xmppConnection(), audit.affiliations()).fetch(room);
            }

            @Override
            public org.chamberlain.app.affiliations.ApplyReport apply(String room,
                    org.chamberlain.app.affiliations.AffiliationChangeSet changes, boolean selfDemotionConfirmed)
                    throws ModerationException {
                return new AffiliationService(connected(accountJid).xmppConnection(), audit.affiliations())
                        .apply(room, changes, selfDemotionConfirmed);
            }

            @Override
            public org.chamberlain.app.affiliations.ApplyReport apply(String room,
                    org.chamberlain.app.affiliations.AffiliationChangeSet changes, boolean selfDemotionConfirmed,
                    java.util.function.Consumer<org.chamberlain.app.affiliations.ItemResult> onEachSent)
                    throws ModerationException {
                return new AffiliationService(connected(accountJid).xmppConnection(), audit.affiliations())
                        .apply(room, changes, selfDemotionConfirmed, onEachSent);
            }
        };
    }

    /** Trusts the certificate for this run (the caller saves it with the account); connect again afterwards. */
    public void trust(String accountJid, org.chamberlain.app.connections.CertificateProblem problem) {
        connections.get(accountJid).ifPresent(c -> c.trustCertificate(problem));
    }

    /** Signs the account out and forgets its connection (after it was removed or changed). */
    public void forget(String accountJid) {
        AccountSession session = sessions.remove(accountJid);
        tasks.submit("Signing out " + accountJid, ctx -> {
            if (session != null) {
                session.close();
            }
            connections.close(accountJid);
            return accountJid;
        }, done -> { }, failure -> { });
    }

    /** The core's services of one account (rooms, occupants, invitations, destruction); usable from views. */
    public Optional<AccountSession> session(String accountJid) {
        return Optional.ofNullable(sessions.get(accountJid));
    }

    /** Room events of every account (joins, kicks, invitations, destruction…), delivered on the UI thread. */
    public Registration onRoomEvent(Consumer<? super RoomEvent> listener) {
        return roomEvents.add(listener, tasks.uiExecutor());
    }

    @Override
    public void close() {
        registrations.forEach(Registration::close);
        registrations.clear();
        sessions.values().forEach(AccountSession::close);
        sessions.clear();
    }

    /** Receives connection states on the UI thread. */
    @FunctionalInterface
    public interface StateListener {
        void changed(String accountJid, ConnectionState state, String problem);
    }
}
