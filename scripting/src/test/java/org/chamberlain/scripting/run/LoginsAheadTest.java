package org.chamberlain.scripting.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chamberlain.scripting.run.RunnerRobustnessTest.PASSING;
import static org.chamberlain.scripting.run.RunnerRobustnessTest.options;

import java.time.Duration;
import java.util.List;
import org.chamberlain.scripting.parse.Action;
import org.chamberlain.scripting.parse.ParseResult;
import org.chamberlain.scripting.parse.Script;
import org.chamberlain.scripting.parse.ScriptParser;
import org.chamberlain.testkit.FreshProsody;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.junit.jupiter.api.Test;

/**
 * Logins started ahead of their {@code connects} action (at a script's first connects): problems are reported at
 * the account's own line with the usual messages, and connections that were never used are closed at the end of
 * the script.
 */
@WithProsody
class LoginsAheadTest {
    private static final String THREE = """
            [Client] Romeo
            \tjid: romeo@localhost/balcony
            \tpassword: password

            [Client] Juliet
            \tjid: juliet@localhost/garden
            \tpassword: password

            [Client] Nurse
            \tjid: nurse@localhost/kitchen
            \tpassword: password
            %s

            ---

            Romeo connects
            %s
            Juliet connects
            Nurse connects
            """;

    private static Script script(String name, String text) {
        ParseResult parsed = new ScriptParser().parse(name, text);
        assertThat(parsed.errors()).as(name).isEmpty();
        return parsed.script();
    }

    private static Script passing(String name) {
        return RunnerRobustnessTest.script(name, PASSING);
    }

    @Test
    void connectionsStartedAheadAreClosedWhenTheScriptFailsBeforeTheirConnects(TestServer server) throws Exception {
        Replayer replayer = new Replayer(options(server).withReceiveTimeout(Duration.ofMillis(300)));
        replayer.run(List.of(passing("warmup.scs")), new Recorder());
        RunnerRobustnessTest.Resources baseline = RunnerRobustnessTest.Resources.settled(null);
        Script failing = script("early.scs", THREE.formatted("", "Romeo receives:\n\t<message><body>never</body>"
                + "</message>\n"));

        // The first script of a run logs in step by step (no features known yet); then the others start ahead.
        RunResult result = replayer.run(List.of(passing("first.scs"), failing, passing("after.scs")),
                new Recorder());

        assertThat(result.scripts().get(1).verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.scripts().get(1).location()).isEqualTo("early.scs:17");
        assertThat(result.logins().prepared()).as("Romeo's, Juliet's and Nurse's logins, then the last script's two")
                .isEqualTo(5);
        assertThat(result.scripts().get(2).verdict()).as(Recorder.describe(result)).isEqualTo(Verdict.PASSED);
        assertThat(RunnerRobustnessTest.Resources.settled(baseline)).isEqualTo(baseline);
    }

    @Test
    void anUnknownHostOfALaterAccountIsReportedAtItsConnects(TestServer server) throws Exception {
        Replayer replayer = new Replayer(options(server));
        Script script = script("host.scs", THREE.formatted("\tconnect_host: no-such-host.invalid", ""));

        RunResult result = replayer.run(List.of(passing("warmup.scs"), script), new Recorder());

        ScriptResult unknown = result.scripts().get(1);
        assertThat(unknown.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(unknown.location()).isEqualTo("host.scs:19");
        assertThat(unknown.message()).isEqualTo("cannot resolve host 'no-such-host.invalid' for Nurse");
    }

    @Test
    @FreshProsody
    void aServerKilledBeforeAnAccountsConnectsGivesTheUsualMessageAtThatLine(TestServer server) throws Exception {
        Replayer replayer = new Replayer(options(server));
        Script victim = script("killed.scs", THREE.formatted("", "Romeo disconnects"));
        Recorder killer = new Recorder() {
            @Override
            public void actionStarted(Script script, Action action, long atNanos) {
                super.actionStarted(script, action, atNanos);
                if (script == victim && action.line() == 18) {
                    server.kill();
                }
            }
        };

        RunResult result = replayer.run(List.of(passing("warmup.scs"), victim), killer);

        ScriptResult killed = result.scripts().get(1);
        assertThat(killed.verdict()).as(String.join("\n", killer.events)).isEqualTo(Verdict.ERROR);
        assertThat(killed.location()).isEqualTo("killed.scs:18");
        assertThat(killed.message()).startsWith("Juliet cannot connect to " + server.host() + ":" + server.port()
                + ": ");
        assertThat(result.logins().preparedRedone()).isEqualTo(1);
    }
}
