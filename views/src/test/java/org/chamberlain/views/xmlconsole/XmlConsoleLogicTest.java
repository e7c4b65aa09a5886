package org.chamberlain.views.xmlconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.chamberlain.views.xmlconsole.ConsoleEntry.Kind;
import org.junit.jupiter.api.Test;

/** Redaction, entry extraction, filters, well-formedness and templates, without a toolkit. */
class XmlConsoleLogicTest {

    @Test
    void saslPayloadsAreRedactedInBothDirections() {
        String auth = "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGFsaWNlAHNlY3JldA==</auth>";
        String challenge = "<challenge xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\">cj1meWtvK2QybGJiRmdP</challenge>";
        String success = "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                + "dj1ybUY5cHFWOFM3c3VBb1pXamE0ZEpSa0ZzS1E9</success>";
        String empty = "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>";

        assertThat(Redaction.redact(auth)).isEqualTo(
                "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>[redacted]</auth>");
        assertThat(Redaction.redact(challenge)).doesNotContain("cj1m").contains("[redacted]");
        assertThat(Redaction.redact(success)).doesNotContain("dj1y");
        assertThat(Redaction.redact(empty)).isEqualTo(empty);
    }

    @Test
    void passwordsInStanzasAndSecretFormFieldsAreRedacted() {
        String join = "<presence to='r@muc/nick'><x xmlns='http://jabber.org/protocol/muc'>"
                + "<password>cauldronburn</password></x></presence>";
        String register = "<iq type='set'><query xmlns='jabber:iq:register'><username>bill</username>"
                + "<password>Calliope</password></query></iq>";
        String config = "<x xmlns='jabber:x:data' type='submit'>"
                + "<field var='muc#roomconfig_roomsecret'><value>letmein</value></field>"
                + "<field var='muc#roomconfig_roomname'><value>Kitchen</value></field>"
                + "<field type='text-private' var='token'><value>abc123</value></field></x>";

        assertThat(Redaction.redact(join)).doesNotContain("cauldronburn").contains("<password>[redacted]</password>");
        assertThat(Redaction.redact(register)).doesNotContain("Calliope").contains("<username>bill</username>");
        String redacted = Redaction.redact(config);
        assertThat(redacted).doesNotContain("letmein").doesNotContain("abc123").contains("<value>Kitchen</value>");
    }

    @Test
    void entriesKnowTheirKindAndAddresses() {
        ConsoleEntry entry = ConsoleEntry.of(0, false,
                "<presence xmlns='jabber:client' from=\"room@conference.localhost/Romeo\" to='juliet@localhost/x'/>");
        assertThat(entry.kind()).isEqualTo(Kind.PRESENCE);
        assertThat(entry.from()).isEqualTo("room@conference.localhost/Romeo");
        assertThat(entry.to()).isEqualTo("juliet@localhost/x");
        assertThat(ConsoleEntry.of(0, true, "<iq type='get' id='1'/>").kind()).isEqualTo(Kind.IQ);
        assertThat(ConsoleEntry.of(0, true, "<stream:features/>").kind()).isEqualTo(Kind.OTHER);
    }

    @Test
    void filterCombinesKindDirectionJidAndText() {
        ConsoleEntry roomPresence = ConsoleEntry.of(0, false,
                "<presence from='kitchen@conference.localhost/cook' to='me@localhost/a'><status>hi</status>"
                        + "</presence>");
        ConsoleEntry sentMessage = ConsoleEntry.of(0, true, "<message to='bob@localhost'><body>Hello</body></message>");

        ConsoleFilter presencesOnly = new ConsoleFilter(EnumSet.of(Kind.PRESENCE), true, true, "", "");
        assertThat(presencesOnly.test(roomPresence)).isTrue();
        assertThat(presencesOnly.test(sentMessage)).isFalse();
        assertThat(new ConsoleFilter(EnumSet.allOf(Kind.class), true, false, "", "").test(sentMessage)).isFalse();
        assertThat(new ConsoleFilter(EnumSet.allOf(Kind.class), true, true, "KITCHEN@conference", "")
                .test(roomPresence)).isTrue();
        assertThat(new ConsoleFilter(EnumSet.allOf(Kind.class), true, true, "kitchen@", "").test(sentMessage))
                .isFalse();
        assertThat(new ConsoleFilter(EnumSet.allOf(Kind.class), true, true, "", "hello").test(sentMessage))
                .isTrue();
        assertThat(ConsoleFilter.all().test(roomPresence)).isTrue();
    }

    @Test
    void onlyOneWellFormedElementMayBeSent() {
        assertThat(XmlCheck.problem("<message to='a@b'><body>x</body></message>")).isNull();
        assertThat(XmlCheck.problem("<message><body>x</message>")).startsWith("Not well-formed at line 1");
        assertThat(XmlCheck.problem("<a/><b/>")).contains("one element");
        assertThat(XmlCheck.problem("hello")).contains("Text outside");
        assertThat(XmlCheck.problem("<x:a/>")).startsWith("Not well-formed");
        assertThat(XmlCheck.problem("<!DOCTYPE x [<!ENTITY e 'boom'>]><x>&e;</x>")).isNotNull();
        assertThat(XmlCheck.problem("  ")).isEqualTo("Nothing to send.");
    }

    @Test
    void everyTemplateIsSendable() {
        Templates.forAccount("localhost", "conference.localhost").forEach((name, xml) ->
                assertThat(XmlCheck.problem(xml)).as(name).isNull());
        assertThat(Templates.forAccount("localhost", "conference.localhost")).containsKeys("Message", "Presence",
                "IQ get", "IQ set", "Disco#info", "Room configuration request");
    }
}
