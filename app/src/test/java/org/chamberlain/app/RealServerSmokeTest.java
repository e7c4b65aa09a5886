package org.chamberlain.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/** Smack against the harness's real Prosody: two accounts, an instant room, a second occupant. */
@WithProsody
class RealServerSmokeTest {

    @Test
    void secondOccupantJoinsAnInstantRoomAndTheOwnerSeesThem(TestServer server) throws Exception {
        XMPPTCPConnection owner = connect(server, "owner");
        XMPPTCPConnection guest = connect(server, "guest");
        try {
            EntityBareJid room = JidCreate.entityBareFrom("room@" + server.mucService());
            MultiUserChat ownerRoom = MultiUserChatManager.getInstanceFor(owner).getMultiUserChat(room);
            ownerRoom.create(Resourcepart.from("Owner")).makeInstant();

            MultiUserChat guestRoom = MultiUserChatManager.getInstanceFor(guest).getMultiUserChat(room);
            Presence selfPresence = guestRoom.join(Resourcepart.from("Guest"));

            assertThat(MUCUser.from(selfPresence).getStatus()).contains(MUCUser.Status.PRESENCE_TO_SELF_110);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!ownerRoom.getOccupants().contains(JidCreate.entityFullFrom(room + "/Guest"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(ownerRoom.getOccupants()).contains(JidCreate.entityFullFrom(room + "/Guest"));
        } finally {
            guest.disconnect();
            owner.disconnect();
        }
    }

    private static XMPPTCPConnection connect(TestServer server, String user) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(server.domain())
                .setHost(server.host())
                .setPort(server.port())
                .setUsernameAndPassword(user, "password")
                .setSecurityMode(SecurityMode.disabled)
                .build());
        connection.connect().login();
        return connection;
    }
}
