package org.chamberlain.app.invitations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Optional;
import org.chamberlain.app.events.InvitationReceived;
import org.chamberlain.app.events.ModerationAction;
import org.chamberlain.app.invitations.InvitationService.Kind;
import org.chamberlain.app.rooms.JoinedRoom;
import org.chamberlain.app.rooms.ReservedRoomCreation;
import org.chamberlain.app.testing.TestSession;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.junit.jupiter.api.Test;

/** Invitations against the real Prosody. */
@WithProsody
class InvitationServiceTest {

    private static String room(TestServer server, String name) {
        return name + "@" + server.mucService();
    }

    /** Seed scenario muc_mediated_invite: the invitation reaches the invitee from the room. */
    @Test
    void mediatedInvitationsReachEveryInviteeFromTheRoom(TestServer server) throws Exception {
        String room = room(server, "party");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession alice = TestSession.login(server, "alice");
                TestSession bob = TestSession.login(server, "bob")) {
            owner.session().rooms().createInstant(room, "Owner");

            List<InvitationResult> results = owner.session().invitations().invite(room,
                    List.of(server.jid("alice"), server.jid("bob"), "not a jid@@"), Kind.MEDIATED,
                    Optional.of("Come along"), Optional.empty());

            assertThat(results).extracting(InvitationResult::sent).containsExactly(true, true, false);
            assertThat(results.get(2).error()).get().asString().contains("is not a person's address");
            assertThat(results.get(0).membership()).as("open room: nothing to do about membership").isEmpty();
            for (TestSession invitee : List.of(alice, bob)) {
                InvitationReceived received = invitee.events().await(InvitationReceived.class,
                        e -> e.room().equals(room));
                assertThat(received.direct()).isFalse();
                // Semi-anonymous room (Prosody's default): the room names the inviter by room JID, not real JID.
                assertThat(received.inviter()).contains(room + "/Owner");
                assertThat(received.reason()).contains("Come along");
            }
            assertThat(owner.journal()).extracting(ModerationAction::action, ModerationAction::target)
                    .containsExactly(tuple("invite", server.jid("alice")),
                            tuple("invite", server.jid("bob")));
        }
    }

    /**
     * A direct invitation bypasses the room, so in a members-only room the invitee must be made a member first;
     * the service does that (one request per invitee) and the invitee can then join with the password given.
     */
    @Test
    void directInvitationToAMembersOnlyRoomGrantsMembershipFirst(TestServer server) throws Exception {
        String room = room(server, "vip");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession carol = TestSession.login(server, "carol")) {
            ReservedRoomCreation creation = owner.session().rooms().createReserved(room, "Owner");
            creation.submit(creation.form().initialAnswers()
                    .withBoolean("muc#roomconfig_membersonly", true)
                    .withText("muc#roomconfig_roomsecret", "s3cret"));

            List<InvitationResult> results = owner.session().invitations().invite(room,
                    List.of(server.jid("carol"), server.jid("owner")), Kind.DIRECT, Optional.of("VIP only"),
                    Optional.of("s3cret"));

            assertThat(results.get(0).sent()).isTrue();
            assertThat(results.get(0).membership()).contains("granted");
            assertThat(results.get(1).membership()).as("the owner is not demoted to member")
                    .contains("already member");
            InvitationReceived received = carol.events().await(InvitationReceived.class,
                    e -> e.room().equals(room));
            assertThat(received.direct()).isTrue();
            assertThat(received.password()).contains("s3cret");
            assertThat(received.toString()).doesNotContain("s3cret");
            JoinedRoom joined = carol.session().rooms().join(room, "Carol", received.password());
            assertThat(joined.affiliation()).isEqualTo(org.chamberlain.app.events.Affiliation.MEMBER);
            assertThat(owner.journal()).extracting(ModerationAction::action)
                    .containsExactly("grant-membership", "invite-direct", "invite-direct");
        }
    }

    @Test
    void participantOfAMembersOnlyRoomCannotGrantMembership(TestServer server) throws Exception {
        String room = room(server, "closed");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession member = TestSession.login(server, "member")) {
            ReservedRoomCreation creation = owner.session().rooms().createReserved(room, "Owner");
            creation.submit(creation.form().initialAnswers().withBoolean("muc#roomconfig_membersonly", true));
            owner.session().invitations().invite(room, List.of(server.jid("member")), Kind.DIRECT,
                    Optional.empty(), Optional.empty());
            member.session().rooms().join(room, "Member", Optional.empty());

            List<InvitationResult> results = member.session().invitations().invite(room,
                    List.of(server.jid("dave")), Kind.DIRECT, Optional.empty(), Optional.empty());

            assertThat(results.get(0).membership()).get().asString()
                    .startsWith("not granted: you may not edit the member list");
        }
    }

    /** Prosody refuses mediated invitations to a members-only room from a plain member with forbidden. */
    @Test
    void roomRefusingAMediatedInvitationIsReportedPerInvitee(TestServer server) throws Exception {
        String room = room(server, "guarded");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession member = TestSession.login(server, "member")) {
            ReservedRoomCreation creation = owner.session().rooms().createReserved(room, "Owner");
            creation.submit(creation.form().initialAnswers().withBoolean("muc#roomconfig_membersonly", true));
            owner.session().invitations().invite(room, List.of(server.jid("member")), Kind.DIRECT,
                    Optional.empty(), Optional.empty());
            member.session().rooms().join(room, "Member", Optional.empty());

            List<InvitationResult> results = member.session().invitations().invite(room,
                    List.of(server.jid("erin"), server.jid("frank")), Kind.MEDIATED, Optional.of("Please"),
                    Optional.empty());

            assertThat(results).extracting(InvitationResult::sent).containsExactly(false, false);
            assertThat(results.get(0).error()).contains("You are not allowed to invite " + server.jid("erin")
                    + " in " + room + ".");
            assertThat(member.journal()).extracting(ModerationAction::action, ModerationAction::succeeded)
                    .containsExactly(tuple("invite", false),
                            tuple("invite", false));
            assertThat(member.journal().get(0).condition()).contains("forbidden");
        }
    }
}
