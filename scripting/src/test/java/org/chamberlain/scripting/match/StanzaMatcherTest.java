package org.chamberlain.scripting.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.chamberlain.scripting.xml.Element;
import org.chamberlain.scripting.xml.XmlParsing;
import org.junit.jupiter.api.Test;

/** One test (at least) per rule of section 4 of the contract, both ways where the rule can go both ways. */
class StanzaMatcherTest {

    private static Element expected(String xml) throws XmlParsing.XmlProblem {
        return XmlParsing.parseBlock(xml, (line, column) -> new int[] {line, column}).get(0);
    }

    private static Element received(String xml) throws XmlParsing.XmlProblem {
        return XmlParsing.parseStanza(xml);
    }

    private static MatchResult match(String expectedXml, String receivedXml) throws XmlParsing.XmlProblem {
        return StanzaMatcher.match(expected(expectedXml), received(receivedXml), Map.of());
    }

    @Test
    void namesMustBeEqual() throws Exception {
        MatchResult result = match("<message/>", "<presence/>");
        assertThat(result.matched()).isFalse();
        assertThat(result.difference().path()).isEqualTo("/message");
        assertThat(result.difference().sentence()).contains("<presence>").contains("<message>");
    }

    @Test
    void namespacesMustBeEqualButPrefixesDoNotMatter() throws Exception {
        assertThat(match("<iq><query xmlns='jabber:iq:version'/></iq>",
                "<iq><q:query xmlns:q='jabber:iq:version'/></iq>").matched()).isTrue();
        MatchResult other = match("<iq><query xmlns='jabber:iq:version'/></iq>",
                "<iq><query xmlns='jabber:iq:roster'/></iq>");
        assertThat(other.matched()).isFalse();
        assertThat(other.difference().path()).isEqualTo("/iq/query");
    }

    @Test
    void expectedAttributesMustBePresentAndEqual() throws Exception {
        assertThat(match("<message type='chat'/>", "<message type='chat' id='x'/>").matched()).isTrue();
        MatchResult wrong = match("<message type='chat'/>", "<message type='groupchat'/>");
        assertThat(wrong.difference().path()).isEqualTo("/message/@type");
        assertThat(wrong.difference().expected()).isEqualTo("chat");
        assertThat(wrong.difference().received()).isEqualTo("groupchat");
        MatchResult missing = match("<message type='chat'/>", "<message/>");
        assertThat(missing.difference().received()).isNull();
        assertThat(missing.difference().sentence()).contains("missing");
    }

    @Test
    void entitiesAreDecodedBeforeComparing() throws Exception {
        assertThat(match("<message id='a&amp;b'/>", "<message id='a&#38;b'/>").matched()).isTrue();
    }

    @Test
    void anyRequiresPresenceOnly() throws Exception {
        assertThat(match("<message id='{scansion:any}'/>", "<message id='whatever'/>").matched()).isTrue();
        assertThat(match("<message id='{scansion:any}'/>", "<message/>").matched()).isFalse();
    }

    @Test
    void capturesBindOnFirstUseAndCompareLater() throws Exception {
        MatchResult first = match("<message id='{scansion:capture:ID}'/>", "<message id='abc'/>");
        assertThat(first.matched()).isTrue();
        assertThat(first.captures()).containsEntry("ID", "abc");
        Element later = expected("<message id='{scansion:capture:ID}'/>");
        assertThat(StanzaMatcher.match(later, received("<message id='abc'/>"), Map.of("ID", "abc")).matched())
                .isTrue();
        MatchResult differs = StanzaMatcher.match(later, received("<message id='xyz'/>"), Map.of("ID", "abc"));
        assertThat(differs.matched()).isFalse();
        assertThat(differs.difference().sentence()).contains("capture ID");
    }

    @Test
    void capturesAreOnlyReturnedWhenTheWholeStanzaMatches() throws Exception {
        MatchResult result = match("<message id='{scansion:capture:ID}' type='chat'/>",
                "<message id='abc' type='normal'/>");
        assertThat(result.matched()).isFalse();
        assertThat(result.captures()).isEmpty();
    }

    @Test
    void jabberClientIsNonStrictByDefault() throws Exception {
        assertThat(match("<presence/>", "<presence from='a@b' xml:lang='en'><status>x</status></presence>")
                .matched()).isTrue();
    }

