package org.chamberlain.scripting.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.chamberlain.scripting.xml.Element;
import org.chamberlain.scripting.xml.Namespaces;
import org.junit.jupiter.api.Test;

class ScriptParserTest {
    private final ScriptParser parser = new ScriptParser();

    private static final String HEADER = """
            # Title line
            # More words
            ## muc
            ## issue: 1234

            [Client] Romeo
            \tjid: romeo@localhost
            \tpassword: password

            [Client] Juliet's phone
            \tjid: juliet@localhost/phone
            \tpassword: secret

            -----

            """;

    private ParseResult parse(String text) {
        return parser.parse("t.scs", text);
    }

    @Test
    void readsHeaderDeclarationsAndActions() {
        ParseResult result = parse(HEADER + """
                Romeo connects

                Juliet's phone connects

                # a comment
                Romeo sends:
                \t<message to="${Juliet's phone's full JID}" type='chat'>
                \t\t<body>Hi &amp; bye</body>
                \t</message>

                Juliet's phone receives:
                \t<message from="${Romeo's full JID}"/>

                Romeo receives: nothing

                Romeo disconnects
                """);
        assertThat(result.errors()).isEmpty();
        Script script = result.script();
        assertThat(script.title()).isEqualTo("Title line");
        assertThat(script.description()).containsExactly("More words");
        assertThat(script.tags()).containsEntry("muc", "").containsEntry("issue", "1234");
        assertThat(script.clients()).extracting(ClientDeclaration::name).containsExactly("Romeo", "Juliet's phone");
        ClientDeclaration phone = script.client("Juliet's phone");
        assertThat(phone.bareJid()).isEqualTo("juliet@localhost");
        assertThat(phone.resource()).isEqualTo("phone");
        assertThat(script.actions()).extracting(Action::verb).containsExactly(Verb.CONNECTS, Verb.CONNECTS,
                Verb.SENDS, Verb.RECEIVES, Verb.RECEIVES_NOTHING, Verb.DISCONNECTS);
        Action send = script.actions().get(2);
        assertThat(send.actor()).isEqualTo("Romeo");
        assertThat(send.line()).isEqualTo(21);
        Element message = send.stanza();
        assertThat(message.namespace()).isEqualTo(Namespaces.JABBER_CLIENT);
        assertThat(message.line()).isEqualTo(22);
        assertThat(message.column()).isEqualTo(2);
        Element body = message.children().get(0);
        assertThat(body.namespace()).isEqualTo(Namespaces.JABBER_CLIENT);
        assertThat(body.text()).isEqualTo("Hi & bye");
        assertThat(body.line()).isEqualTo(23);
        assertThat(body.column()).isEqualTo(3);
        assertThat(script.actions().get(3).actor()).isEqualTo("Juliet's phone");
    }

    @Test
    void colonAfterVerbIsOptionalAndCrlfIsAccepted() {
        ParseResult result = parse((HEADER + "Romeo connects\nRomeo sends\n\t<presence/>\n").replace("\n", "\r\n"));
        assertThat(result.errors()).isEmpty();
        assertThat(result.script().actions()).extracting(Action::verb).containsExactly(Verb.CONNECTS, Verb.SENDS);
    }

    @Test
    void namespaceDeclarationsAreNotAttributesAndScansionPrefixIsPredeclared() {
        ParseResult result = parse(HEADER + """
                Romeo connects
                Romeo receives:
                \t<iq xmlns:stream='http://etherx.jabber.org/streams' type='result'>
                \t\t<query xmlns='jabber:iq:version' scansion:strict='true'><name>x</name></query>
                \t</iq>
                """);
        assertThat(result.errors()).isEmpty();
        Element iq = result.script().actions().get(1).stanza();
        assertThat(iq.attributes()).extracting(a -> a.localName()).containsExactly("type");
        Element query = iq.children().get(0);
        assertThat(query.namespace()).isEqualTo("jabber:iq:version");
        assertThat(query.attribute(Namespaces.SCANSION, "strict")).isEqualTo("true");
        assertThat(query.children().get(0).namespace()).isEqualTo("jabber:iq:version");
    }

