package org.chamberlain.app.destruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.chamberlain.app.connections.Addresses;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.ModerationException.Condition;
import org.chamberlain.app.events.ModerationAction;
import org.chamberlain.app.events.RoomDestroyed;
import org.chamberlain.app.testing.TestSession;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.Test;

/** Seed scenario muc_create_destroy at API level, plus the admin command and refusals. */
@WithProsody
class DestructionServiceTest {

    private static String room(TestServer server, String name) {
        return name + "@" + server.mucService();
    }

    @Test
    void createTalkAndDestroyWithReasonSeenByOccupants(TestServer server) throws Exception {
        String room = room(server, "short-lived");
        String venue = room(server, "new-home");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession guest = TestSession.login(server, "guest")) {
            owner.session().rooms().createInstant(room, "Owner");
            guest.session().rooms().join(room, "Guest", Optional.empty());
            MultiUserChat guestRoom = MultiUserChatManager.getInstanceFor(guest.session().connection()
                    .xmppConnection()).getMultiUserChat(Addresses.room(room));
            MultiUserChat ownerRoom = MultiUserChatManager.getInstanceFor(owner.session().connection()
                    .xmppConnection()).getMultiUserChat(Addresses.room(room));
            ownerRoom.sendMessage("Hello, Guest");
            Message heard = guestRoom.nextMessage(5000);
            while (heard != null && heard.getBody() == null) {
                heard = guestRoom.nextMessage(5000); // the subject, sent on join
            }
            assertThat(heard).isNotNull();
            assertThat(heard.getBody()).isEqualTo("Hello, Guest");

            owner.session().destruction().destroy(room, Optional.of("Moving house"), Optional.of(venue));

            RoomDestroyed destroyed = guest.events().await(RoomDestroyed.class, e -> e.room().equals(room));
            assertThat(destroyed.reason()).contains("Moving house");
            assertThat(destroyed.alternateVenue()).contains(venue);
            assertThat(guest.session().tracker().occupants(room)).isEmpty();
            assertThat(owner.journal()).singleElement().satisfies(action -> {
                assertThat(action.action()).isEqualTo("destroy");
                assertThat(action.reason()).contains("Moving house");
                assertThat(action.succeeded()).isTrue();
            });
            // The name is free again: joining creates a new room.
            assertThat(guest.session().rooms().join(room, "Guest", Optional.empty()).created()).isTrue();
        }
    }

    @Test
    void onlyTheOwnerMayDestroy(TestServer server) throws Exception {
        String room = room(server, "sturdy");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession guest = TestSession.login(server, "guest")) {
            owner.session().rooms().createInstant(room, "Owner");
            guest.session().rooms().join(room, "Guest", Optional.empty());

            assertThatThrownBy(() -> guest.session().destruction().destroy(room, Optional.of("Gone"),
                    Optional.empty())).isInstanceOfSatisfying(ModerationException.class, e -> {
                        assertThat(e.condition()).isEqualTo(Condition.FORBIDDEN);
                        assertThat(e.getMessage()).startsWith("You are not an owner of " + room);
                    });
            assertThat(guest.journal()).singleElement().extracting(ModerationAction::succeeded).isEqualTo(false);
        }
    }

    /** Seed scenario muc_create_destroy, admin part: admin@localhost destroys through the ad-hoc command. */
    @Test
    void serverAdminDestroysThroughTheAdHocCommand(TestServer server) throws Exception {
        String room = room(server, "abandoned");
        try (TestSession owner = TestSession.login(server, "owner");
                TestSession admin = TestSession.login(server, "admin");
                TestSession guest = TestSession.login(server, "guest")) {
            owner.session().rooms().createInstant(room, "Owner");
            guest.session().rooms().join(room, "Guest", Optional.empty());

            assertThat(guest.session().destruction().adminDestroyOffered(server.mucService())).isFalse();
            assertThatThrownBy(() -> guest.session().destruction().destroyAsAdmin(server.mucService(), List.of(room),
                    Optional.empty())).isInstanceOfSatisfying(ModerationException.class,
                            e -> assertThat(e.condition()).isEqualTo(Condition.FORBIDDEN));
            assertThat(admin.session().destruction().adminDestroyOffered(server.mucService())).isTrue();
            // The room is not public (Prosody's default), so disco#items leaves it out; the command lists it.
            assertThat(admin.session().rooms().rooms(server.mucService(), false)).noneMatch(l -> l.room().equals(room));
            assertThat(admin.session().destruction().roomsAsAdmin(server.mucService())).contains(room);
            assertThatThrownBy(() -> guest.session().destruction().roomsAsAdmin(server.mucService()))
                    .isInstanceOfSatisfying(ModerationException.class,
                            e -> assertThat(e.condition()).isEqualTo(Condition.FORBIDDEN));

            List<String> destroyed = admin.session().destruction().destroyAsAdmin(server.mucService(),
                    List.of(room), Optional.of("Cleanup"));

            assertThat(destroyed).containsExactly(room);
            guest.events().await(RoomDestroyed.class, e -> e.room().equals(room));
            owner.events().await(RoomDestroyed.class, e -> e.room().equals(room));
            assertThat(admin.journal()).singleElement().satisfies(action -> {
                assertThat(action.action()).isEqualTo("admin-destroy");
                assertThat(action.target()).isEqualTo(room);
                assertThat(action.room()).isEqualTo(server.mucService());
                assertThat(action.succeeded()).isTrue();
            });
        }
    }
}
