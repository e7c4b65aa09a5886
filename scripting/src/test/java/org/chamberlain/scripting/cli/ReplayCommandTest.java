package org.chamberlain.scripting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as CI and people use it: exit codes, the last line, FILE:LINE messages, reports. */
@WithProsody
class ReplayCommandTest {
    @TempDir
    Path dir;

    private static final String HEADER = """
            # %s
            ## %s

            [Client] Romeo
            \tjid: %s@localhost/balcony
            \tpassword: password

            ---
            """;

    static final String PING = """
            Romeo connects
            Romeo sends:
            \t<iq type='get' id='p1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>
            Romeo receives:
            \t<iq type='result' id='p1'/>
            """;

    record Outcome(int exit, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    private Path script(String name, String tag, String user, String actions) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, HEADER.formatted(name, tag, user) + actions);
        return file;
    }

    static Outcome replay(TestServer server, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>();
        if (server != null) {
            all.addAll(List.of("--host", server.host(), "--port", Integer.toString(server.port())));
        }
        all.addAll(List.of(args));
        int exit = new CommandLine(new ReplayCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(all.toArray(String[]::new));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void assertNoStackTrace(Outcome outcome) {
        assertThat(outcome.out() + outcome.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void passingScriptsExitZeroWithTheCountAsLastLine(TestServer server) throws Exception {
        Path ok = script("ok.scs", "smoke", "cli-ok", PING);
        Outcome outcome = replay(server, ok.toString());
        assertThat(outcome.exit()).isZero();
        assertThat(outcome.out()).contains("PASS  " + ok);
        assertThat(outcome.lastLine()).isEqualTo("1 passed, 0 failed");
    }

    @Test
    void failureShowsFileLineExpectedClosestAndFirstDifference(TestServer server) throws Exception {
        Path bad = script("bad.scs", "smoke", "cli-bad",
                PING.replace("type='result' id='p1'", "type='error' id='p1'"));
        Path ok = script("ok2.scs", "smoke", "cli-ok2", PING);
        Outcome outcome = replay(server, "--timeout", "1", bad.toString(), ok.toString());
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.out()).contains("FAIL  " + bad + ":12 Romeo receives: no matching stanza within 1 s")
                .contains("expected: <iq type=\"error\" id=\"p1\"/>")
                .contains("closest:  <iq")
                .contains("first difference at /iq/@type: attribute type is 'result', expected 'error'")
                .contains("PASS  " + ok);
        assertThat(outcome.lastLine()).isEqualTo("1 passed, 1 failed");
        assertNoStackTrace(outcome);
    }

    @Test
    void scriptErrorsOfEveryFileAreReportedBeforeAnythingConnects() throws Exception {
        Path unknownActor = script("actor.scs", "x", "a", "Mercutio connects\n");
        Path unknownVerb = script("verb.scs", "x", "b", "Romeo dances\n");
        Path malformed = script("xml.scs", "x", "c", "Romeo connects\nRomeo sends:\n\t<message><body></message>\n");
        Path variable = script("var.scs", "x", "d",
                "Romeo connects\nRomeo sends:\n\t<message to=\"${Nobody's JID}\"/>\n");
        Path early = script("early.scs", "x", "e", "Romeo sends:\n\t<message to=\"${Romeo's full JID}\"/>\n");
        Path good = script("good.scs", "x", "f", PING);
        Path missing = dir.resolve("missing.scs");
        // Port 1 on loopback: connecting would fail loudly, so no PASS/FAIL/ERROR line proves nothing connected.
        Outcome outcome = replay(null, "--host", "127.0.0.1", "--port", "1", unknownActor.toString(),
                unknownVerb.toString(), malformed.toString(), variable.toString(), early.toString(), good.toString(),
                missing.toString());
        assertThat(outcome.exit()).isEqualTo(2);
        assertThat(outcome.out())
                .contains(unknownActor + ":9:1: unknown actor 'Mercutio'")
                .contains(unknownVerb + ":9:7: unknown verb 'dances'")
                .contains(malformed + ":11:")
                .contains("malformed XML")
                .contains(variable + ":11:2: unknown variable ${Nobody's JID}")
                .contains(early + ":10:2: ${Romeo's full JID} is used in 'Romeo sends' (line 9) before Romeo")
                .contains(missing + ":1:1: file not found")
                .doesNotContain("PASS").doesNotContain("FAIL").doesNotContain("ERROR ");
        assertThat(outcome.lastLine()).isEqualTo("0 passed, 0 failed");
        assertNoStackTrace(outcome);
    }

    @Test
    void usageErrorsExitTwo() {
        Outcome none = replay(null);
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.lastLine()).isEqualTo("0 passed, 0 failed");
        Outcome badOption = replay(null, "--frobnicate", "x.scs");
        assertThat(badOption.exit()).isEqualTo(2);
    }

    @Test
    void refusedLoginIsReportedWithFileLineAndTheRunGoesOn(TestServer server) throws Exception {
        Path refused = dir.resolve("refused.scs");
        Files.writeString(refused, "# refused\n[Client] Ghost\n\tjid: ghost@unserved.example\n\tpassword: x\n\n"
                + "Ghost connects\n");
        Path ok = script("after.scs", "x", "cli-after", PING);
        Outcome outcome = replay(server, refused.toString(), ok.toString());
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.out()).contains("ERROR " + refused + ":6 Ghost connects: Ghost cannot connect")
                .contains("host-unknown").contains("PASS  " + ok);
        assertThat(outcome.lastLine()).isEqualTo("1 passed, 1 failed");
        assertNoStackTrace(outcome);
    }

    @Test
    void eventsReportsAndTagFilters(TestServer server) throws Exception {
        Path smoke = script("smoke.scs", "smoke", "cli-events", PING);
        Path slow = script("slow.scs", "slow", "cli-slow", PING);
        Path json = dir.resolve("out/report.json");
        Path junit = dir.resolve("out/junit.xml");
        Outcome outcome = replay(server, "--events", "--skip-tags", "slow", "--json", json.toString(),
                "--junit", junit.toString(), dir.toString());
        assertThat(outcome.exit()).isZero();
        List<String> lines = outcome.out().lines().toList();
        assertThat(lines).allMatch(line -> line.startsWith("{\"event\":\"") && line.endsWith("}"));
        assertThat(lines.get(0)).startsWith("{\"event\":\"script-skipped\",\"file\":\"" + slow + "\"");
        assertThat(lines.get(1)).startsWith("{\"event\":\"run-started\"");
        assertThat(lines).anyMatch(line -> line.startsWith("{\"event\":\"stanza-sent\"")
                && line.contains("\"xml\":\"<iq type=\\\"get\\\" id=\\\"p1\\\" to=\\\"localhost\\\">"));
        assertThat(lines).anyMatch(line -> line.startsWith("{\"event\":\"stanza-received\"")
                && line.contains("\"disposition\":\"satisfied\""));
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"event\":\"run-finished\"")
                .contains("\"passed\":1,\"failed\":0");
        assertThat(outcome.err()).contains("PASS  " + smoke).endsWith("1 passed, 0 failed\n");
        assertThat(Files.readString(json)).contains("\"passed\":1").contains("\"verdict\":\"passed\"");
        var document = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(junit.toFile());
        assertThat(document.getDocumentElement().getAttribute("tests")).isEqualTo("1");

        Outcome only = replay(server, "--only-tags", "slow", dir.toString());
        assertThat(only.out()).contains("SKIP  " + smoke).contains("PASS  " + slow);
        assertThat(only.lastLine()).isEqualTo("1 passed, 0 failed");
    }
}
