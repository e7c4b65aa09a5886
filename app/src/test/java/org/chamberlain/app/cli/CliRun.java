package org.chamberlain.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chamberlain.testkit.TestServer;
import picocli.CommandLine;

/** Runs {@code rooms …} in-process against the test server, capturing output. */
final class CliRun {
    private CliRun() {
    }

    /** The outcome of one run. */
    record Result(int exitCode, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    /** {@code rooms SUBCOMMAND ARGS… --account USER@domain --password-env PW --host … --port … --allow-plaintext}. */
    static Result asUser(TestServer server, Path auditLog, String user, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--account", server.jid(user), "--password-env", "CHAMBERLAIN_TEST_PASSWORD",
                "--host", server.host(), "--port", Integer.toString(server.port()), "--allow-plaintext",
                "--audit-log", auditLog.toString()));
        return raw(all.toArray(String[]::new));
    }

    /** Exactly these arguments. */
    static Result raw(String... args) {
        CommandLine commandLine = RoomsCommand.commandLine(Terminal.of(Map.of("CHAMBERLAIN_TEST_PASSWORD",
                "password")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
