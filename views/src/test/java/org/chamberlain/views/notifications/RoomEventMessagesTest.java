package org.chamberlain.views.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.chamberlain.app.events.Affiliation;
import org.chamberlain.app.events.AffiliationChanged;
import org.chamberlain.app.events.InvitationReceived;
import org.chamberlain.app.events.RoomDestroyed;
import org.chamberlain.app.events.RoomEvent;
import org.junit.jupiter.api.Test;

/** Which of the app's accounts' sightings of a room event become a card. */
class RoomEventMessagesTest {
    private static final String ROOM = "lobby@conference.example.org";
    private static final String OWNER = "owner@example.org";
    private static final String ALICE = "alice@example.org";

    private static AffiliationChanged aliceBecameMemberSeenBy(String account, Optional<String> jid) {
        return new AffiliationChanged(account, ROOM, jid, Optional.of("alice"), Affiliation.MEMBER,
                Optional.of(Affiliation.NONE), RoomEvent.Cause.of(null, "team"));
    }

    @Test
    void anAffiliationChangeIsAnnouncedOnceAsTheActiveAccountSawIt() {
        assertThat(RoomEventMessages.of(aliceBecameMemberSeenBy(OWNER, Optional.of(ALICE)), OWNER))
                .map(RoomEventMessages.Message::text)
                .hasValue(ALICE + " is now a member in " + ROOM + " (was none): \u201cteam\u201d.");
        assertThat(RoomEventMessages.of(aliceBecameMemberSeenBy(ALICE, Optional.empty()), OWNER)).isEmpty();
        assertThat(RoomEventMessages.of(aliceBecameMemberSeenBy("bob@example.org", Optional.empty()), OWNER))
                .isEmpty();
    }

    @Test
    void anInviterKnownOnlyByNicknameIsNamedByIt() {
        InvitationReceived fromOccupant = new InvitationReceived(ALICE, ROOM, Optional.of(ROOM + "/owner"),
                Optional.of("come back"), Optional.empty(), false);
        assertThat(RoomEventMessages.of(fromOccupant, OWNER)).map(RoomEventMessages.Message::text)
                .hasValue("owner, in the room, invites you to " + ROOM + ": \u201ccome back\u201d.");
        InvitationReceived fromPerson = new InvitationReceived(ALICE, ROOM, Optional.of(OWNER + "/phone"),
                Optional.empty(), Optional.of("secret"), true);
        assertThat(RoomEventMessages.of(fromPerson, OWNER)).map(RoomEventMessages.Message::text)
                .hasValue(OWNER + "/phone invites you to " + ROOM + " (a password was included).");
    }

    @Test
    void whatHappensToAnAccountIsAnnouncedWhicheverAccountIsActive() {
        RoomDestroyed destroyed = new RoomDestroyed(ALICE, ROOM, Optional.empty(), Optional.of("spring cleaning"));
        assertThat(RoomEventMessages.of(destroyed, OWNER)).map(RoomEventMessages.Message::text)
                .hasValue(ROOM + " was destroyed: \u201cspring cleaning\u201d.");
    }
}
