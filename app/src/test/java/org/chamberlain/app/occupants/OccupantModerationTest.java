package org.chamberlain.app.occupants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.chamberlain.app.connections.Addresses;
import org.chamberlain.app.errors.Attempt;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.ModerationException.Condition;
import org.chamberlain.app.events.Affiliation;
import org.chamberlain.app.events.ModerationAction;
import org.chamberlain.app.events.OccupantJoined;
import org.chamberlain.app.events.OccupantLeft;
import org.chamberlain.app.events.OccupantRoleChanged;
import org.chamberlain.app.events.RemovedFromRoom;
import org.chamberlain.app.events.Role;
import org.chamberlain.app.events.RoomEvent.Departure;
import org.chamberlain.app.forms.FormDefinition;
import org.chamberlain.app.rooms.JoinedRoom;
import org.chamberlain.app.rooms.ReservedRoomCreation;
import org.chamberlain.app.testing.TestSession;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.Test;

/** Occupant lists and moderator actions against the real Prosody. */
@WithProsody
class OccupantModerationTest {

    private static String room(TestServer server, String name) {
        return name + "@" + server.mucService();
    }

    @Test
    void ownerSeesOccupantsWithRealJidsAndChangesTheirRoles(TestServer server) throws Exception {
        String room = room(server, "roles");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession guest = TestSession.login(server, "guest")) {
            owner.session().rooms().createInstant(room, "Owner");
            JoinedRoom joined = guest.session().rooms().join(room, "Guest", Optional.empty());
            assertThat(joined.role()).isEqualTo(Role.PARTICIPANT);
            assertThat(joined.affiliation()).isEqualTo(Affiliation.NONE);

            OccupantJoined seen = owner.events().await(OccupantJoined.class,
                    e -> e.occupant().nickname().equals("Guest"));
            assertThat(seen.occupant().realBareJid()).contains(server.jid("guest"));
            assertThat(owner.session().tracker().occupants(room)).extracting(o -> o.nickname())
                    .containsExactly("Owner", "Guest");
            assertThat(owner.session().tracker().selfNickname(room)).contains("Owner");

            owner.session().occupants().grantModerator(room, "Guest", Optional.of("Trusted"));
            OccupantRoleChanged promoted = guest.events().await(OccupantRoleChanged.class,
                    e -> e.occupant().nickname().equals("Guest") && e.occupant().role() == Role.MODERATOR);
            assertThat(promoted.previous()).isEqualTo(Role.PARTICIPANT);
            assertThat(promoted.cause().reason()).contains("Trusted");

            owner.session().occupants().revokeModerator(room, "Guest", Optional.empty());
            owner.session().occupants().revokeVoice(room, "Guest", Optional.of("Quiet, please"));
            guest.events().await(OccupantRoleChanged.class, e -> e.occupant().role() == Role.VISITOR);
            owner.session().occupants().grantVoice(room, "Guest", Optional.empty());
            owner.events().await(OccupantRoleChanged.class,
                    e -> e.occupant().role() == Role.PARTICIPANT && e.previous() == Role.VISITOR);

            assertThat(owner.journal()).extracting(ModerationAction::action).containsExactly(
                    "grant-moderator", "revoke-moderator", "revoke-voice", "grant-voice");
            assertThat(owner.journal()).allMatch(ModerationAction::succeeded);
            assertThat(owner.journal().get(0).reason()).contains("Trusted");
        }
    }

    @Test
    void kickRemovesTheOccupantWithTheReason(TestServer server) throws Exception {
        String room = room(server, "kicks");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession guest = TestSession.login(server, "guest")) {
            owner.session().rooms().createInstant(room, "Owner");
            guest.session().rooms().join(room, "Guest", Optional.empty());

            owner.session().occupants().kick(room, "Guest", Optional.of("Spam"));

            RemovedFromRoom removed = guest.events().await(RemovedFromRoom.class, e -> e.room().equals(room));
            assertThat(removed.departure()).isEqualTo(Departure.KICKED);
            assertThat(removed.cause().reason()).contains("Spam");
            OccupantLeft left = owner.events().await(OccupantLeft.class, e -> e.occupant().nickname().equals("Guest"));
            assertThat(left.departure()).isEqualTo(Departure.KICKED);
            assertThat(owner.session().tracker().occupants(room)).extracting(o -> o.nickname())
                    .containsExactly("Owner");
            assertThat(guest.session().tracker().occupants(room)).isEmpty();
            assertThat(owner.journal()).singleElement().satisfies(action -> {
                assertThat(action.action()).isEqualTo("kick");
                assertThat(action.target()).isEqualTo("Guest");
                assertThat(action.room()).isEqualTo(room);
                assertThat(action.account()).isEqualTo(server.jid("owner"));
            });
        }
    }

    @Test
    void someoneWhoLeftCanStillBeBannedByNicknameAndCannotComeBack(TestServer server) throws Exception {
        String room = room(server, "bans");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession troll = TestSession.login(server, "troll")) {
            owner.session().rooms().createInstant(room, "Owner");
            troll.session().rooms().join(room, "Troll", Optional.empty());
            owner.events().await(OccupantJoined.class, e -> e.occupant().nickname().equals("Troll"));
            troll.session().rooms().leave(room);
            owner.events().await(OccupantLeft.class, e -> e.occupant().nickname().equals("Troll"));

            String banned = owner.session().occupants().ban(room, "Troll", Optional.of("Trolling"));

            assertThat(banned).isEqualTo(server.jid("troll"));
            var outcasts = MultiUserChatManager.getInstanceFor(owner.session().connection().xmppConnection())
                    .getMultiUserChat(Addresses.room(room)).getOutcasts();
            assertThat(outcasts).extracting(a -> a.getJid().toString()).containsExactly(server.jid("troll"));
            assertThatThrownBy(() -> troll.session().rooms().join(room, "Troll", Optional.empty()))
                    .isInstanceOfSatisfying(ModerationException.class, e -> {
                        assertThat(e.condition()).isEqualTo(Condition.FORBIDDEN);
                        assertThat(e.getMessage()).startsWith("You are banned from " + room);
                    });
            assertThatThrownBy(() -> owner.session().occupants().ban(room, "Stranger", Optional.empty()))
                    .isInstanceOfSatisfying(ModerationException.class,
                            e -> assertThat(e.condition()).isEqualTo(Condition.INVALID_REQUEST));
        }
    }

    /** Prosody answers a participant's attempt to kick the owner with not-allowed (muc.lib.lua set_role). */
    @Test
    void participantCannotKickTheOwner(TestServer server) throws Exception {
        String room = room(server, "mutiny");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession guest = TestSession.login(server, "guest")) {
            owner.session().rooms().createInstant(room, "Owner");
            guest.session().rooms().join(room, "Guest", Optional.empty());

            assertThatThrownBy(() -> guest.session().occupants().kick(room, "Owner", Optional.of("Coup")))
                    .isInstanceOfSatisfying(ModerationException.class, e -> {
                        assertThat(e.condition()).isEqualTo(Condition.NOT_ALLOWED);
                        assertThat(e.getMessage()).isEqualTo("You are not allowed to kick Owner in " + room + ".");
                    });
            assertThat(guest.journal()).singleElement().satisfies(action -> {
                assertThat(action.succeeded()).isFalse();
                assertThat(action.error()).get().asString().contains("not allowed");
            });
            assertThat(owner.session().tracker().occupant(room, "Owner")).isPresent();
        }
    }

    @Test
    void nonOwnerCannotReadTheOwnerList(TestServer server) throws Exception {
        String room = room(server, "owners-only");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession guest = TestSession.login(server, "guest")) {
            owner.session().rooms().createInstant(room, "Owner");
            guest.session().rooms().join(room, "Guest", Optional.empty());
            var guestRoom = MultiUserChatManager.getInstanceFor(guest.session().connection().xmppConnection())
                    .getMultiUserChat(Addresses.room(room));
            try {
                guestRoom.getOwners();
                throw new AssertionError("a participant read the owner list");
            } catch (org.jivesoftware.smack.XMPPException.XMPPErrorException e) {
                ModerationException translated = org.chamberlain.app.errors.SmackErrors.translate(e,
                        Attempt.of(Attempt.Action.LIST_AFFILIATIONS, room));
                assertThat(translated.condition()).isEqualTo(Condition.FORBIDDEN);
                assertThat(translated.getMessage()).startsWith("You are not an owner of " + room);
            }
        }
    }

    /** Seed scenario muc_members_only_change: removing a member of a members-only room kicks them with 321. */
    @Test
    void removingAMemberOfAMembersOnlyRoomRemovesThemWithStatus321(TestServer server) throws Exception {
        String room = room(server, "club");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession member = TestSession.login(server, "member")) {
            ReservedRoomCreation creation = owner.session().rooms().createReserved(room, "Owner");
            FormDefinition form = creation.form();
            creation.submit(form.initialAnswers().withBoolean("muc#roomconfig_membersonly", true));
            assertThat(owner.session().rooms().info(room).membersOnly()).isTrue();

            // One muc#admin request, as the affiliations service will send it.
            AdminRequests.setAffiliation(owner.session().connection().xmppConnection(), Addresses.room(room),
                    Addresses.person(server.jid("member")), Affiliation.MEMBER, null,
                    Attempt.of(Attempt.Action.CHANGE_AFFILIATION, room, server.jid("member")));
            member.session().rooms().join(room, "Member", Optional.empty());
            owner.events().await(OccupantJoined.class, e -> e.occupant().nickname().equals("Member"));

            AdminRequests.setAffiliation(owner.session().connection().xmppConnection(), Addresses.room(room),
                    Addresses.person(server.jid("member")), Affiliation.NONE, "No longer with us",
                    Attempt.of(Attempt.Action.CHANGE_AFFILIATION, room, server.jid("member")));

            RemovedFromRoom removed = member.events().await(RemovedFromRoom.class, e -> e.room().equals(room));
            assertThat(removed.departure()).isEqualTo(Departure.AFFILIATION_CHANGED);
            OccupantLeft left = owner.events().await(OccupantLeft.class,
                    e -> e.occupant().nickname().equals("Member"));
            assertThat(left.departure()).isEqualTo(Departure.AFFILIATION_CHANGED);
            assertThatThrownBy(() -> member.session().rooms().join(room, "Member", Optional.empty()))
                    .isInstanceOfSatisfying(ModerationException.class, e -> {
                        assertThat(e.condition()).isEqualTo(Condition.REGISTRATION_REQUIRED);
                        assertThat(e.getMessage()).isEqualTo(room + " is members-only, and you are not a member.");
                    });
        }
    }
}
