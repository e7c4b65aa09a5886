package org.chamberlain.scripting.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chamberlain.scripting.parse.Action;
import org.chamberlain.scripting.parse.Script;
import org.chamberlain.scripting.parse.ScriptParser;
import org.junit.jupiter.api.Test;

/**
 * Breakpoints of one file in a run of several scripts (the console's folder runs): pure logic, no server, the
 * listener is driven as the runner would drive it.
 */
class StepControlBreakpointsTest {
    private static final String TEXT = String.join("\n", "# Two actions", "", "[Client] Romeo",
            "\tjid: romeo@localhost", "\tpassword: password", "", "---------", "", "Romeo connects", "",
            "Romeo disconnects", "");

    private static Script script(Path file) {
        return new ScriptParser().parse(file.toString(), TEXT).script();
    }

    /** Drives every action of every script through {@code control}; returns "file:line" of each pause. */
    private static List<String> pausesOf(List<Script> scripts, List<String> breakpoints, String commands,
            List<String> forwarded) {
        List<String> pauses = new ArrayList<>();
        ReplayListener recorder = new ReplayListener() {
            @Override
            public void actionStarted(Script script, Action action, long atNanos) {
                forwarded.add(Path.of(script.file()).getFileName() + ":" + action.line());
            }
        };
        StepControl control = StepControl.withBreakpoints(recorder, new BufferedReader(new StringReader(commands)),
                (script, action, at) -> pauses.add(Path.of(script.file()).getFileName() + ":" + action.line()),
                breakpoints, false, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        for (Script script : scripts) {
            for (Action action : script.actions()) {
                control.actionStarted(script, action, 0);
            }
        }
        return pauses;
    }

    @Test
    void aFileBreakpointPausesOnlyInThatScriptAndAPlainLineInEvery() {
        Path dir = Path.of("suite").toAbsolutePath();
        List<Script> scripts = List.of(script(dir.resolve("a.scs")), script(dir.resolve("b.scs")));
        List<String> forwarded = new ArrayList<>();

        // The breakpoint names b.scs through a relative, unnormalised path: it is still the same file.
        List<String> pauses = pausesOf(scripts, List.of("suite/./b.scs:11"), "continue\n", forwarded);
        assertThat(pauses).containsExactly("b.scs:11");
        assertThat(forwarded).containsExactly("a.scs:9", "a.scs:11", "b.scs:9", "b.scs:11");

        assertThat(pausesOf(scripts, List.of("9"), "continue\ncontinue\n", new ArrayList<>()))
                .containsExactly("a.scs:9", "b.scs:9");
    }

    @Test
    void stepAfterAFileBreakpointPausesAtTheNextActionAndBreakCommandsTakeFiles() {
        Path dir = Path.of("suite").toAbsolutePath();
        List<Script> scripts = List.of(script(dir.resolve("a.scs")), script(dir.resolve("b.scs")));
        String commands = "break " + dir.resolve("b.scs") + ":9\nstep\ncontinue\ncontinue\n";

        List<String> pauses = pausesOf(scripts, List.of(dir.resolve("a.scs") + ":9"), commands, new ArrayList<>());

        assertThat(pauses).containsExactly("a.scs:9", "a.scs:11", "b.scs:9");
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> pausesOf(List.of(), List.of("a.scs:zero"), "", new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FILE:LINE");
    }
}
