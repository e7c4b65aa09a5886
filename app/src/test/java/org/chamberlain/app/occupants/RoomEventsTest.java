package org.chamberlain.app.occupants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.chamberlain.app.connections.Addresses;
import org.chamberlain.app.errors.Attempt;
import org.chamberlain.app.events.Affiliation;
import org.chamberlain.app.events.AffiliationChanged;
import org.chamberlain.app.events.InvitationDeclined;
import org.chamberlain.app.events.InvitationReceived;
import org.chamberlain.app.events.OccupantJoined;
import org.chamberlain.app.events.OccupantLeft;
import org.chamberlain.app.events.Registration;
import org.chamberlain.app.events.RoomEvent;
import org.chamberlain.app.events.RoomEvent.Departure;
import org.chamberlain.app.events.SubjectChanged;
import org.chamberlain.app.invitations.InvitationService.Kind;
import org.chamberlain.app.testing.Recorder;
import org.chamberlain.app.testing.TestSession;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.junit.jupiter.api.Test;

/** Room events the tracker derives from what Prosody sends. */
@WithProsody
class RoomEventsTest {

    /** Seed scenario muc_affiliation_notify at event level: the owner hears of a member who is not in the room. */
    @Test
    void affiliationChangeOfSomeoneNotInTheRoomIsAnnounced(TestServer server) throws Exception {
        String room = "notify@" + server.mucService();
        try (TestSession owner = TestSession.login(server, "owner")) {
            owner.session().rooms().createInstant(room, "Owner");

            AdminRequests.setAffiliation(owner.session().connection().xmppConnection(), Addresses.room(room),
                    Addresses.person(server.jid("absent")), Affiliation.MEMBER, "Welcome",
                    Attempt.of(Attempt.Action.CHANGE_AFFILIATION, room, server.jid("absent")));

            AffiliationChanged changed = owner.events().await(AffiliationChanged.class, e -> e.room().equals(room));
            assertThat(changed.jid()).contains(server.jid("absent"));
            assertThat(changed.nickname()).isEmpty();
            assertThat(changed.affiliation()).isEqualTo(Affiliation.MEMBER);
        }
    }

    @Test
    void banningSomeoneInTheRoomRemovesThemAndChangesTheirAffiliation(TestServer server) throws Exception {
        String room = "ban-present@" + server.mucService();
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession guest = TestSession.login(server, "guest")) {
            owner.session().rooms().createInstant(room, "Owner");
            guest.session().rooms().join(room, "Guest", Optional.empty());
            owner.events().await(OccupantJoined.class, e -> e.occupant().nickname().equals("Guest"));

            owner.session().occupants().ban(room, "Guest", Optional.of("Out"));

            OccupantLeft left = owner.events().await(OccupantLeft.class, e -> e.occupant().nickname().equals("Guest"));
            assertThat(left.departure()).isEqualTo(Departure.BANNED);
            assertThat(left.cause().reason()).contains("Out");
            AffiliationChanged outcast = owner.events().await(AffiliationChanged.class,
                    e -> e.affiliation() == Affiliation.OUTCAST);
            assertThat(outcast.nickname()).contains("Guest");
            assertThat(outcast.previous()).contains(Affiliation.NONE);
        }
    }

    @Test
    void declinedInvitationReachesTheInviterAndListenersCanBeClosed(TestServer server) throws Exception {
        String room = "declined@" + server.mucService();
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession busy = TestSession.login(server, "busy")) {
            owner.session().rooms().createInstant(room, "Owner");
            Recorder<RoomEvent> onlyThisRoom = new Recorder<>();
            Registration registration = owner.session().tracker().onRoomEvent(room, onlyThisRoom, Runnable::run);
            owner.session().invitations().invite(room, List.of(server.jid("busy")), Kind.MEDIATED,
                    Optional.empty(), Optional.empty());
            InvitationReceived invitation = busy.events().await(InvitationReceived.class, e -> e.room().equals(room));

            busy.session().invitations().decline(room, owner.jid(), Optional.of("Too busy"));

            InvitationDeclined declined = onlyThisRoom.await(InvitationDeclined.class, e -> true);
            assertThat(declined.invitee()).startsWith(server.jid("busy"));
            assertThat(declined.reason()).contains("Too busy");
            assertThat(invitation.direct()).isFalse();

            registration.close();
            owner.session().rooms().changeSubject(room, "After closing");
            owner.events().await(SubjectChanged.class,
                    e -> e.subject().equals("After closing"));
            assertThat(onlyThisRoom.events()).noneMatch(e -> e instanceof SubjectChanged subject
                    && subject.subject().equals("After closing"));
            assertThat(onlyThisRoom.events()).allMatch(e -> e.room().equals(room));
        }
    }
}
