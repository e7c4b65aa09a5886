package org.chamberlain.views.console.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chamberlain.scripting.parse.ParseResult;
import org.chamberlain.scripting.parse.ScriptParser;
import org.chamberlain.views.console.record.SessionRecorder.Account;
import org.chamberlain.views.console.record.SessionRecorder.Recorded;
import org.junit.jupiter.api.Test;

class SessionRecorderTest {
    private static final List<Account> ACCOUNTS = List.of(
            new Account("Owner", "owner@localhost", "owner@localhost/chamberlain-1a2b"),
            new Account("Guest", "guest@localhost", "guest@localhost/chamberlain-9z8y"));

    private static final List<Recorded> TRAFFIC = List.of(
            new Recorded("Owner", false, "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>", 1),
            new Recorded("Owner", true, "<presence xmlns='jabber:client' from='owner@localhost/chamberlain-1a2b' "
                    + "to='kitchen@conference.localhost/boss' id='join-1'><x xmlns='http://jabber.org/protocol/muc'/>"
                    + "</presence>", 10),
            new Recorded("Owner", false, "<presence xmlns='jabber:client' xml:lang='en' "
                    + "to='owner@localhost/chamberlain-1a2b' from='kitchen@conference.localhost/boss' id='join-1'>"
                    + "<occupant-id xmlns='urn:xmpp:occupant-id:0' id='Zm9vYmFy'/>"
                    + "<x xmlns='http://jabber.org/protocol/muc#user'><item affiliation='owner' role='moderator' "
                    + "jid='owner@localhost/chamberlain-1a2b'/><status code='201'/><status code='110'/></x>"
                    + "</presence>", 12),
            new Recorded("Guest", false, "<message xmlns='jabber:client' to='guest@localhost/chamberlain-9z8y' "
                    + "from='kitchen@conference.localhost' id='srv-77' type='groupchat'><subject/>"
                    + "<delay xmlns='urn:xmpp:delay' stamp='2026-11-21T10:00:00Z' from='kitchen@conference.localhost'/>"
                    + "</message>", 20),
            new Recorded("Guest", true, "<message xmlns='jabber:client' to='owner@localhost' type='chat' id='m1'>"
                    + "<body>Hi boss &amp; co</body></message>", 30));

    @Test
    void recordedTrafficBecomesAScriptWithVariablesAndWildcards() {
        String script = SessionRecorder.toScript("Kitchen session", ACCOUNTS, TRAFFIC);

        assertThat(script).contains("[Client] Owner\n\tjid: owner@localhost\n");
        assertThat(script).contains("Owner connects\n\nGuest connects\n");
        assertThat(script).doesNotContain("urn:ietf:params:xml:ns:xmpp-sasl");
        assertThat(script).contains("1 non-stanza elements");
        // sends: from dropped, ids kept
        assertThat(script)
                .contains("Owner sends:\n\t<presence to=\"kitchen@conference.localhost/boss\" id=\"join-1\">");
        // receives: own to and xml:lang dropped, our id kept, server-added children dropped, JIDs replaced
        assertThat(script).contains("Owner receives:\n\t<presence from=\"kitchen@conference.localhost/boss\" "
                + "id=\"join-1\">");
        assertThat(script).doesNotContain("occupant-id").doesNotContain("xml:lang").doesNotContain("delay");
        assertThat(script).contains("jid=\"${Owner's full JID}\"");
        assertThat(script).contains("id=\"{scansion:any}\" type=\"groupchat\"");
        assertThat(script).contains("<message to=\"${Owner's JID}\" type=\"chat\" id=\"m1\">");
        assertThat(script).contains("<body>Hi boss &amp; co</body>");
        assertThat(script).doesNotContain("chamberlain-1a2b").doesNotContain("chamberlain-9z8y");
        assertThat(script.indexOf("Owner sends")).isLessThan(script.indexOf("Guest receives"));
        assertThat(script).endsWith("Owner disconnects\n\nGuest disconnects\n\n");
    }

    @Test
    void theRecordedScriptParsesWithoutProblems() {
        ParseResult parsed = new ScriptParser().parse("recorded.scs",
                SessionRecorder.toScript("Kitchen session", ACCOUNTS, TRAFFIC));

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.warnings()).isEmpty();
        assertThat(parsed.script().actions()).hasSize(2 + 4 + 2);
    }

    @Test
    void anAccountsOwnPresenceReflectedBackIsLeftOut() {
        String script = SessionRecorder.toScript("t", ACCOUNTS, List.of(
                new Recorded("Guest", false, "<presence xmlns='jabber:client' from='guest@localhost/chamberlain-9z8y'"
                        + " id='p1'><priority>0</priority></presence>", 1),
                new Recorded("Guest", false, "<presence xmlns='jabber:client' from='owner@localhost/chamberlain-1a2b'"
                        + " id='p2'/>", 2)));

        assertThat(script).doesNotContain("p1").contains("1 reflections of an account's own presence");
        assertThat(script).contains("Guest receives:\n\t<presence from=\"${Owner's full JID}\"");
    }

    @Test
    void stampsAnywhereBecomeWildcards() {
        String script = SessionRecorder.toScript("t", ACCOUNTS, List.of(new Recorded("Guest", false,
                "<message xmlns='jabber:client' from='x@localhost' id='m1'><result xmlns='urn:xmpp:mam:2'>"
                        + "<forwarded xmlns='urn:xmpp:forward:0'><delay xmlns='urn:xmpp:delay' stamp='2008-08-22'/>"
                        + "</forwarded></result></message>", 1)));
        assertThat(script).contains("stamp=\"{scansion:any}\"").doesNotContain("2008-08-22");
    }

    @Test
    void aSendRecordedAfterItsAnswerIsMovedBeforeIt() {
        String script = SessionRecorder.toScript("t", ACCOUNTS, List.of(
                new Recorded("Owner", false, "<iq xmlns='jabber:client' type='result' id='q1' from='localhost'/>", 1),
                new Recorded("Guest", false, "<message xmlns='jabber:client' id='m9' from='x@localhost'/>", 2),
                new Recorded("Owner", true, "<iq xmlns='jabber:client' type='get' id='q1' to='localhost'>"
                        + "<ping xmlns='urn:xmpp:ping'/></iq>", 3)));
        assertThat(script.indexOf("Owner sends")).isLessThan(script.indexOf("Owner receives"));
        assertThat(script.indexOf("Owner receives")).isLessThan(script.indexOf("Guest receives"));
    }
}
