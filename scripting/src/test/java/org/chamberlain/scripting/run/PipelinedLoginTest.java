package org.chamberlain.scripting.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.chamberlain.prosody.LocalProsody;
import org.chamberlain.scripting.parse.ParseResult;
import org.chamberlain.scripting.parse.Script;
import org.chamberlain.scripting.parse.ScriptParser;
import org.chamberlain.testkit.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipelined logins (docs/decisions/0003, amendment "fewer round trips per login") against real Prosody servers:
 * the bytes are those of the step-by-step login, a login that meets other stream features than an earlier one
 * falls back to the step-by-step login, and a refused login gives the same message at the same line.
 *
 * <p>Two servers: the shared test configuration (PLAIN, any password) and a variant with stored, hashed passwords
 * (SCRAM-SHA-1 and PLAIN offered) and in-band registration, so that a password can be wrong.
 */
class PipelinedLoginTest {
    @TempDir
    static Path work;
    private static LocalProsody open;
    private static LocalProsody hashed;

    @BeforeAll
    static void startServers() throws Exception {
        open = TestServers.start();
        String shared = Files.readString(TestServers.configFile());
        String insecure = "authentication = \"insecure\"";
        String noRegistration = "allow_registration = false";
        assertThat(shared).as("the shared config's authentication and registration lines").contains(insecure)
                .contains(noRegistration);
        hashed = TestServers.start(Files.writeString(work.resolve("prosody-hashed.cfg.lua"), shared
                .replace(insecure, "authentication = \"internal_hashed\"")
                .replace(noRegistration, "allow_registration = true")));
        register(hashed, "romeo", "secret");
    }

    @AfterAll
    static void stopServers() {
        if (open != null) {
            open.close();
        }
        if (hashed != null) {
            hashed.close();
        }
    }

    private static Script script(String name, String password) {
        ParseResult parsed = new ScriptParser().parse(name, """
                # Login
                [Client] Romeo
                \tjid: romeo@localhost/balcony
                \tpassword: %s

                ---
                Romeo connects
                Romeo sends:
                \t<iq type="get" id="ping1" to="localhost"><ping xmlns="urn:xmpp:ping"/></iq>
                Romeo receives:
                \t<iq type="result" id="ping1" from="localhost"/>
                Romeo disconnects
                """.formatted(password));
        assertThat(parsed.errors()).isEmpty();
        return parsed.script();
    }

    private static RunResult replay(String host, int port, Script... scripts) throws InterruptedException {
        ReplayOptions options = ReplayOptions.defaults().withServer(host, port)
                .withReceiveTimeout(Duration.ofSeconds(2));
        return new Replayer(options).run(List.of(scripts), new Recorder());
    }

    @Test
    void aPipelinedLoginSendsTheBytesOfTheStepByStepOne() throws Exception {
        try (RecordingProxy proxy = new RecordingProxy(List.of(new InetSocketAddress(open.host(), open.port())))) {
            RunResult result = replay(LocalProsody.LOOPBACK, proxy.port(), script("first.scs", "password"),
                    script("second.scs", "password"));

            assertThat(result.allPassed()).as(Recorder.describe(result)).isTrue();
            assertThat(result.logins().pipelined()).isEqualTo(1);
            assertThat(result.logins().fallbacks()).isZero();
            assertThat(proxy.connections()).isEqualTo(2);
            String stepByStep = new String(proxy.fromClient(0), StandardCharsets.UTF_8);
            assertThat(stepByStep).contains("<auth ").contains("<bind ").contains("ping1");
            assertThat(new String(proxy.fromClient(1), StandardCharsets.UTF_8)).isEqualTo(stepByStep);
        }
    }

    @Test
    void aLoginThatMeetsOtherFeaturesFallsBackToTheStepByStepLogin() throws Exception {
        // The first connection meets PLAIN only; the next ones meet a server that offers SCRAM-SHA-1, which the
        // replayer prefers: the pipelined PLAIN <auth> was written for other features, so that connection is
        // dropped and a new one logs in step by step (with SCRAM, whose server signature is checked).
        try (RecordingProxy proxy = new RecordingProxy(List.of(new InetSocketAddress(open.host(), open.port()),
                new InetSocketAddress(hashed.host(), hashed.port())))) {
            RunResult result = replay(LocalProsody.LOOPBACK, proxy.port(), script("first.scs", "secret"),
                    script("second.scs", "secret"), script("third.scs", "secret"));

            assertThat(result.allPassed()).as(Recorder.describe(result)).isTrue();
            // The second login was started ahead of its action (at the script's first connects, here its own):
            // what does not go as expected there is redone at the action itself.
            assertThat(result.logins().prepared()).isEqualTo(2);
            assertThat(result.logins().preparedRedone()).isEqualTo(1);
            assertThat(result.logins().fallbacks()).isZero();
            assertThat(proxy.connections()).isEqualTo(4);
            String dropped = new String(proxy.fromClient(1), StandardCharsets.UTF_8);
            assertThat(dropped).contains("mechanism='PLAIN'").doesNotContain("<bind ");
            assertThat(new String(proxy.fromClient(2), StandardCharsets.UTF_8))
                    .contains("mechanism='SCRAM-SHA-1'").contains("<bind ").contains("ping1");
            // The third script's login was pipelined with SCRAM's first message, as the fallback had seen.
            assertThat(result.logins().pipelined()).isEqualTo(1);
            assertThat(new String(proxy.fromClient(3), StandardCharsets.UTF_8))
                    .contains("mechanism='SCRAM-SHA-1'").contains("ping1");
        }
    }