    @Test
    void otherNamespacesAreStrictByDefaultForAttributesAndChildren() throws Exception {
        MatchResult attribute = match("<iq><query xmlns='urn:x'/></iq>", "<iq><query xmlns='urn:x' a='1'/></iq>");
        assertThat(attribute.matched()).isFalse();
        assertThat(attribute.difference().sentence()).contains("unexpected attribute a");
        MatchResult child = match("<iq><query xmlns='urn:x'/></iq>", "<iq><query xmlns='urn:x'><item/></query></iq>");
        assertThat(child.matched()).isFalse();
        assertThat(child.difference().sentence()).contains("strict mode");
    }

    @Test
    void inheritedNamespaceIsStrictToo() throws Exception {
        MatchResult result = match("<iq><query xmlns='urn:x'><item/></query></iq>",
                "<iq><query xmlns='urn:x'><item extra='1'/></query></iq>");
        assertThat(result.matched()).isFalse();
        assertThat(result.difference().path()).isEqualTo("/iq/query/item/@extra");
    }

    @Test
    void strictAttributeSwitchesTheModeBothWays() throws Exception {
        assertThat(match("<iq><query xmlns='urn:x' scansion:strict='false'/></iq>",
                "<iq><query xmlns='urn:x' a='1'><item/></query></iq>").matched()).isTrue();
        MatchResult strictClient = match("<presence scansion:strict='true'/>", "<presence from='a@b'/>");
        assertThat(strictClient.matched()).isFalse();
    }

    @Test
    void strictAttributeIsNeverComparedAsAnAttribute() throws Exception {
        assertThat(match("<iq><query xmlns='urn:x' scansion:strict='true'/></iq>",
                "<iq><query xmlns='urn:x'/></iq>").matched()).isTrue();
    }

    @Test
    void namespaceDeclarationsAreNeverAttributes() throws Exception {
        assertThat(match("<iq><query xmlns='urn:x' xmlns:stream='http://etherx.jabber.org/streams'/></iq>",
                "<iq><query xmlns='urn:x'/></iq>").matched()).isTrue();
        assertThat(match("<iq><query xmlns='urn:x'/></iq>",
                "<iq><query xmlns='urn:x' xmlns:p='urn:p'/></iq>").matched()).isTrue();
    }

    @Test
    void textIsComparedTrimmedWhenExpected() throws Exception {
        assertThat(match("<message><body>Hello</body></message>",
                "<message><body>\n  Hello  </body></message>").matched()).isTrue();
        MatchResult differs = match("<message><body>Hello</body></message>", "<message><body>Bye</body></message>");
        assertThat(differs.matched()).isFalse();
        assertThat(differs.difference().path()).isEqualTo("/message/body/text()");
    }

    @Test
    void emptyExpectedTextNeverFailsEvenInStrictMode() throws Exception {
        assertThat(match("<message><subject/></message>", "<message><subject>Topic</subject></message>")
                .matched()).isTrue();
        assertThat(match("<iq><query xmlns='urn:x'><v/></query></iq>",
                "<iq><query xmlns='urn:x'><v>1.0</v></query></iq>").matched()).isTrue();
    }

    @Test
    void nonStrictChildrenMatchInAnyOrderAndExtrasAreIgnored() throws Exception {
        assertThat(match("<presence><x xmlns='urn:m' scansion:strict='false'><status code='110'/>"
                        + "<status code='201'/></x></presence>",
                "<presence><occupant-id xmlns='urn:o'/><x xmlns='urn:m'><item/><status code='201'/>"
                        + "<status code='110'/></x></presence>").matched()).isTrue();
    }

    @Test
    void nonStrictChildrenMustBeDistinct() throws Exception {
        MatchResult result = match("<message><body/><body/></message>", "<message><body/></message>");
        assertThat(result.matched()).isFalse();
    }

    @Test
    void distinctAssignmentBacktracks() throws Exception {
        // A greedy pairing would give the first expected child the only received child the second one matches.
        assertThat(match("<message><x xmlns='urn:a' scansion:strict='false'/>"
                        + "<x xmlns='urn:a' scansion:strict='false' id='2'/></message>",
                "<message><x xmlns='urn:a' id='2'/><x xmlns='urn:a' id='1'/></message>").matched()).isTrue();
    }

