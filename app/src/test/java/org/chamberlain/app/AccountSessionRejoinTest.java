package org.chamberlain.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.ConnectionManager;
import org.chamberlain.app.connections.ReconnectPolicy;
import org.chamberlain.app.events.ActionJournal;
import org.chamberlain.app.events.ConnectionState;
import org.chamberlain.app.events.ConnectionStateChanged;
import org.chamberlain.app.events.OccupantJoined;
import org.chamberlain.app.events.OccupantLeft;
import org.chamberlain.app.events.RejoinFailed;
import org.chamberlain.app.events.RoomEvent;
import org.chamberlain.app.testing.CuttableProxy;
import org.chamberlain.app.testing.Recorder;
import org.chamberlain.app.testing.TestSession;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.junit.jupiter.api.Test;

/** After the network drops and the connection comes back, the session is in its rooms again. */
@WithProsody
class AccountSessionRejoinTest {

    @Test
    void roomsAreJoinedAgainWithTheSameNicknameAfterAReconnection(TestServer server) throws Exception {
        String room = "steady@" + server.mucService();
        ReconnectPolicy fast = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 0);
        try (CuttableProxy proxy = new CuttableProxy(server.host(), server.port());
                ConnectionManager manager = new ConnectionManager(fast);
                TestSession owner = TestSession.login(server, "owner")) {
            owner.session().rooms().createInstant(room, "Owner");
            AccountConnection connection = manager.open(new Account(server.jid("wanderer"),
                    Optional.of(server.host()), proxy.port(), TlsPolicy.PLAINTEXT_ALLOWED, PasswordStorage.MEMORY,
                    Set.of()), "password".toCharArray());
            try (AccountSession wanderer = new AccountSession(connection, ActionJournal.NONE)) {
                Recorder<RoomEvent> events = new Recorder<>();
                wanderer.tracker().onEvent(events, Runnable::run);
                Recorder<ConnectionStateChanged> states = new Recorder<>();
                connection.onStateChange(states, Runnable::run);
                connection.connect();
                wanderer.rooms().join(room, "Wanderer", Optional.empty());
                owner.events().await(OccupantJoined.class, e -> e.occupant().nickname().equals("Wanderer"));

                RoomEvent beforeCut = events.await(OccupantJoined.class,
                        e -> e.occupant().nickname().equals("Wanderer"));
                proxy.cutAll();

                OccupantLeft dropped = owner.events().await(OccupantLeft.class,
                        e -> e.occupant().nickname().equals("Wanderer"));
                owner.events().awaitAfter(dropped, OccupantJoined.class,
                        e -> e.occupant().nickname().equals("Wanderer"), Duration.ofSeconds(20));
                states.await(ConnectionStateChanged.class, s -> s.state() == ConnectionState.RECONNECTING);
                events.awaitAfter(beforeCut, OccupantJoined.class, e -> e.occupant().nickname().equals("Wanderer"),
                        Duration.ofSeconds(10));
                assertThat(states.events()).extracting(ConnectionStateChanged::state).containsExactly(
                        ConnectionState.CONNECTING, ConnectionState.CONNECTED, ConnectionState.RECONNECTING,
                        ConnectionState.CONNECTED);
                assertThat(wanderer.tracker().selfNickname(room)).contains("Wanderer");
                assertThat(wanderer.tracker().occupants(room)).extracting(o -> o.nickname())
                        .containsExactlyInAnyOrder("Owner", "Wanderer");
                // Our own presence event can precede the end of Smack's join() on the rejoin thread by a moment.
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (!wanderer.rooms().isJoined(room) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(wanderer.rooms().isJoined(room)).isTrue();
                assertThat(events.events()).noneMatch(RejoinFailed.class::isInstance);
            }
        }
    }
}
