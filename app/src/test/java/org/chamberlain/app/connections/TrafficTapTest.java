package org.chamberlain.app.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chamberlain.app.events.Registration;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.Test;

/** The XML console's traffic hook, against the real test server. */
@WithProsody
class TrafficTapTest {

    @Test
    void everyElementInAndOutReachesTheListenerUntilItUnregisters(TestServer server) throws Exception {
        List<TrafficRecord> records = new CopyOnWriteArrayList<>();
        try (ConnectionManager manager = new ConnectionManager()) {
            AccountConnection alice = manager.open(ConnectionTest.plaintextAccount(server, "tap-alice",
                    server.host(), server.port()), "secret".toCharArray());
            Registration registration = alice.onTraffic(records::add, Runnable::run);
            alice.connect();
            Message message = MessageBuilder.buildMessage("tap-1")
                    .to(JidCreate.from(alice.boundJid().orElseThrow())).setBody("hello me").build();
            alice.xmppConnection().sendStanza(message);
            long deadline = System.currentTimeMillis() + 5000;
            while (records.stream().noneMatch(r -> !r.outgoing() && r.xml().contains("hello me"))
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }

            assertThat(records).allMatch(r -> r.accountJid().equals(server.jid("tap-alice")));
            // Incoming nonzas come through (SASL success); outgoing nonzas such as <auth> do not: Smack
            // 4.5.0-rc1's TCP writer reports only stanzas to the debugger (see docs/notes/xml-console.md).
            assertThat(records).anyMatch(r -> !r.outgoing() && r.xml().startsWith("<success")
                    && r.xml().contains("urn:ietf:params:xml:ns:xmpp-sasl"));
            assertThat(records).anyMatch(r -> r.outgoing() && r.xml().contains("hello me"));
            assertThat(records).anyMatch(r -> !r.outgoing() && r.xml().contains("hello me"));

            alice.sendRaw("<message to='" + alice.boundJid().orElseThrow() + "' id='raw-1'><body>raw &amp; exact"
                    + "</body></message>");
            deadline = System.currentTimeMillis() + 5000;
            while (records.stream().noneMatch(r -> !r.outgoing() && r.xml().contains("raw &amp; exact"))
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(records).anyMatch(r -> r.outgoing() && r.xml().contains("id='raw-1'"));
            assertThat(records).as("the raw message came back from the server")
                    .anyMatch(r -> !r.outgoing() && r.xml().contains("raw &amp; exact"));

            registration.close();
            int before = records.size();
            alice.xmppConnection().sendStanza(MessageBuilder.buildMessage("tap-2")
                    .to(JidCreate.from(alice.boundJid().orElseThrow())).setBody("unseen").build());
            Thread.sleep(300);
            assertThat(records).hasSize(before);
        }
    }
}