    @Test
    void strictChildrenMatchPairwiseInOrder() throws Exception {
        assertThat(match("<iq><q xmlns='urn:x'><a/><b/></q></iq>", "<iq><q xmlns='urn:x'><a/><b/></q></iq>")
                .matched()).isTrue();
        MatchResult swapped = match("<iq><q xmlns='urn:x'><a/><b/></q></iq>",
                "<iq><q xmlns='urn:x'><b/><a/></q></iq>");
        assertThat(swapped.matched()).isFalse();
        assertThat(swapped.difference().path()).isEqualTo("/iq/q/a");
    }

    @Test
    void missingChildIsReportedWithItsPath() throws Exception {
        MatchResult result = match("<presence><x xmlns='urn:m' scansion:strict='false'><item role='moderator'/>"
                + "</x></presence>", "<presence><x xmlns='urn:m'><item role='none'/></x></presence>");
        assertThat(result.matched()).isFalse();
        assertThat(result.difference().path()).isEqualTo("/presence/x/item/@role");
        assertThat(result.difference().expected()).isEqualTo("moderator");
        assertThat(result.difference().received()).isEqualTo("none");
    }

    @Test
    void closerCandidatesScoreHigher() throws Exception {
        Element expected = expected("<message type='chat' from='a@b'><body>x</body></message>");
        int close = StanzaMatcher.match(expected, received("<message type='chat' from='a@b'><body>y</body>"
                + "</message>"), Map.of()).score();
        int far = StanzaMatcher.match(expected, received("<message type='error'/>"), Map.of()).score();
        assertThat(close).isGreaterThan(far);
    }

    /** The start-tag pre-check rules out only what the full match also refuses, and says so for each pair. */
    private static void assertPreCheck(String expectedXml, String receivedXml, boolean ruledOut) throws Exception {
        assertThat(StanzaMatcher.cannotMatch(expected(expectedXml), receivedXml))
                .as("pre-check of %s against %s", receivedXml, expectedXml).isEqualTo(ruledOut);
        if (ruledOut) {
            assertThat(match(expectedXml, receivedXml).matched()).as("full match of %s", receivedXml).isFalse();
        }
    }

    @Test
    void thePreCheckRulesOutOtherNamesAndPlainAttributeValuesFromTheStartTag() throws Exception {
        String presence = "<presence from='room@conference.localhost/U3' to='u0@localhost/r'><x xmlns="
                + "'http://jabber.org/protocol/muc#user'><item affiliation='none' role='participant'/></x></presence>";
        assertPreCheck("<presence from='room@conference.localhost/U3'/>", presence, false);
        assertPreCheck("<presence from='room@conference.localhost/U4'/>", presence, true);
        assertPreCheck("<presence from='room@conference.localhost/U'/>", presence, true);
        assertPreCheck("<presence type='unavailable'/>", presence, true);
        assertPreCheck("<message from='room@conference.localhost/U3'/>", presence, true);
        assertPreCheck("<iq/>", "<iq\n  type=\"result\" id='a'/>", false);
        assertPreCheck("<iq type='error'/>", "<iq\n  type=\"result\" id='a'/>", true);
        // Only the start tag counts: a child with the attribute does not help.
        assertPreCheck("<message type='chat'/>", "<message><body type='chat'/></message>", true);
        // A '>' inside a value does not end the tag.
        assertPreCheck("<message id='a>b' type='chat'/>", "<message id='a>b' type='chat'/>", false);
    }

    @Test
    void thePreCheckLeavesWhatNeedsDecodingOrAnyOrCapturesToTheFullMatch() throws Exception {
        assertPreCheck("<message id='a&amp;b'/>", "<message id='a&#38;b'/>", false);
        assertPreCheck("<message id='{scansion:any}'/>", "<message id='x'/>", false);
        assertPreCheck("<message id='{scansion:capture:x}'/>", "<message id='x'/>", false);
        assertPreCheck("<message id='{scansion:any}'/>", "<message/>", false);
        assertPreCheck("<message xml:lang='en'/>", "<message/>", false);
        assertPreCheck("<message/>", "<c:message xmlns:c='jabber:client'/>", false);
        assertPreCheck("<message/>", "not xml", false);
        assertPreCheck("<message id='a b'/>", "<message id='a\tb'/>", false);
    }
}
