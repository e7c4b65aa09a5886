package org.chamberlain.scripting.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.chamberlain.scripting.parse.ParseResult;
import org.chamberlain.scripting.parse.Script;
import org.chamberlain.scripting.parse.ScriptParser;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.junit.jupiter.api.Test;

/**
 * Runs that pass, fail, or lose their server: verdicts with FILE:LINE, the run going on, and no thread or
 * socket left behind afterwards.
 */
@WithProsody
class RunnerRobustnessTest {
    private static final String ROMEO = """
            # %s
            [Client] Romeo
            \tjid: romeo@localhost/balcony
            \tpassword: password

            [Client] Juliet
            \tjid: juliet@localhost
            \tpassword: password

            ---
            """;

    static Script script(String name, String actions) {
        ParseResult result = new ScriptParser().parse(name, ROMEO.formatted(name) + actions);
        assertThat(result.errors()).as(name).isEmpty();
        return result.script();
    }

    static final String PASSING = """
            Romeo connects
            Juliet connects
            Romeo sends:
            \t<message to="${Juliet's full JID}" type="chat"><body>Hi</body></message>
            Juliet receives:
            \t<message from="${Romeo's full JID}" type="chat"><body>Hi</body></message>
            Romeo disconnects
            """;

    /** Line 15 (the receives) fails: the body differs. */
    static final String FAILING = """
            Romeo connects
            Juliet connects
            Romeo sends:
            \t<message to="${Juliet's full JID}" type="chat"><body>Hi</body></message>
            Juliet receives:
            \t<message from="${Romeo's full JID}" type="chat"><body>Bye</body></message>
            """;

    @Test
    void passingAndFailingRunsLeaveNoThreadsOrSockets(TestServer server) throws Exception {
        Replayer replayer = new Replayer(options(server));
        replayer.run(List.of(script("warmup.scs", PASSING)), new Recorder());
        Resources baseline = Resources.settled(null);

        RunResult passed = replayer.run(List.of(script("pass.scs", PASSING)), new Recorder());
        assertThat(passed.allPassed()).as(Recorder.describe(passed)).isTrue();
        assertThat(Resources.settled(baseline)).isEqualTo(baseline);

        RunResult failed = replayer.run(List.of(script("fail.scs", FAILING)), new Recorder());
        ScriptResult failure = failed.scripts().get(0);
        assertThat(failure.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(failure.location()).isEqualTo("fail.scs:15");
        assertThat(failure.failure().closest().xml()).contains("<body>Hi</body>");
        assertThat(failure.failure().closestMatch().difference().path()).isEqualTo("/message/body/text()");
        assertThat(Resources.settled(baseline)).isEqualTo(baseline);
    }

    @Test
    void refusedLoginIsAnErrorAtTheConnectLine(TestServer server) throws Exception {
        ParseResult parsed = new ScriptParser().parse("refused.scs", """
                [Client] Nobody
                \tjid: nobody@localhost/a
                \tpassword: password
                [Client] Ghost
                \tjid: ghost@unserved.example
                \tpassword: password

                Ghost connects
                """);
        Replayer replayer = new Replayer(options(server));
        RunResult result = replayer.run(List.of(parsed.script(), script("after.scs", PASSING)), new Recorder());
        ScriptResult refused = result.scripts().get(0);
        assertThat(refused.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(refused.location()).isEqualTo("refused.scs:8");
        assertThat(refused.message()).contains("Ghost");
        assertThat(result.scripts().get(1).verdict()).as(Recorder.describe(result)).isEqualTo(Verdict.PASSED);
    }

    @Test
    void aStreamErrorFromTheServerIsAnErrorWithItsCondition(TestServer server) throws Exception {
        // Prosody resolves a second login with the same full JID by kicking the first session: stream error
        // 'conflict' on the first connection.
        ParseResult parsed = new ScriptParser().parse("conflict.scs", """
                [Client] Romeo
                \tjid: conflict@localhost/same
                \tpassword: password
                [Client] Again
                \tjid: conflict@localhost/same
                \tpassword: password

                Romeo connects
                Again connects
                Romeo receives:
                \t<message><body>never</body></message>
                """);
        RunResult result = new Replayer(options(server)).run(List.of(parsed.script()), new Recorder());
        ScriptResult kicked = result.scripts().get(0);
        assertThat(kicked.verdict()).as(Recorder.describe(result)).isEqualTo(Verdict.ERROR);
        // Reported at the connect that caused it, or at the receives if the kick arrives after that connect.
        assertThat(kicked.location()).isIn("conflict.scs:9", "conflict.scs:10");
        assertThat(kicked.message()).contains("stream error 'conflict'").contains("Romeo");
    }

    @Test
    void strictFifoFailsOnTheFirstStanzaThatDoesNotMatch(TestServer server) throws Exception {
        Script skipping = new ScriptParser().parse(SpecScriptsTest.specDir().resolve(
                "receives_skips_unlisted_stanzas.scs")).script();
        RunResult queue = new Replayer(options(server)).run(List.of(skipping), new Recorder());
        assertThat(queue.allPassed()).as(Recorder.describe(queue)).isTrue();

        RunResult strict = new Replayer(options(server).withStrictFifo(true)).run(List.of(skipping),
                new Recorder());
        ScriptResult result = strict.scripts().get(0);
        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.failedAction().line()).isEqualTo(18);
        assertThat(result.message()).contains("strict FIFO");
        assertThat(result.failure().closest().xml()).contains("<body>first</body>");
    }

    static ReplayOptions options(TestServer server) {
        return ReplayOptions.defaults().withServer(server.host(), server.port())
                .withReceiveTimeout(Duration.ofSeconds(1));
    }

    /** Live threads and open sockets of this JVM. */
    record Resources(long threads, long sockets) {
        static Resources now() {
            long threads = Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive)
                    .count();
            return new Resources(threads, openSockets());
        }

        /** Waits up to 3 s for the counts to reach {@code target} (threads end asynchronously). */
        static Resources settled(Resources target) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            Resources current = now();
            while (System.nanoTime() < deadline && (target == null ? false : !current.equals(target))) {
                Thread.sleep(20);
                current = now();
            }
            if (target == null) {
                Thread.sleep(200);
                current = now();
            }
            return current;
        }

        private static long openSockets() {
            try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
                return fds.filter(fd -> {
                    try {
                        return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                    } catch (IOException e) {
                        return false;
                    }
                }).count();
            } catch (IOException e) {
                throw new IllegalStateException("cannot list /proc/self/fd", e);
            }
        }
    }
}
