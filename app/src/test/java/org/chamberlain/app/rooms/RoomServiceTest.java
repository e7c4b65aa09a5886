package org.chamberlain.app.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.chamberlain.app.connections.Addresses;
import org.chamberlain.app.errors.Attempt;
import org.chamberlain.app.errors.Attempt.Action;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.ModerationException.Condition;
import org.chamberlain.app.events.Affiliation;
import org.chamberlain.app.events.NicknameChanged;
import org.chamberlain.app.events.OccupantLeft;
import org.chamberlain.app.events.RemovedFromRoom;
import org.chamberlain.app.events.Role;
import org.chamberlain.app.events.RoomEvent.Departure;
import org.chamberlain.app.events.SubjectChanged;
import org.chamberlain.app.forms.FormDefinition;
import org.chamberlain.app.invitations.InvitationService.Kind;
import org.chamberlain.app.occupants.AdminRequests;
import org.chamberlain.app.testing.TestSession;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.junit.jupiter.api.Test;

/** Rooms against the real Prosody. */
@WithProsody
class RoomServiceTest {

    private static String room(TestServer server, String name) {
        return name + "@" + server.mucService();
    }

    @Test
    void findsTheMucServiceAndItsRoomsWithDetails(TestServer server) throws Exception {
        String room = room(server, "listed");
        try (TestSession owner = TestSession.login(server, "owner")) {
            assertThat(owner.session().rooms().mucServices()).contains(server.mucService());
            ReservedRoomCreation creation = owner.session().rooms().createReserved(room, "Owner");
            creation.submit(creation.form().initialAnswers()
                    .withText("muc#roomconfig_roomname", "Listed room")
                    .withText("muc#roomconfig_roomdesc", "For the directory")
                    .withBoolean("muc#roomconfig_publicroom", true));

            List<RoomListing> rooms = owner.session().rooms().rooms(server.mucService(), true);

            RoomListing listing = rooms.stream().filter(r -> r.room().equals(room)).findFirst().orElseThrow();
            assertThat(listing.name()).contains("Listed room");
            RoomDetails details = listing.details().orElseThrow();
            assertThat(details.description()).contains("For the directory");
            assertThat(details.occupants()).hasValue(1);
            assertThat(details.membersOnly()).isFalse();
            assertThatThrownBy(() -> owner.session().rooms().rooms(server.domain(), false))
                    .isInstanceOfSatisfying(ModerationException.class,
                            e -> assertThat(e.getMessage()).isEqualTo(server.domain()
                                    + " is not a group chat service."));
        }
    }

