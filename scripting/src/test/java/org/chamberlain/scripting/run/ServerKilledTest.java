package org.chamberlain.scripting.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chamberlain.scripting.run.RunnerRobustnessTest.PASSING;
import static org.chamberlain.scripting.run.RunnerRobustnessTest.options;
import static org.chamberlain.scripting.run.RunnerRobustnessTest.script;

import java.time.Duration;
import java.util.List;
import org.chamberlain.scripting.parse.Action;
import org.chamberlain.scripting.parse.Script;
import org.chamberlain.testkit.FreshProsody;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.junit.jupiter.api.Test;

/** The server dies mid-script: this test kills its own fresh server, so it lives apart from tests sharing one. */
@WithProsody
class ServerKilledTest {
    @Test
    @FreshProsody
    void killedServerFailsTheScriptWithItsLineAndTheRunGoesOn(TestServer server) throws Exception {
        Replayer replayer = new Replayer(options(server));
        replayer.run(List.of(script("warmup.scs", PASSING)), new Recorder());
        RunnerRobustnessTest.Resources baseline = RunnerRobustnessTest.Resources.settled(null);
        Script victim = script("killed.scs", PASSING);
        Script next = script("next.scs", PASSING);
        Recorder killer = new Recorder() {
            @Override
            public void actionStarted(Script script, Action action, long atNanos) {
                super.actionStarted(script, action, atNanos);
                if (script == victim && action.line() == 15) {
                    server.kill();
                }
            }
        };

        RunResult result = replayer.run(List.of(victim, next), killer);

        ScriptResult killed = result.scripts().get(0);
        assertThat(killed.verdict()).as(String.join("\n", killer.events)).isEqualTo(Verdict.ERROR);
        assertThat(killed.failedAction().line()).isIn(15, 17);
        assertThat(killed.durationNanos()).isLessThan(Duration.ofSeconds(2).toNanos());
        assertThat(killed.message()).containsAnyOf("lost", "closed", "connection");
        ScriptResult after = result.scripts().get(1);
        assertThat(after.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(after.location()).isEqualTo("next.scs:11");
        assertThat(after.message()).contains("Romeo cannot connect");
        assertThat(RunnerRobustnessTest.Resources.settled(baseline)).isEqualTo(baseline);
    }

}
