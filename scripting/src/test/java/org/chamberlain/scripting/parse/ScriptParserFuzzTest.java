package org.chamberlain.scripting.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.chamberlain.scripting.xml.XmlParsing;
import org.chamberlain.scripting.xml.XmlWriter;
import org.chamberlain.testkit.TestServers;

/**
 * Fuzzes the parser with mutated suite scripts and token soup, for a bounded number of tries (a few seconds):
 * whatever the input, the parser returns problems as values and never throws; positions are inside the file;
 * every stanza it accepts can be written for the wire and read back.
 */
class ScriptParserFuzzTest {
    private static final List<String> SEEDS = seeds();
    private static final String[] TOKENS = {"[Client] ", "Romeo", "Juliet's phone", " connects", " sends:",
        " receives:", " receives: nothing", " disconnects", "\n", "\r\n", "\t", "\tjid: a@b/c", "\tpassword: x",
        "<message", "<presence/>", "</message>", ">", "/>", " to=\"${Romeo's full JID}\"", " id='{scansion:any}'",
        " scansion:strict='true'", "xmlns='urn:x'", "&amp;", "&#10;", "&bogus;", "<!DOCTYPE x>", "<![CDATA[x]]>",
        "<!--c-->", "<?pi x?>", "# title", "## tag: v", "---", "-- ", "// ", "${", "}", "'", "\"", "\u00e9", "\uFEFF",
        "\u0000", "<", "&", ":", " "};

    private static List<String> seeds() {
        Path suite = TestServers.sharedDir().resolve("suite").resolve("prosody-0.12.3");
        try (Stream<Path> files = Files.list(suite)) {
            return files.filter(p -> p.toString().endsWith(".scs")).sorted().map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> mutatedScripts() {
        Arbitrary<String> seed = Arbitraries.of(SEEDS);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 10_000);
        Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(TOKENS), Arbitraries.strings().ofMaxLength(5));
        Arbitrary<Integer> deleteLength = Arbitraries.integers().between(0, 40);
        return Combinators.combine(seed, position, insert, deleteLength).as((text, at, token, delete) -> {
            int start = Math.min(at, text.length());
            int end = Math.min(text.length(), start + delete);
            return text.substring(0, start) + token + text.substring(end);
        });
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(60).map(tokens -> String.join("", tokens));
    }

    @Property(tries = 1500)
    void mutatedSuiteScriptsNeverThrow(@ForAll("mutatedScripts") String text) {
        check(text);
    }

    @Property(tries = 1500)
    void tokenSoupNeverThrows(@ForAll("tokenSoup") String text) {
        check(text);
    }

    @Property(tries = 500)
    void arbitraryTextNeverThrows(@ForAll String text) {
        check(text);
    }

    private static void check(String text) {
        ParseResult result = new ScriptParser().parse("fuzz.scs", text);
        int lines = text.split("\n", -1).length;
        for (ScriptProblem problem : result.errors()) {
            assertThat(problem.line()).isBetween(1, lines + 1);
            assertThat(problem.column()).isPositive();
            assertThat(problem.message()).isNotBlank();
        }
        if (result.ok()) {
            for (Action action : result.script().actions()) {
                if (action.stanza() != null) {
                    String wire = XmlWriter.toWire(action.stanza());
                    try {
                        XmlParsing.parseStanza(wire);
                    } catch (XmlParsing.XmlProblem e) {
                        throw new AssertionError("written stanza does not parse: " + wire, e);
                    }
                }
            }
        } else {
            assertThat(result.script()).isNull();
        }
    }
}