    @Test
    void startTagsMaySpanLinesAndEntitiesAreDecoded() {
        ParseResult result = parse(HEADER + """
                Romeo connects
                Romeo sends:
                \t<message
                \t   to='a@b' type="chat"><body>one&#10;two &apos;x&apos;</body></message>
                """);
        assertThat(result.errors()).isEmpty();
        Element message = result.script().actions().get(1).stanza();
        assertThat(message.line()).isEqualTo(18);
        assertThat(message.attribute("to")).isEqualTo("a@b");
        assertThat(message.children().get(0).text()).isEqualTo("one\ntwo 'x'");
    }

    @Test
    void severalTopLevelElementsUseTheFirstAndWarn() {
        ParseResult result = parse(HEADER + "Romeo connects\nRomeo sends:\n\t<presence/>\n\t<message/>\n");
        assertThat(result.errors()).isEmpty();
        assertThat(result.script().actions().get(1).stanza().localName()).isEqualTo("presence");
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(19);
            assertThat(w.message()).contains("only the first is used");
        });
    }

    @Test
    void dashDashCommentsOutAnActionAndItsBlock() {
        ParseResult result = parse(HEADER
                + "Romeo connects\n--Romeo sends:\n--\t<presence/>\n// note\nRomeo disconnects\n");
        assertThat(result.errors()).isEmpty();
        assertThat(result.script().actions()).extracting(Action::verb)
                .containsExactly(Verb.CONNECTS, Verb.DISCONNECTS);
    }

    @Test
    void unknownPropertyIsAWarning() {
        ParseResult result = parse("[Client] A\n\tjid: a@localhost\n\tcolour: red\n\nA connects\n");
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).singleElement().satisfies(w -> assertThat(w.line()).isEqualTo(3));
    }

    @Test
    void everyErrorOfAFileIsReportedWithLineAndColumn() {
        ParseResult result = parse(HEADER + """
                Mercutio connects
                Romeo dances
                Romeo sends:
                \t<message><body></message>
                Romeo sends:
                \t<message to="${Tybalt's JID}"/>
                Romeo sends:
                \t<message to="${Romeo's full JID}"/>
                Romeo sends:
                \t<message to="${nonsense}"/>
                Romeo receives:

                [Server] X
                """);
        assertThat(result.ok()).isFalse();
        assertThat(result.script()).isNull();
        List<ScriptProblem> errors = result.errors();
        assertThat(errors).extracting(ScriptProblem::line).containsExactly(16, 17, 19, 21, 23, 25, 26, 28);
        assertThat(errors.get(0).message()).contains("unknown actor 'Mercutio'");
        assertThat(errors.get(1).message()).contains("unknown verb 'dances'");
        assertThat(errors.get(1).column()).isEqualTo(7);
        assertThat(errors.get(2).message()).contains("malformed XML").contains("body");
        assertThat(errors.get(3).message()).contains("unknown variable ${Tybalt's JID}");
        assertThat(errors.get(4).message()).contains("before Romeo connects");
        assertThat(errors.get(5).message()).contains("unknown variable ${nonsense}");
        assertThat(errors.get(6).message()).contains("needs an XML block");
        assertThat(errors.get(7).message()).contains("unknown declaration [Server]");
        assertThat(errors.get(0).toString()).startsWith("t.scs:16:1: ");
    }

    @Test
    void dtdsAndExternalEntitiesAreRefused() {
        ParseResult result = parse(HEADER + "Romeo connects\nRomeo sends:\n\t<message>&xxe;</message>\n");
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(18);
            assertThat(e.message()).containsIgnoringCase("xxe");
        });
        ParseResult doctype = parse(HEADER + "Romeo connects\nRomeo sends:\n\t<!DOCTYPE x [<!ENTITY e SYSTEM "
                + "'file:///etc/passwd'>]><message>&e;</message>\n");
        assertThat(doctype.ok()).isFalse();
    }

    @Test
    void missingFileIsOneError() {
        ParseResult result = parser.parse(Path.of("does/not/exist.scs"));
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.toString()).isEqualTo("does/not/exist.scs:1:1: file not found");
        });
    }

    @Test
    void unclosedBlockIsReportedAtItsLastLine() {
        ParseResult result = parse(HEADER
                + "Romeo connects\nRomeo sends:\n\t<message>\n\t\t<body/>\n\nRomeo disconnects\n");
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isBetween(18, 20);
            assertThat(e.message()).contains("malformed XML");
        });
    }
}
