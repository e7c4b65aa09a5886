package org.chamberlain.views.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chamberlain.testkit.TestServers;
import org.chamberlain.views.console.ScsToken.Kind;
import org.junit.jupiter.api.Test;

class ScsHighlighterTest {

    private static final String SCRIPT = String.join("\n",
            "# Title here",
            "## tag: value",
            "",
            "[Client] Juliet's phone",
            "\tjid: juliet@localhost",
            "",
            "-----",
            "",
            "// a comment",
            "Juliet's phone sends:",
            "\t<message to=\"${Juliet's phone's full JID}\" id=\"{scansion:any}\">",
            "\t\t<body>Hi &amp; bye</body>",
            "\t</message>",
            "",
            "Juliet's phone receives: nothing",
            "Nobody dances");

    private static String text(ScsToken token) {
        return SCRIPT.substring(token.start(), token.end());
    }

    private static List<String> of(List<ScsToken> tokens, Kind kind) {
        return tokens.stream().filter(t -> t.kind() == kind).map(ScsHighlighterTest::text)
                .collect(Collectors.toList());
    }

    @Test
    void classifiesEveryPartOfAScript() {
        List<ScsToken> tokens = ScsHighlighter.tokens(SCRIPT);

        assertThat(of(tokens, Kind.TITLE)).containsExactly("# Title here");
        assertThat(of(tokens, Kind.TAG)).containsExactly("## tag: value");
        assertThat(of(tokens, Kind.DECLARATION)).containsExactly("[Client]");
        assertThat(of(tokens, Kind.ACTOR)).containsExactly("Juliet's phone", "Juliet's phone", "Juliet's phone");
        assertThat(of(tokens, Kind.PROPERTY_KEY)).containsExactly("jid");
        assertThat(of(tokens, Kind.PROPERTY_VALUE)).containsExactly("juliet@localhost");
        assertThat(of(tokens, Kind.SEPARATOR)).containsExactly("-----");
        assertThat(of(tokens, Kind.COMMENT)).containsExactly("// a comment");
        assertThat(of(tokens, Kind.VERB)).containsExactly("sends", "receives", "nothing");
        assertThat(of(tokens, Kind.XML_TAG)).containsExactly("message", "body", "body", "message");
        assertThat(of(tokens, Kind.XML_ATTRIBUTE)).containsExactly("to", "id");
        assertThat(of(tokens, Kind.VARIABLE)).containsExactly("${Juliet's phone's full JID}");
        assertThat(of(tokens, Kind.SCANSION_VALUE)).containsExactly("{scansion:any}");
        assertThat(of(tokens, Kind.XML_TEXT)).containsExactly("Hi &amp; bye");
        assertThat(of(tokens, Kind.UNKNOWN)).containsExactly("Nobody dances");
    }

    @Test
    void startTagsSpanningLinesKeepTheirAttributes() {
        String script = "[Client] A\n\njid: a@b\nA sends:\n\t<iq type='get'\n\t    id='x'>\n\t</iq>\n";
        List<ScsToken> tokens = ScsHighlighter.tokens(script);
        List<String> attributes = tokens.stream().filter(t -> t.kind() == Kind.XML_ATTRIBUTE)
                .map(t -> script.substring(t.start(), t.end())).collect(Collectors.toList());
        assertThat(attributes).containsExactly("type", "id");
    }

    @Test
    void crlfLinesAreHighlightedWithoutTheCarriageReturn() {
        String script = "# T\r\n[Client] A\r\n\tjid: a@b\r\n";
        List<ScsToken> tokens = ScsHighlighter.tokens(script);
        assertThat(tokens).first().satisfies(t -> assertThat(script.substring(t.start(), t.end())).isEqualTo("# T"));
        assertThat(tokens).noneMatch(t -> script.substring(t.start(), t.end()).contains("\r"));
    }

    @Test
    void everySuiteScriptIsFullyClassifiedWithOrderedTokens() throws IOException {
        Path suite = TestServers.sharedDir().resolve("suite/prosody-0.12.3");
        List<Path> scripts;
        try (Stream<Path> files = Files.list(suite)) {
            scripts = files.filter(p -> p.toString().endsWith(".scs")).sorted().collect(Collectors.toList());
        }
        assertThat(scripts).hasSizeGreaterThan(20);
        for (Path script : scripts) {
            String text = Files.readString(script, StandardCharsets.UTF_8);
            List<ScsToken> tokens = ScsHighlighter.tokens(text);
            int previousEnd = 0;
            for (ScsToken token : tokens) {
                assertThat(token.start()).as("%s token order", script).isGreaterThanOrEqualTo(previousEnd);
                assertThat(token.end()).isLessThanOrEqualTo(text.length());
                previousEnd = token.end();
            }
            assertThat(tokens).as("%s has no unclassified text", script.getFileName())
                    .noneMatch(t -> t.kind() == Kind.UNKNOWN);
        }
    }
}