    @Test
    void aWrongPasswordGivesTheSameMessageAtTheSameLinePipelinedOrNot() throws Exception {
        RunResult alone = replay(hashed.host(), hashed.port(), script("wrong.scs", "wrong"));
        RunResult pipelined = replay(hashed.host(), hashed.port(), script("right.scs", "secret"),
                script("wrong.scs", "wrong"));

        ScriptResult stepByStep = alone.scripts().get(0);
        assertThat(stepByStep.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(stepByStep.location()).isEqualTo("wrong.scs:7");
        assertThat(stepByStep.message()).startsWith("the server refused the login of Romeo as romeo@localhost: "
                + "not-authorized");
        assertThat(alone.logins().pipelined()).isZero();
        assertThat(pipelined.scripts().get(0).verdict()).as(Recorder.describe(pipelined)).isEqualTo(Verdict.PASSED);
        // Started ahead (pipelined), refused, so done again at the action step by step: refused again.
        assertThat(pipelined.logins().pipelined()).isEqualTo(1);
        assertThat(pipelined.logins().preparedRedone()).isEqualTo(1);
        ScriptResult refused = pipelined.scripts().get(1);
        assertThat(refused.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(refused.location()).isEqualTo(stepByStep.location());
        assertThat(refused.message()).isEqualTo(stepByStep.message());
    }

    @Test
    void aRefusedPlainLoginGivesTheSameMessagePipelinedOrNot() throws Exception {
        // The shared server takes any password but an empty one (PLAIN needs one): Prosody answers malformed-request.
        RunResult alone = replay(open.host(), open.port(), script("empty.scs", ""));
        RunResult pipelined = replay(open.host(), open.port(), script("right.scs", "password"),
                script("empty.scs", ""));

        ScriptResult stepByStep = alone.scripts().get(0);
        assertThat(stepByStep.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(stepByStep.message()).startsWith("the server refused the login of Romeo as romeo@localhost: ");
        assertThat(pipelined.logins().pipelined()).isEqualTo(1);
        assertThat(pipelined.logins().preparedRedone()).isEqualTo(1);
        ScriptResult refused = pipelined.scripts().get(1);
        assertThat(refused.location()).isEqualTo(stepByStep.location()).isEqualTo("empty.scs:7");
        assertThat(refused.message()).isEqualTo(stepByStep.message());
    }

    @Test
    void aLoginStartedAheadThatIsRefusedIsReportedAtItsOwnConnectsLikeAStepByStepOne() throws Exception {
        // Juliet's login starts at Romeo's connects (line 11), ahead of her own (line 12); it is refused there,
        // so it is done again at line 12, which reports the refusal as a login started there would.
        ParseResult parsed = new ScriptParser().parse("two.scs", """
                [Client] Romeo
                \tjid: romeo@localhost/balcony
                \tpassword: secret

                [Client] Juliet
                \tjid: romeo@localhost/garden
                \tpassword: wrong

                ---

                Romeo connects
                Juliet connects
                """);
        assertThat(parsed.errors()).isEmpty();
        RunResult alone = replay(hashed.host(), hashed.port(), script("wrong.scs", "wrong"));
        RunResult ahead = replay(hashed.host(), hashed.port(), script("right.scs", "secret"), parsed.script());

        ScriptResult refused = ahead.scripts().get(1);
        assertThat(refused.verdict()).as(Recorder.describe(ahead)).isEqualTo(Verdict.ERROR);
        assertThat(refused.location()).isEqualTo("two.scs:12");
        assertThat(refused.message()).isEqualTo(alone.scripts().get(0).message().replace("Romeo", "Juliet"));
        assertThat(ahead.logins().prepared()).isEqualTo(2);
        assertThat(ahead.logins().preparedRedone()).isEqualTo(1);
    }

    /** In-band registration (XEP-0077) of an account, on a socket of the test's own. */
    private static void register(LocalProsody server, String user, String password) throws IOException {
        try (Socket socket = new Socket(server.host(), server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
                    + "to='localhost' version='1.0'>").getBytes(StandardCharsets.UTF_8));
            readUntil(in, "</stream:features>");
            out.write(("<iq type='set' id='reg1'><query xmlns='jabber:iq:register'><username>" + user
                    + "</username><password>" + password + "</password></query></iq>")
                    .getBytes(StandardCharsets.UTF_8));
            String answer = readUntil(in, "id='reg1'");
            assertThat(answer).as("the registration's answer").contains("type='result'");
            out.write("</stream:stream>".getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String readUntil(InputStream in, String wanted) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (text.indexOf(wanted) < 0) {
            int count = in.read(buffer);
            if (count < 0) {
                throw new IOException("the server closed the stream; it had sent: " + text);
            }
            text.append(new String(buffer, 0, count, StandardCharsets.UTF_8));
        }
        return text.toString();
    }
}
