package org.chamberlain.scripting.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.chamberlain.scripting.parse.ParseResult;
import org.chamberlain.scripting.parse.ScriptFiles;
import org.chamberlain.scripting.parse.ScriptParser;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files: every script under {@code spec/} is a test. A script passes unless its header says
 * {@code ## expect: fail at LINE}; then it must fail exactly at that line.
 */
@WithProsody
class SpecScriptsTest {
    private static final Pattern EXPECT_FAIL = Pattern.compile("fail at (\\d+)");

    static Path specDir() {
        String root = System.getProperty("chamberlain.root.dir");
        Path dir = root != null ? Path.of(root).resolve("spec") : Path.of("..", "spec");
        assertThat(dir).isDirectory();
        return dir;
    }

    @TestFactory
    Stream<DynamicTest> everySpecScript(TestServer server) throws Exception {
        List<Path> files = ScriptFiles.expand(List.of(specDir()));
        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        ReplayOptions options = ReplayOptions.defaults().withServer(server.host(), server.port())
                .withReceiveTimeout(Duration.ofSeconds(3));
        Replayer replayer = new Replayer(options);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            assertThat(Files.readString(file)).as("spec files name themselves in their title").startsWith("# ");
            ParseResult parsed = new ScriptParser().parse(file);
            assertThat(parsed.errors()).isEmpty();
            String expectation = parsed.script().tags().getOrDefault("expect", "pass");
            RunResult result = replayer.run(List.of(parsed.script()), new Recorder());
            ScriptResult outcome = result.scripts().get(0);
            Matcher failAt = EXPECT_FAIL.matcher(expectation);
            if (failAt.matches()) {
                assertThat(outcome.verdict()).as(Recorder.describe(result)).isEqualTo(Verdict.FAILED);
                assertThat(outcome.failedAction().line()).as(Recorder.describe(result))
                        .isEqualTo(Integer.parseInt(failAt.group(1)));
            } else {
                assertThat(expectation).isEqualTo("pass");
                assertThat(outcome.verdict()).as(Recorder.describe(result)).isEqualTo(Verdict.PASSED);
            }
        }));
    }
}
