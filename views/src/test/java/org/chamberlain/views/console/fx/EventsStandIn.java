package org.chamberlain.views.console.fx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.chamberlain.scripting.parse.Action;
import org.chamberlain.scripting.parse.ParseResult;
import org.chamberlain.scripting.parse.Script;
import org.chamberlain.scripting.parse.ScriptFiles;
import org.chamberlain.scripting.run.ActionResult;
import org.chamberlain.scripting.run.Disposition;
import org.chamberlain.scripting.run.QuietSmack;
import org.chamberlain.scripting.run.ReceivedStanza;
import org.chamberlain.scripting.run.ReplayListener;
import org.chamberlain.scripting.run.ReplayOptions;
import org.chamberlain.scripting.run.Replayer;
import org.chamberlain.scripting.run.RunResult;
import org.chamberlain.scripting.run.ScriptResult;
import org.chamberlain.scripting.run.StepControl;
import org.chamberlain.scripting.run.Verdict;

/**
 * TEST STAND-IN for {@code chamberlain replay --events} while the scripting branch's command line has not
 * landed: the same arguments the console passes ({@code --host --port --timeout --pause-at-start --break N
 * FILE|DIR...}) and the event stream of docs/replay-events.md, built on the real parser, runner and
 * {@link StepControl}. Runs as the console's child JVM in tests only.
 */
public final class EventsStandIn {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream OUT = new PrintStream(System.out, false, StandardCharsets.UTF_8);

    private EventsStandIn() {
    }

    public static void main(String[] args) throws Exception {
        QuietSmack.configure();
        String host = null;
        int port = 0;
        int timeout = 5;
        boolean pauseAtStart = false;
        List<Integer> breakpoints = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "replay", "--events" -> { }
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--timeout" -> timeout = Integer.parseInt(args[++i]);
                case "--pause-at-start" -> pauseAtStart = true;
                case "--break" -> breakpoints.add(Integer.parseInt(args[++i]));
                default -> files.add(Path.of(args[i]));
            }
        }
        List<ParseResult> parsed = ScriptFiles.parseAll(ScriptFiles.expand(files));
        boolean errors = false;
        for (ParseResult result : parsed) {
            for (var problem : result.errors()) {
                ObjectNode node = event("parse-error", null);
                node.put("file", problem.file()).put("line", problem.line()).put("column", problem.column())
                        .put("message", problem.message());
                emit(node);
                errors = true;
            }
        }
        if (errors) {
            System.exit(2);
        }
        List<Script> scripts = parsed.stream().map(ParseResult::script).toList();
        ReplayOptions options = ReplayOptions.defaults().withServer(host, port)
                .withReceiveTimeout(Duration.ofSeconds(timeout));
        Writer writer = new Writer();
        StepControl control = new StepControl(writer,
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                (script, action, at) -> {
                    ObjectNode node = event("paused", writer.t());
                    node.put("file", script.file()).put("line", action.line()).put("index", action.index());
                    emit(node);
                }, breakpoints, pauseAtStart, System.err);
        RunResult result = new Replayer(options).run(scripts, control);
        System.exit(result.allPassed() ? 0 : 1);
    }

    private static ObjectNode event(String name, Double t) {
        ObjectNode node = JSON.createObjectNode();
        node.put("event", name);
        if (t != null) {
            node.put("t", t);
        }
        return node;
    }

    private static synchronized void emit(ObjectNode node) {
        OUT.println(node.toString());
        OUT.flush();
    }

    private static final class Writer implements ReplayListener {
        private final long start = System.nanoTime();

        double t() {
            return (System.nanoTime() - start) / 1e6;
        }

        @Override
        public void runStarted(List<Script> scripts, long wallClockMillis) {
            ObjectNode node = event("run-started", 0.0);
            node.put("startedAt", Instant.ofEpochMilli(wallClockMillis).toString());
            var array = node.putArray("scripts");
            for (Script script : scripts) {
                array.addObject().put("file", script.file()).put("title", script.title());
            }
            emit(node);
        }

        @Override
        public void scriptStarted(Script script, int index, long atNanos) {
            emit(event("script-started", atNanos / 1e6).put("file", script.file()).put("index", index)
                    .put("title", script.title()));
        }

        @Override
        public void actionStarted(Script script, Action action, long atNanos) {
            emit(event("action-started", atNanos / 1e6).put("file", script.file()).put("line", action.line())
                    .put("index", action.index()).put("actor", action.actor()).put("verb", action.verb().word()));
        }

        @Override
        public void stanzaSent(Script script, Action action, String account, String xml, long atNanos) {
            emit(event("stanza-sent", atNanos / 1e6).put("file", script.file()).put("line", action.line())
                    .put("account", account).put("xml", xml));
        }

        @Override
        public void stanzaReceived(Script script, Action action, ReceivedStanza stanza, Disposition disposition,
                long arrivedAtNanos, long atNanos) {
            ObjectNode node = event("stanza-received", atNanos / 1e6).put("file", script.file())
                    .put("account", stanza.account()).put("xml", stanza.xml()).put("arrivedT", arrivedAtNanos / 1e6)
                    .put("disposition", disposition.name().toLowerCase(java.util.Locale.ROOT));
            if (action != null) {
                node.put("line", action.line());
            }
            emit(node);
        }

        @Override
        public void actionFinished(Script script, Action action, ActionResult result, long atNanos) {
            ObjectNode node = event("action-finished", atNanos / 1e6).put("file", script.file())
                    .put("line", action.line()).put("index", action.index()).put("actor", action.actor())
                    .put("verb", action.verb().word()).put("verdict", result.verdict().label())
                    .put("ms", result.durationNanos() / 1e6);
            if (result.verdict() != Verdict.PASSED) {
                node.put("message", result.message());
                if (result.expectedXml() != null) {
                    node.put("expected", result.expectedXml());
                }
                if (result.closest() != null) {
                    node.put("closest", result.closest().xml());
                }
                if (result.closestMatch() != null && result.closestMatch().difference() != null) {
                    var d = result.closestMatch().difference();
                    node.putObject("difference").put("path", d.path()).put("expected", d.expected())
                            .put("received", d.received()).put("sentence", d.sentence());
                }
            }
            emit(node);
        }

        @Override
        public void scriptFinished(Script script, ScriptResult result, long atNanos) {
            ObjectNode node = event("script-finished", atNanos / 1e6).put("file", script.file())
                    .put("verdict", result.verdict().label()).put("ms", result.durationNanos() / 1e6);
            if (result.failedAction() != null) {
                node.put("line", result.failedAction().line()).put("message", result.message());
            }
            emit(node);
        }

        @Override
        public void runFinished(RunResult result, long atNanos) {
            emit(event("run-finished", atNanos / 1e6).put("passed", result.count(Verdict.PASSED))
                    .put("failed", result.count(Verdict.FAILED)).put("errors", result.count(Verdict.ERROR))
                    .put("skipped", result.count(Verdict.SKIPPED)).put("replayMs", result.replayNanos() / 1e6));
        }
    }
}
