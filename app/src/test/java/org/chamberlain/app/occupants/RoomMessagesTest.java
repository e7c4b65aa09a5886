package org.chamberlain.app.occupants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.ModerationException.Condition;
import org.chamberlain.app.events.OccupantJoined;
import org.chamberlain.app.events.RoomMessage;
import org.chamberlain.app.forms.ConfigurationAuditor;
import org.chamberlain.app.forms.FormDefinition;
import org.chamberlain.app.forms.RoomConfigurationService;
import org.chamberlain.app.testing.TestSession;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.junit.jupiter.api.Test;

/** Group-chat messages as room events, and sending them, against the real server. */
@WithProsody
class RoomMessagesTest {

    @Test
    void aMessageSentByOneAccountReachesTheOtherAndHistoryIsMarked(TestServer server) throws Exception {
        String room = "chat@" + server.mucService();
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession guest = TestSession.login(server, "guest")) {
            owner.session().rooms().createInstant(room, "Owner");
            owner.session().rooms().sendMessage(room, "Said before anyone came");
            RoomMessage echo = owner.events().await(RoomMessage.class,
                    m -> m.body().equals("Said before anyone came"));
            assertThat(echo.own()).isTrue();
            assertThat(echo.history()).isFalse();
            assertThat(echo.nickname()).contains("Owner");

            guest.session().rooms().join(room, "Guest", Optional.empty(), 20);
            RoomMessage replayed = guest.events().await(RoomMessage.class,
                    m -> m.body().equals("Said before anyone came"));
            assertThat(replayed.history()).isTrue();
            assertThat(replayed.own()).isFalse();
            assertThat(replayed.nickname()).contains("Owner");
            // The time is the server's delay stamp, not arrival: the harness's Prosody runs a fixed clock in 2008,
            // so the stamp is even further before the local arrival time of the echo.
            assertThat(replayed.at()).isBefore(echo.at());
            owner.events().await(OccupantJoined.class, e -> e.occupant().nickname().equals("Guest"));

            guest.session().rooms().sendMessage(room, "Hello from the guest");
            RoomMessage received = owner.events().await(RoomMessage.class,
                    m -> m.body().equals("Hello from the guest"));
            assertThat(received.nickname()).contains("Guest");
            assertThat(received.own()).isFalse();
            assertThat(received.history()).isFalse();
            assertThat(received.room()).isEqualTo(room);
            assertThat(received.account()).isEqualTo(owner.jid());
            RoomMessage guestEcho = guest.events().await(RoomMessage.class,
                    m -> m.body().equals("Hello from the guest"));
            assertThat(guestEcho.own()).isTrue();
            // Joining without history (the default) replays nothing.
            assertThat(owner.events().events().stream().filter(e -> e instanceof RoomMessage m && m.history()))
                    .isEmpty();
        }
    }

    @Test
    void sendingIsRefusedInWordsWhenNotInTheRoomOrWithoutVoice(TestServer server) throws Exception {
        String room = "hushed@" + server.mucService();
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession visitor = TestSession.login(server, "visitor")) {
            owner.session().rooms().createInstant(room, "Owner");
            assertThatThrownBy(() -> visitor.session().rooms().sendMessage(room, "anyone?"))
                    .isInstanceOf(ModerationException.class)
                    .satisfies(e -> assertThat(((ModerationException) e).condition())
                            .isEqualTo(Condition.INVALID_REQUEST))
                    .hasMessageContaining("You are not in " + room);

            RoomConfigurationService configuration = new RoomConfigurationService(
                    owner.session().connection().xmppConnection(), ConfigurationAuditor.NONE);
            FormDefinition form = configuration.fetch(room);
            configuration.submit(room, form, form.initialAnswers().withBoolean("muc#roomconfig_moderatedroom", true));
            visitor.session().rooms().join(room, "Visitor", Optional.empty());

            long start = System.nanoTime();
            assertThatThrownBy(() -> visitor.session().rooms().sendMessage(room, "may I speak?"))
                    .isInstanceOf(ModerationException.class)
                    .satisfies(e -> assertThat(((ModerationException) e).condition())
                            .isEqualTo(Condition.FORBIDDEN))
                    .hasMessageContaining("send a message to " + room);
            // The refusal is recognised by its id, not by waiting for a timeout.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(owner.events().events().stream()
                    .filter(e -> e instanceof RoomMessage m && m.body().equals("may I speak?"))).isEmpty();
        }
    }
}
