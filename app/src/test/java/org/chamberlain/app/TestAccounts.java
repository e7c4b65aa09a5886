package org.chamberlain.app;

import org.chamberlain.testkit.TestServer;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/** Plain Smack logins and rooms on the test server, for tests of services that take a connection. */
public final class TestAccounts {
    private TestAccounts() {
    }

    /** Logs in as {@code user@domain} (the test server accepts any password); plaintext on loopback. */
    public static XMPPTCPConnection connect(TestServer server, String user) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(server.domain())
                .setHost(server.host())
                .setPort(server.port())
                .setUsernameAndPassword(user, "password")
                .setResource("test")
                .setSecurityMode(SecurityMode.disabled)
                .build());
        connection.connect().login();
        return connection;
    }

    /** Creates an instant room owned by this connection and stays joined under the nickname. */
    public static MultiUserChat instantRoom(XMPPTCPConnection owner, String roomAddress, String nick)
            throws Exception {
        MultiUserChat room = MultiUserChatManager.getInstanceFor(owner)
                .getMultiUserChat(JidCreate.entityBareFrom(roomAddress));
        room.create(Resourcepart.from(nick)).makeInstant();
        return room;
    }
}
