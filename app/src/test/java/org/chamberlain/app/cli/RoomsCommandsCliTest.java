package org.chamberlain.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.chamberlain.app.TestAccounts;
import org.chamberlain.app.affiliations.Affiliation;
import org.chamberlain.app.affiliations.AffiliationAuditor;
import org.chamberlain.app.affiliations.AffiliationService;
import org.chamberlain.app.audit.AuditEntry;
import org.chamberlain.app.audit.AuditLog;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.StanzaExtensionFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.UserStatusListener;
import org.jivesoftware.smackx.muc.packet.GroupChatInvitation;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/** create, list, invite, kick, voice, moderator, ban and destroy through {@code rooms}, on a real Prosody. */
@WithProsody
class RoomsCommandsCliTest {
    @TempDir
    Path dir;

    private String room;
    private Path audit;

    @BeforeEach
    void names(TestServer server, TestInfo test) {
        room = test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT) + "@" + server.mucService();
        audit = dir.resolve("audit.jsonl");
    }

    private CliRun.Result run(TestServer server, String user, String... args) {
        return CliRun.asUser(server, audit, user, args);
    }

    private JsonNode listed(TestServer server, String roomAddress) throws Exception {
        CliRun.Result list = run(server, "lister", "list", server.mucService(), "--json");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        for (JsonNode node : list.json().get("rooms")) {
            if (node.get("room").asText().equals(roomAddress)) {
                return node;
            }
        }
        return null;
    }

    @Test
    void aCreatedRoomIsPersistentOutlivesTheCommandAndIsListed(TestServer server) throws Exception {
        CliRun.Result create = run(server, "creator", "create", room, "--set", "roomname=Lobby", "--set",
                "publicroom=yes");

        assertThat(create.exitCode()).as(create.toString()).isZero();
        assertThat(create.out()).contains("Created " + room + " (persistent).");
        JsonNode listing = listed(server, room);
        assertThat(listing).as("listed after the creating command exited").isNotNull();
        assertThat(listing.get("name").asText()).isEqualTo("Lobby");
        assertThat(listing.get("persistent").asBoolean()).isTrue();
        assertThat(new AuditLog(audit).entriesFor(room).entries()).extracting(AuditEntry::action)
                .containsExactly("configuration", "create");

        CliRun.Result again = run(server, "creator", "create", room, "--instant");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(again.err()).contains("already exists");
    }

    @Test
    void anInstantRoomIsPersistentTooUnlessTemporary(TestServer server) throws Exception {
        CliRun.Result instant = run(server, "creator", "create", room, "--instant", "--set", "x=y");
        assertThat(instant.exitCode()).as("--instant with --set").isEqualTo(ExitCodes.USAGE);

        instant = run(server, "creator", "create", room, "--instant");
        assertThat(instant.exitCode()).as(instant.toString()).isZero();
        CliRun.Result info = run(server, "creator", "config", room, "--json");
        boolean persistent = false;
        for (JsonNode field : info.json().get("fields")) {
            if (field.path("var").asText().equals("muc#roomconfig_persistentroom")) {
                persistent = field.get("values").get(0).asText().matches("1|true");
            }
        }
        assertThat(persistent).isTrue();

        String temporary = "temp-" + room;
        CliRun.Result temp = run(server, "creator", "create", temporary, "--instant", "--temporary", "--set",
                "publicroom=yes");
        assertThat(temp.exitCode()).as("--instant with --set").isEqualTo(ExitCodes.USAGE);
        temp = run(server, "creator", "create", temporary, "--temporary", "--set", "publicroom=yes");
        assertThat(temp.exitCode()).as(temp.toString()).isZero();
        assertThat(temp.out()).contains("(temporary: it goes away when this command exits)");
        JsonNode gone = listed(server, temporary);
        for (int i = 0; i < 50 && gone != null; i++) {
            Thread.sleep(50);
            gone = listed(server, temporary);
        }
        assertThat(gone).as("a temporary room vanishes when its last occupant leaves").isNull();
    }

    @Test
    void mediatedAndDirectInvitationsReachTheInvitee(TestServer server) throws Exception {
        assertThat(run(server, "host", "create", room, "--instant").exitCode()).isZero();
        XMPPTCPConnection invitee = TestAccounts.connect(server, "invitee");
        try {
            StanzaCollector mediated = invitee.createStanzaCollector(new AndFilter(StanzaTypeFilter.MESSAGE,
                    new StanzaExtensionFilter(MUCUser.ELEMENT, MUCUser.NAMESPACE)));
            CliRun.Result invite = run(server, "host", "invite", room, server.jid("invitee"), "--reason", "tea?");
            assertThat(invite.exitCode()).as(invite.toString()).isZero();
            Message message = mediated.nextResultOrThrow(5000);
            mediated.cancel();
            assertThat(message.getFrom().asBareJid().toString()).isEqualTo(room);
            MUCUser.Invite received = MUCUser.from(message).getInvite();
            // Prosody names the inviter by occupant JID (room/nick), as in muc_mediated_invite.scs.
            assertThat(received.getFrom().toString()).isEqualTo(room + "/host");
            assertThat(received.getReason()).isEqualTo("tea?");

            StanzaCollector direct = invitee.createStanzaCollector(new AndFilter(StanzaTypeFilter.MESSAGE,
                    new StanzaExtensionFilter(GroupChatInvitation.ELEMENT, GroupChatInvitation.NAMESPACE)));
            CliRun.Result directInvite = run(server, "host", "invite", room, server.jid("invitee"), "--direct");
            assertThat(directInvite.exitCode()).as(directInvite.toString()).isZero();
            Message directMessage = direct.nextResultOrThrow(5000);
            direct.cancel();
            assertThat(directMessage.getFrom().asBareJid().toString()).isEqualTo(server.jid("host"));
            assertThat(directMessage.getExtension(GroupChatInvitation.class).getRoomAddress().toString())
                    .isEqualTo(room);
        } finally {
            invitee.disconnect();
        }
    }

    @Test
    void kickVoiceModeratorAndBanActOnAnOccupantAndAreAudited(TestServer server) throws Exception {
        assertThat(run(server, "mod", "create", room, "--set", "moderatedroom=yes").exitCode()).isZero();
        XMPPTCPConnection guest = TestAccounts.connect(server, "guest");
        try {
            MultiUserChat guestRoom = MultiUserChatManager.getInstanceFor(guest)
                    .getMultiUserChat(JidCreate.entityBareFrom(room));
            CountDownLatch kicked = new CountDownLatch(1);
            AtomicReference<String> kickReason = new AtomicReference<>();
            guestRoom.addUserStatusListener(new UserStatusListener() {
                @Override
                public void kicked(Jid actor, String reason) {
                    kickReason.set(reason);
                    kicked.countDown();
                }
            });
            guestRoom.join(Resourcepart.from("Guest"));
            assertThat(roleOf(guestRoom)).isEqualTo(MUCRole.visitor);

            assertThat(run(server, "mod", "voice", room, "Guest", "--reason", "speak up").exitCode()).isZero();
            awaitRole(guestRoom, MUCRole.participant);
            assertThat(run(server, "mod", "moderator", room, "Guest").exitCode()).isZero();
            awaitRole(guestRoom, MUCRole.moderator);
            assertThat(run(server, "mod", "moderator", room, "Guest", "--revoke").exitCode()).isZero();
            awaitRole(guestRoom, MUCRole.participant);

            CliRun.Result kick = run(server, "mod", "kick", room, "Guest", "--reason", "time out");
            assertThat(kick.exitCode()).as(kick.toString()).isZero();
            assertThat(kick.out()).contains("Kicked Guest from " + room + ".");
            assertThat(kicked.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(kickReason.get()).isEqualTo("time out");

            guestRoom.join(Resourcepart.from("Guest"));
            CliRun.Result ban = run(server, "mod", "ban", room, "Guest", "--reason", "again");
            assertThat(ban.exitCode()).as(ban.toString()).isZero();
            assertThat(ban.out()).contains("Banned " + server.jid("guest") + " (Guest) from " + room + ".");
        } finally {
            guest.disconnect();
        }
        CliRun.Result banned = run(server, "guest", "kick", room, "mod", "--json");
        assertThat(banned.exitCode()).as(banned.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(banned.json().get("error").get("condition").asText()).isEqualTo("forbidden");
        assertThat(banned.err()).contains("You are banned from " + room + ".");
        XMPPTCPConnection mod = TestAccounts.connect(server, "mod");
        try {
            assertThat(new AffiliationService(mod, AffiliationAuditor.NONE).fetch(room, Affiliation.OUTCAST))
                    .extracting(e -> e.jid()).containsExactly(server.jid("guest"));
        } finally {
            mod.disconnect();
        }
        assertThat(new AuditLog(audit).entriesFor(room).entries()).extracting(AuditEntry::action)
                .containsSubsequence("grant-voice", "grant-moderator", "revoke-moderator", "kick", "ban");
    }

    @Test
    void aParticipantTryingToKickTheOwnerIsRefused(TestServer server) throws Exception {
        assertThat(run(server, "boss", "create", room, "--instant").exitCode()).isZero();
        XMPPTCPConnection boss = TestAccounts.connect(server, "boss");
        try {
            MultiUserChatManager.getInstanceFor(boss).getMultiUserChat(JidCreate.entityBareFrom(room))
                    .join(Resourcepart.from("Boss"));

            CliRun.Result kick = run(server, "rebel", "kick", room, "Boss", "--reason", "coup", "--json");

            assertThat(kick.exitCode()).as(kick.toString()).isEqualTo(ExitCodes.REFUSED);
            assertThat(kick.json().get("error").get("condition").asText()).isIn("not-allowed", "forbidden");
            assertThat(kick.err()).contains("kick Boss in " + room);
            AuditEntry refused = new AuditLog(audit).entriesFor(room).entries().stream()
                    .filter(e -> e.action().equals("kick")).findFirst().orElseThrow();
            assertThat(refused.items().get(0).result()).isEqualTo(AuditEntry.Result.REFUSED);
            assertThat(refused.items().get(0).condition()).isPresent();
        } finally {
            boss.disconnect();
        }
    }

    @Test
    void destroyTellsOccupantsTheReasonAndTheAlternateRoom(TestServer server) throws Exception {
        assertThat(run(server, "owner", "create", room, "--set", "publicroom=yes").exitCode()).isZero();
        assertThat(listed(server, room)).isNotNull();
        XMPPTCPConnection guest = TestAccounts.connect(server, "stayer");
        try {
            MultiUserChatManager.getInstanceFor(guest).getMultiUserChat(JidCreate.entityBareFrom(room))
                    .join(Resourcepart.from("Stayer"));
            StanzaCollector leaving = guest.createStanzaCollector(new AndFilter(StanzaTypeFilter.PRESENCE,
                    new StanzaExtensionFilter(MUCUser.ELEMENT, MUCUser.NAMESPACE)));
            String alternate = "elsewhere@" + server.mucService();

            CliRun.Result destroy = run(server, "owner", "destroy", room, "--reason", "moving house",
                    "--alternate", alternate);

            assertThat(destroy.exitCode()).as(destroy.toString()).isZero();
            Presence gone = null;
            for (int i = 0; i < 10 && gone == null; i++) {
                // nextResultOrThrow() would cancel the collector after the first stanza.
                Presence next = leaving.nextResult(5000);
                if (next != null && MUCUser.from(next).getDestroy() != null) {
                    gone = next;
                }
            }
            leaving.cancel();
            assertThat(gone).isNotNull();
            assertThat(MUCUser.from(gone).getDestroy().getReason()).isEqualTo("moving house");
            assertThat(MUCUser.from(gone).getDestroy().getJid().toString()).isEqualTo(alternate);
        } finally {
            guest.disconnect();
        }
        assertThat(listed(server, room)).isNull();
    }

    @Test
    void aServerAdminDestroysAnyRoomWithTheAdHocCommandOthersAreRefused(TestServer server) throws Exception {
        assertThat(run(server, "someone", "create", room, "--set", "publicroom=yes").exitCode()).isZero();

        CliRun.Result notAdmin = run(server, "someone", "destroy", room, "--as-admin");
        assertThat(notAdmin.exitCode()).as(notAdmin.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(listed(server, room)).isNotNull();

        CliRun.Result admin = run(server, "admin", "destroy", room, "--as-admin", "--reason", "cleanup");
        assertThat(admin.exitCode()).as(admin.toString()).isZero();
        assertThat(admin.out()).contains("Destroyed " + room + " (as server administrator).");
        assertThat(listed(server, room)).isNull();

        CliRun.Result both = run(server, "admin", "destroy", room, "--as-admin", "--alternate", "x@y");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    /** muc_affiliation_notify through the command line: the owner, in the room, is told about the grant. */
    @Test
    void grantingMembershipFromTheCommandLineNotifiesTheOwnerInTheRoom(TestServer server) throws Exception {
        assertThat(run(server, "romeo", "create", room).exitCode()).isZero();
        XMPPTCPConnection romeo = TestAccounts.connect(server, "romeo");
        try {
            MultiUserChatManager.getInstanceFor(romeo).getMultiUserChat(JidCreate.entityBareFrom(room))
                    .join(Resourcepart.from("Romeo"));
            StanzaCollector notices = romeo.createStanzaCollector(new AndFilter(StanzaTypeFilter.MESSAGE,
                    new StanzaExtensionFilter(MUCUser.ELEMENT, MUCUser.NAMESPACE)));

            CliRun.Result grant = run(server, "romeo", "members", room, "--grant", "member", server.jid("rosaline"));

            assertThat(grant.exitCode()).as(grant.toString()).isZero();
            Message notice = notices.nextResultOrThrow(5000);
            assertThat(MUCUser.from(notice).getItem().getJid().asBareJid().toString())
                    .isEqualTo(server.jid("rosaline"));
            assertThat(MUCUser.from(notice).getItem().getAffiliation().toString()).isEqualTo("member");
            CliRun.Result members = run(server, "romeo", "members", room, "--list", "member");
            assertThat(members.out()).contains(server.jid("rosaline"));
        } finally {
            romeo.disconnect();
        }
    }

    /** muc_members_only_change through the command line: a removed member is removed from the room (321). */
    @Test
    void removingAMemberOfAMembersOnlyRoomRemovesThemWithStatus321(TestServer server) throws Exception {
        assertThat(run(server, "keeper", "create", room, "--set", "membersonly=yes").exitCode()).isZero();
        assertThat(run(server, "keeper", "members", room, "--grant", "member", server.jid("visitor")).exitCode())
                .isZero();
        XMPPTCPConnection visitor = TestAccounts.connect(server, "visitor");
        try {
            MultiUserChat visitorRoom = MultiUserChatManager.getInstanceFor(visitor)
                    .getMultiUserChat(JidCreate.entityBareFrom(room));
            visitorRoom.join(Resourcepart.from("Visitor"));
            StanzaCollector removal = visitor.createStanzaCollector(new AndFilter(StanzaTypeFilter.PRESENCE,
                    new StanzaExtensionFilter(MUCUser.ELEMENT, MUCUser.NAMESPACE)));

            CliRun.Result remove = run(server, "keeper", "members", room, "--grant", "none", server.jid("visitor"),
                    "--reason", "season over");

            assertThat(remove.exitCode()).as(remove.toString()).isZero();
            Presence removed = null;
            for (int i = 0; i < 10 && removed == null; i++) {
                Presence next = removal.nextResult(5000);
                if (next != null && next.getType() == Presence.Type.unavailable
                        && next.getFrom().toString().equals(room + "/Visitor")) {
                    removed = next;
                }
            }
            removal.cancel();
            assertThat(removed).isNotNull();
            assertThat(MUCUser.from(removed).getStatus()).contains(MUCUser.Status.create(321));
        } finally {
            visitor.disconnect();
        }
    }

    private static MUCRole roleOf(MultiUserChat room) {
        return room.getOccupant(room.getMyRoomJid()).getRole();
    }

    private static void awaitRole(MultiUserChat room, MUCRole role) throws InterruptedException {
        for (int i = 0; i < 100 && roleOf(room) != role; i++) {
            Thread.sleep(20);
        }
        assertThat(roleOf(room)).isEqualTo(role);
    }
}
