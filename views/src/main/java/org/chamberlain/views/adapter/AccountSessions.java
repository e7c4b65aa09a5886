package org.chamberlain.views.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.audit.AuditTrail;
import org.chamberlain.app.affiliations.AffiliationService;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.ConnectionManager;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.events.ConnectionStateChanged;
import org.chamberlain.app.events.Registration;
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
 * <p>UI thread only. Owned by the composition root; {@link #close()} removes the listeners (the root
 * closes the connection manager itself).
 */
public final class AccountSessions implements AutoCloseable {
    private final ConnectionManager connections;
    private final TaskRunner tasks;
    private final AuditTrail audit;
    private final List<Registration> registrations = new ArrayList<>();

    /** @param audit where every applied change is recorded (the History tab reads it back) */
    public AccountSessions(ConnectionManager connections, TaskRunner tasks, AuditTrail audit) {
        this.connections = connections;
        this.tasks = tasks;
        this.audit = audit;
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
        AccountConnection connection;
        try {
            connection = connections.get(profile.jid()).isPresent() ? connections.get(profile.jid()).get()
                    : connections.open(account, profile.password() == null ? new char[0]
                            : profile.password().toCharArray());
        } catch (ModerationException e) {
            onFailure.accept(e);
            return;
        }
        registrations.add(connection.onStateChange(
                change -> onState.changed(change.account(), map(change.state()), problemOf(change)),
                tasks.uiExecutor()));
        tasks.submit("Signing in as " + profile.jid(), ctx -> {
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
        };
    }

    @Override
    public void close() {
        registrations.forEach(Registration::close);
        registrations.clear();
    }

    /** Receives connection states on the UI thread. */
    @FunctionalInterface
    public interface StateListener {
        void changed(String accountJid, ConnectionState state, String problem);
    }
}
