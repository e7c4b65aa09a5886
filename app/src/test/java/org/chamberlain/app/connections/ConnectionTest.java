package org.chamberlain.app.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.ModerationException.Condition;
import org.chamberlain.app.events.ConnectionState;
import org.chamberlain.app.events.ConnectionStateChanged;
import org.chamberlain.app.testing.CuttableProxy;
import org.chamberlain.app.testing.Recorder;
import org.chamberlain.testkit.FreshProsody;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.junit.jupiter.api.Test;

/** Connections against the real test server (no TLS offered; any password accepted). */
@WithProsody
class ConnectionTest {

    static Account plaintextAccount(TestServer server, String user, String host, int port) {
        return new Account(server.jid(user), Optional.of(host), port, TlsPolicy.PLAINTEXT_ALLOWED,
                PasswordStorage.MEMORY, Set.of());
    }

    @Test
    void severalAccountsConnectAtOnceAndReportTheirStates(TestServer server) throws Exception {
        try (ConnectionManager manager = new ConnectionManager()) {
            AccountConnection alice = manager.open(plaintextAccount(server, "alice", server.host(), server.port()),
                    "secret".toCharArray());
            AccountConnection bob = manager.open(plaintextAccount(server, "bob", server.host(), server.port()),
                    "secret".toCharArray());
            Recorder<ConnectionStateChanged> states = new Recorder<>();
            alice.onStateChange(states, Runnable::run);

            alice.connect();
            bob.connect();

            assertThat(alice.state()).isEqualTo(ConnectionState.CONNECTED);
            assertThat(bob.isConnected()).isTrue();
            assertThat(alice.boundJid()).get().asString().startsWith(server.jid("alice") + "/chamberlain-");
            assertThat(manager.all()).hasSize(2);

            alice.disconnect();
            assertThat(states.events()).extracting(ConnectionStateChanged::state).containsExactly(
                    ConnectionState.CONNECTING, ConnectionState.CONNECTED, ConnectionState.DISCONNECTED);
            assertThat(bob.isConnected()).as("the other account is unaffected").isTrue();
        }
    }

    /**
     * The test server authenticates any password ("insecure" auth), so a wrong password cannot be refused
     * there. The refusal we can provoke is the TLS policy: an account that requires TLS (the default) talking to
     * a server that offers none must be refused before any password is sent, with a sentence that says why.
     */
    @Test
    void accountRequiringTlsRefusesAServerWithoutTls(TestServer server) throws Exception {
        Account strict = new Account(server.jid("careful"), Optional.of(server.host()), server.port(),
                TlsPolicy.REQUIRED, PasswordStorage.MEMORY, Set.of());
        try (ConnectionManager manager = new ConnectionManager()) {
            AccountConnection connection = manager.open(strict, "secret".toCharArray());
            Recorder<ConnectionStateChanged> states = new Recorder<>();
            connection.onStateChange(states, Runnable::run);

            assertThatThrownBy(connection::connect)
                    .isInstanceOfSatisfying(ModerationException.class, e -> {
                        assertThat(e.condition()).isEqualTo(Condition.TLS_UNAVAILABLE);
                        assertThat(e.getMessage()).contains("localhost").contains("does not offer an encrypted");
                    });
            assertThat(connection.state()).isEqualTo(ConnectionState.FAILED);
            assertThat(connection.isConnected()).isFalse();
            ConnectionStateChanged failed = states.await(ConnectionStateChanged.class,
                    s -> s.state() == ConnectionState.FAILED);
            assertThat(failed.problem()).get().extracting(ModerationException::condition)
                    .isEqualTo(Condition.TLS_UNAVAILABLE);
        }
    }

    @Test
    void unreachableServerIsReportedAsNotConnected(TestServer server) throws Exception {
        try (ConnectionManager manager = new ConnectionManager()) {
            // Port 1 on loopback: nothing listens there.
            AccountConnection connection = manager.open(plaintextAccount(server, "lost", server.host(), 1),
                    "secret".toCharArray());
            assertThatThrownBy(connection::connect).isInstanceOfSatisfying(ModerationException.class,
                    e -> assertThat(e.condition()).isEqualTo(Condition.NOT_CONNECTED));
        }
    }

    @Test
    void brokenConnectionIsReestablishedWithBackoff(TestServer server) throws Exception {
        ReconnectPolicy fast = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 0);
        try (CuttableProxy proxy = new CuttableProxy(server.host(), server.port());
                ConnectionManager manager = new ConnectionManager(fast)) {
            AccountConnection connection = manager.open(plaintextAccount(server, "flaky", server.host(),
                    proxy.port()), "secret".toCharArray());
            Recorder<ConnectionStateChanged> states = new Recorder<>();
            connection.onStateChange(states, Runnable::run);
            connection.connect();

            proxy.cutAll();

            ConnectionStateChanged reconnecting = states.await(ConnectionStateChanged.class,
                    s -> s.state() == ConnectionState.RECONNECTING);
            assertThat(reconnecting.attempt()).isEqualTo(1);
            assertThat(reconnecting.retryIn()).isBetween(Duration.ofMillis(80), Duration.ofMillis(120));
            assertThat(reconnecting.problem()).isPresent();
            states.awaitAfter(reconnecting, ConnectionStateChanged.class, s -> s.state() == ConnectionState.CONNECTED,
                    Duration.ofSeconds(10));
            assertThat(connection.isConnected()).isTrue();
        }
    }

    @Test
    @FreshProsody
    void reconnectionGivesUpAfterTheAllowedAttemptsWhenTheServerIsGone(TestServer server) throws Exception {
        ReconnectPolicy three = new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(200), 3);
        try (ConnectionManager manager = new ConnectionManager(three)) {
            AccountConnection connection = manager.open(plaintextAccount(server, "orphan", server.host(),
                    server.port()), "secret".toCharArray());
            Recorder<ConnectionStateChanged> states = new Recorder<>();
            connection.onStateChange(states, Runnable::run);
            connection.connect();

            server.kill();

            ConnectionStateChanged failed = states.await(ConnectionStateChanged.class,
                    s -> s.state() == ConnectionState.FAILED, Duration.ofSeconds(20));
            assertThat(states.events()).filteredOn(s -> s.state() == ConnectionState.RECONNECTING)
                    .extracting(ConnectionStateChanged::attempt).containsExactly(1, 2, 3);
            assertThat(failed.problem()).get().extracting(ModerationException::condition)
                    .isEqualTo(Condition.NOT_CONNECTED);
            assertThat(connection.isConnected()).isFalse();
        }
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        ReconnectPolicy policy = new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), 0);
        assertThat(policy.delayBefore(1)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
        assertThat(policy.delayBefore(3)).isBetween(Duration.ofMillis(3200), Duration.ofMillis(4800));
        assertThat(policy.delayBefore(30)).isBetween(Duration.ofMillis(6400), Duration.ofMillis(9600));
        assertThat(ReconnectPolicy.NEVER.allows(1)).isFalse();
        assertThat(new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(8), 3).allows(4)).isFalse();
    }
}
