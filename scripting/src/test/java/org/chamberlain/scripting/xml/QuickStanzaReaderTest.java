package org.chamberlain.scripting.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chamberlain.scripting.parse.Action;
import org.chamberlain.scripting.parse.ParseResult;
import org.chamberlain.scripting.parse.ScriptFiles;
import org.chamberlain.testkit.TestServers;
import org.junit.jupiter.api.Test;

/**
 * The quick reader of received stanzas builds exactly the element the JDK's parser builds, or gives up (and the
 * JDK's parser decides, errors included).
 */
class QuickStanzaReaderTest {
    /** Stanzas as a server writes them, with the XML features that make parsers differ. */
    private static final List<String> TRICKY = List.of(
            "<message/>",
            "<message to='a@b' type=\"chat\"><body>x &amp; y &lt;z&gt; &apos;q&quot; &#233; &#x1F600;</body></message>",
            "<presence xml:lang='en'><status>line\r\nnext\rlast</status></presence>",
            "<message a='tab\there' b='line\nfeed' c='cr\r\nlf' d='&#10;&#9;kept'><body/></message>",
            "<iq type='result'><query xmlns='jabber:iq:roster'><item jid='x@y'/></query></iq>",
            "<iq><p:query xmlns:p='urn:p' p:attr='1' attr='2'><p:item/><item xmlns=''/></p:query></iq>",
            "<message><body><![CDATA[<not> & markup]]> and text</body></message>",
            "<message><body>before<!-- a comment -->after<?pi data?></body></message>",
            "<message>\n  <body>pretty</body>\n  <x xmlns='urn:x'>\n    <y/>\n  </x>\n</message>",
            "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism>"
                    + "</mechanisms></stream:features>",
            "<stream:error><host-unknown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>",
            "<message><body>unicode \u00e9\u4e2d\ud83d\ude00 text</body></message>",
            "<message id='a>b' from = 'x' ><body>]] ok</body></message>",
            // Not well-formed or not handled here: both must fail or the quick reader must give up.
            "<message a='1' a='2'/>",
            "<message><body>&unknown;</body></message>",
            "<message><body></message>",
            "<message><undeclared:x/></message>",
            "<!DOCTYPE x><message/>",
            "<message>]]></message>",
            "<message a=b/>",
            "<message/><presence/>",
            "<message><body>&#0;</body></message>",
            "<message xmlns:p=''/>");

    @Test
    void agreesWithTheJdkParserOnTrickyStanzas() {
        for (String xml : TRICKY) {
            assertAgrees(xml);
        }
        assertThat(QuickStanzaReader.read(TRICKY.get(1))).isNotNull();
        assertThat(QuickStanzaReader.read(TRICKY.get(5))).isNotNull();
        assertThat(QuickStanzaReader.read("<message a='1' a='2'/>")).isNull();
    }

    @Test
    void readsEveryStanzaOfTheSuiteAsTheJdkParserDoes() throws Exception {
        List<String> stanzas = new ArrayList<>();
        List<ParseResult> parsed = ScriptFiles.parseAll(ScriptFiles.expand(List.of(
                TestServers.sharedDir().resolve("suite").resolve("prosody-0.12.3"))));
        for (ParseResult result : parsed) {
            for (Action action : result.script().actions()) {
                if (action.stanza() != null) {
                    stanzas.add(XmlWriter.toWire(action.stanza()));
                }
            }
        }
        assertThat(stanzas).hasSizeGreaterThan(300);
        for (String xml : stanzas) {
            assertThat(QuickStanzaReader.read(xml)).as(xml).isNotNull();
            assertAgrees(xml);
        }
    }

    @Test
    void readsEveryBlockOfTheSuiteAndTheSpecScriptsAsTheJdkParserDoes() throws Exception {
        List<String> blocks = new ArrayList<>();
        for (Path dir : List.of(TestServers.sharedDir().resolve("suite").resolve("prosody-0.12.3"),
                Path.of("..", "spec"))) {
            for (Path file : ScriptFiles.expand(List.of(dir))) {
                StringBuilder block = new StringBuilder();
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("\t")) {
                        block.append(block.length() == 0 ? "" : "\n").append(line);
                    } else if (block.length() > 0) {
                        blocks.add(block.toString());
                        block.setLength(0);
                    }
                }
                if (block.length() > 0) {
                    blocks.add(block.toString());
                }
            }
        }
        blocks.addAll(List.of("\t<a/>\n\t<b scansion:strict='true' x='{scansion:any}'/>", "\ttext <a/>",
                "\t<a>\n\t\t<b/>\n\t</a> trailing", "\t<!-- c -->\n\t<a/>", "", "\t<a><b></a>",
                "\t<a xmlns:p='urn:p'>\n\t  <p:b\n\t     c='1'/>\n\t</a>"));
        assertThat(blocks).hasSizeGreaterThan(400);
        int quick = 0;
        List<String> givenUp = new ArrayList<>();
        for (String block : blocks) {
            XmlParsing.PositionMapper mapper = (line, column) -> new int[] {line + 100, column};
            List<Element> fast = QuickStanzaReader.readBlock(block, mapper);
            List<Element> stax;
            try {
                stax = XmlParsing.parseBlockWithStax(block, mapper);
            } catch (XmlParsing.XmlProblem e) {
                assertThat(fast).as("the JDK refuses %s (%s), the quick reader must give up", block,
                        e.getMessage()).isNull();
                continue;
            }
            if (fast == null) {
                givenUp.add(block);
            } else {
                quick++;
                assertThat(fast).as(block).hasSameSizeAs(stax);
                for (int i = 0; i < fast.size(); i++) {
                    assertSame(fast.get(i), stax.get(i), block);
                }
            }
        }
        // (Indented property lines of [Client] declarations are "blocks" here too: both parsers refuse them.)
        assertThat(givenUp).as("well-formed blocks the quick reader left to StAX").isEmpty();
        assertThat(quick).isGreaterThan(600);
    }

    private static void assertAgrees(String xml) {
        Element quick = QuickStanzaReader.read(xml);
        Element stax;
        try {
            stax = XmlParsing.parseStanzaWithStax(xml);
        } catch (XmlParsing.XmlProblem e) {
            assertThat(quick).as("the JDK refuses %s (%s), the quick reader must give up", xml, e.getMessage())
                    .isNull();
            return;
        }
        if (quick != null) {
            assertSame(quick, stax, xml);
        }
    }

    private static void assertSame(Element quick, Element stax, String where) {
        assertThat(quick.namespace()).as(where).isEqualTo(stax.namespace());
        assertThat(quick.localName()).as(where).isEqualTo(stax.localName());
        assertThat(quick.prefix()).as(where).isEqualTo(stax.prefix());
        assertThat(quick.attributes()).as(where).isEqualTo(stax.attributes());
        assertThat(List.copyOf(quick.namespaceDeclarations().entrySet())).as(where)
                .isEqualTo(List.copyOf(stax.namespaceDeclarations().entrySet()));
        assertThat(quick.line()).as(where).isEqualTo(stax.line());
        assertThat(quick.column()).as(where).isEqualTo(stax.column());
        assertThat(quick.content()).as(where).hasSameSizeAs(stax.content());
        for (int i = 0; i < quick.content().size(); i++) {
            Object a = quick.content().get(i);
            Object b = stax.content().get(i);
            if (a instanceof Element elementA && b instanceof Element elementB) {
                assertSame(elementA, elementB, where);
            } else {
                assertThat(a).as(where).isEqualTo(b);
            }
        }
    }
}