    @Test
    void instantRoomCannotBeCreatedTwice(TestServer server) throws Exception {
        String room = room(server, "taken");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession other = TestSession.login(server, "other")) {
            JoinedRoom created = owner.session().rooms().createInstant(room, "Owner");
            assertThat(created.affiliation()).isEqualTo(Affiliation.OWNER);

            assertThatThrownBy(() -> other.session().rooms().createInstant(room, "Other"))
                    .isInstanceOfSatisfying(ModerationException.class, e -> {
                        assertThat(e.condition()).isEqualTo(Condition.CONFLICT);
                        assertThat(e.getMessage()).isEqualTo(room + " already exists.");
                    });
            assertThat(other.session().rooms().isJoined(room)).as("did not stay in someone else's room").isFalse();
        }
    }

    @Test
    void cancellingAReservedRoomDestroysTheLockedRoom(TestServer server) throws Exception {
        String room = room(server, "never-opened");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession guest = TestSession.login(server, "guest")) {
            ReservedRoomCreation creation = owner.session().rooms().createReserved(room, "Owner");
            FormDefinition form = creation.form();
            assertThat(form.formType()).contains("http://jabber.org/protocol/muc#roomconfig");
            assertThat(form.field("muc#roomconfig_membersonly")).isPresent();
            assertThatThrownBy(() -> guest.session().rooms().join(room, "Guest", Optional.empty()))
                    .as("locked while being configured")
                    .isInstanceOfSatisfying(ModerationException.class,
                            e -> assertThat(e.condition()).isEqualTo(Condition.ITEM_NOT_FOUND));

            creation.cancel();

            assertThat(creation.isFinished()).isTrue();
            JoinedRoom fresh = guest.session().rooms().join(room, "Guest", Optional.empty());
            assertThat(fresh.created()).as("the old room is gone; joining creates a new one").isTrue();
            assertThat(fresh.affiliation()).isEqualTo(Affiliation.OWNER);
        }
    }

    @Test
    void passwordProtectedRoomNeedsThePassword(TestServer server) throws Exception {
        String room = room(server, "secret");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession guest = TestSession.login(server, "guest")) {
            ReservedRoomCreation creation = owner.session().rooms().createReserved(room, "Owner");
            creation.submit(creation.form().initialAnswers().withText("muc#roomconfig_roomsecret", "open sesame"));
            assertThat(owner.session().rooms().info(room).passwordProtected()).isTrue();

            assertThatThrownBy(() -> guest.session().rooms().join(room, "Guest", Optional.of("wrong")))
                    .isInstanceOfSatisfying(ModerationException.class, e -> {
                        assertThat(e.condition()).isEqualTo(Condition.NOT_AUTHORIZED);
                        assertThat(e.getMessage()).startsWith(room + " needs a password");
                    });
            JoinedRoom joined = guest.session().rooms().join(room, "Guest", Optional.of("open sesame"));
            assertThat(joined.role()).isEqualTo(Role.PARTICIPANT);
        }
    }

    @Test
    void subjectAndNicknameChangesAreAnnounced(TestServer server) throws Exception {
        String room = room(server, "chatter");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession guest = TestSession.login(server, "guest")) {
            owner.session().rooms().createInstant(room, "Owner");
            guest.session().rooms().join(room, "Guest", Optional.empty());

            owner.session().rooms().changeSubject(room, "Today: moderation");
            SubjectChanged subject = guest.events().await(SubjectChanged.class,
                    e -> e.subject().equals("Today: moderation"));
            assertThat(subject.byNickname()).contains("Owner");

            guest.session().rooms().changeNickname(room, "Visitor");
            NicknameChanged seen = owner.events().await(NicknameChanged.class, e -> e.room().equals(room));
            assertThat(seen.oldNickname()).isEqualTo("Guest");
            assertThat(seen.newNickname()).isEqualTo("Visitor");
            assertThat(seen.self()).isFalse();
            assertThat(guest.events().await(NicknameChanged.class, e -> e.room().equals(room)).self()).isTrue();
            assertThat(owner.session().tracker().occupants(room)).extracting(o -> o.nickname())
                    .containsExactly("Owner", "Visitor");
            assertThat(owner.session().tracker().realJidOf(room, "Visitor")).contains(server.jid("guest"));

            owner.session().rooms().createInstant(room(server, "taken-nick"), "Owner");
            guest.session().rooms().join(room(server, "taken-nick"), "Guest", Optional.empty());
            assertThatThrownBy(() -> guest.session().rooms().changeNickname(room(server, "taken-nick"), "Owner"))
                    .isInstanceOfSatisfying(ModerationException.class,
                            e -> assertThat(e.condition()).isEqualTo(Condition.CONFLICT));
        }
    }

    @Test
    void registeringWithARoomReservesTheNicknameAndUnregisteringEndsMembership(TestServer server)
            throws Exception {
        String room = room(server, "registry");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession member = TestSession.login(server, "member")) {
            owner.session().rooms().createInstant(room, "Owner");
            AdminRequests.setAffiliation(
                    owner.session().connection().xmppConnection(),
                    Addresses.room(room),
                    Addresses.person(server.jid("member")), Affiliation.MEMBER,
                    null, Attempt.of(
                            Action.CHANGE_AFFILIATION, room));

            RoomRegistration before = member.session().rooms().registration(room);
            assertThat(before.registered()).isFalse();
            FormDefinition form = before.form().orElseThrow();
            assertThat(form.field("muc#register_roomnick")).isPresent();

            member.session().rooms().register(room, form,
                    form.initialAnswers().withText("muc#register_roomnick", "Reserved"));

            RoomRegistration after = member.session().rooms().registration(room);
            assertThat(after.registeredNickname()).contains("Reserved");

            member.session().rooms().unregister(room);
            // Prosody drops the membership with the registration; only affiliated people may register.
            assertThatThrownBy(() -> member.session().rooms().registration(room))
                    .isInstanceOfSatisfying(ModerationException.class, e -> {
                        assertThat(e.condition()).isEqualTo(Condition.REGISTRATION_REQUIRED);
                        assertThat(e.getMessage()).isEqualTo(room
                                + " lets only its members register, and you are not a member.");
                    });
        }
    }

    /** Seed scenario muc_members_only_deregister: a member who unregisters is removed with status 321. */
    @Test
    void memberUnregisteringFromAMembersOnlyRoomIsRemoved(TestServer server) throws Exception {
        String room = room(server, "leaving-club");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession member = TestSession.login(server, "member")) {
            ReservedRoomCreation creation = owner.session().rooms().createReserved(room, "Owner");
            creation.submit(creation.form().initialAnswers().withBoolean("muc#roomconfig_membersonly", true));
            owner.session().invitations().invite(room, List.of(server.jid("member")),
                    Kind.DIRECT, Optional.empty(),
                    Optional.empty());
            member.session().rooms().join(room, "Member", Optional.empty());

            member.session().rooms().unregister(room);

            RemovedFromRoom removed = member.events().await(RemovedFromRoom.class,
                    e -> e.room().equals(room));
            assertThat(removed.departure())
                    .isEqualTo(Departure.AFFILIATION_CHANGED);
            OccupantLeft left = owner.events().await(OccupantLeft.class,
                    e -> e.occupant().nickname().equals("Member"));
            assertThat(left.departure()).isEqualTo(Departure.AFFILIATION_CHANGED);
        }
    }
}
