package org.chamberlain.scripting.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.chamberlain.scripting.parse.Action;
import org.chamberlain.scripting.parse.ParseResult;
import org.chamberlain.scripting.parse.Script;
import org.chamberlain.scripting.parse.ScriptParser;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.junit.jupiter.api.Test;

/** Stepping, breakpoints and run-to against a real server: the runner really waits before each paused action. */
@WithProsody
class StepControlTest {
    private static final String SCRIPT = String.join("\n",
            "# Stepping",
            "",
            "[Client] Romeo",
            "\tjid: step-romeo@localhost",
            "\tpassword: password",
            "",
            "---------",
            "",
            "Romeo connects",
            "",
            "Romeo sends:",
            "\t<presence/>",
            "",
            "Romeo receives:",
            "\t<presence/>",
            "",
            "Romeo sends:",
            "\t<iq type='get' id='p1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>",
            "",
            "Romeo receives:",
            "\t<iq type='result' id='p1'/>",
            "",
            "Romeo disconnects",
            "");

    @Test
    void pausesBeforeEachStepAndAtBreakpointsAndRunTo(TestServer server) throws Exception {
        ParseResult parsed = new ScriptParser().parse("step.scs", SCRIPT);
        assertThat(parsed.errors()).isEmpty();
        BlockingQueue<Integer> pauses = new LinkedBlockingQueue<>();
        List<Integer> started = new CopyOnWriteArrayList<>();
        ReplayListener record = new ReplayListener() {
            @Override
            public void actionStarted(Script script, Action action, long atNanos) {
                started.add(action.line());
            }
        };
        PipedWriter commands = new PipedWriter();
        BufferedReader input = new BufferedReader(new PipedReader(commands));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        StepControl control = new StepControl(record, input, (script, action, at) -> pauses.add(action.line()),
                List.of(20), true, new PrintStream(messages, true, StandardCharsets.UTF_8));
        Replayer replayer = new Replayer(ReplayOptions.defaults().withServer(server.host(), server.port()));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<RunResult> run = thread.submit(() -> replayer.run(List.of(parsed.script()), control));

            assertThat(pauses.poll(10, TimeUnit.SECONDS)).isEqualTo(9);
            Thread.sleep(200);
            assertThat(started).as("nothing runs while paused").isEmpty();
            send(commands, "step");
            assertThat(pauses.poll(10, TimeUnit.SECONDS)).isEqualTo(11);
            assertThat(started).containsExactly(9);
            send(commands, "bogus");
            send(commands, "run-to 17");
            assertThat(pauses.poll(10, TimeUnit.SECONDS)).isEqualTo(17);
            send(commands, "continue");
            assertThat(pauses.poll(10, TimeUnit.SECONDS)).as("the breakpoint").isEqualTo(20);
            send(commands, "clear 20");
            send(commands, "continue");

            RunResult result = run.get(20, TimeUnit.SECONDS);
            assertThat(result.allPassed()).isTrue();
            assertThat(started).containsExactly(9, 11, 14, 17, 20, 23);
            assertThat(pauses).isEmpty();
            assertThat(messages.toString(StandardCharsets.UTF_8)).contains("unknown command 'bogus'");
        } finally {
            commands.close();
            thread.shutdownNow();
            assertThat(thread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void endOfCommandsLetsTheRunFinishWithoutPausingAgain(TestServer server) throws Exception {
        ParseResult parsed = new ScriptParser().parse("step.scs", SCRIPT.replace("step-romeo", "step-romeo2"));
        BlockingQueue<Integer> pauses = new LinkedBlockingQueue<>();
        PipedWriter commands = new PipedWriter();
        BufferedReader input = new BufferedReader(new PipedReader(commands));
        StepControl control = new StepControl(new ReplayListener() { }, input,
                (script, action, at) -> pauses.add(action.line()), List.of(14, 17), true, System.err);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<RunResult> run = thread.submit(() -> new Replayer(ReplayOptions.defaults()
                    .withServer(server.host(), server.port())).run(List.of(parsed.script()), control));
            assertThat(pauses.poll(10, TimeUnit.SECONDS)).isEqualTo(9);
            commands.close();

            assertThat(run.get(20, TimeUnit.SECONDS).allPassed()).isTrue();
            assertThat(pauses).isEmpty();
        } finally {
            thread.shutdownNow();
            assertThat(thread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static void send(PipedWriter commands, String line) throws Exception {
        commands.write(line + "\n");
        commands.flush();
    }
}
