package org.chamberlain.scripting.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.chamberlain.testkit.TestServers;
import org.junit.jupiter.api.Test;

/** Every shared suite script parses without errors, into as many actions as it has action lines. */
class SuiteParsesTest {

    @Test
    void everySuiteScriptParses() throws IOException {
        Path suite = TestServers.sharedDir().resolve("suite").resolve("prosody-0.12.3");
        List<Path> scripts;
        try (Stream<Path> files = Files.list(suite)) {
            scripts = files.filter(p -> p.toString().endsWith(".scs")).sorted().toList();
        }
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(25);
        ScriptParser parser = new ScriptParser();
        for (Path path : scripts) {
            ParseResult result = parser.parse(path);
            assertThat(result.errors()).as(path.toString()).isEmpty();
            long actionLines = Files.readAllLines(path).stream()
                    .filter(line -> line.matches("^[A-Z][^\\t\\[#]* (connects|disconnects|sends|receives).*"))
                    .count();
            assertThat(result.script().actions()).as(path.toString()).hasSize((int) actionLines);
        }
    }
}
