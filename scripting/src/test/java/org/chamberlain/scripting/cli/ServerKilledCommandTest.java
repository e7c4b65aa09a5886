package org.chamberlain.scripting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.chamberlain.testkit.FreshProsody;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that dies mid-script: this test kills its own fresh server, so it lives apart from tests sharing one. */
@WithProsody
class ServerKilledCommandTest {
    @TempDir
    Path dir;

    private Path script(String name, String user, String actions) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "# " + name + "\n## x\n\n[Client] Romeo\n\tjid: " + user
                + "@localhost/balcony\n\tpassword: password\n\n---\n" + actions);
        return file;
    }

    @Test
    @FreshProsody
    void serverKilledMidScriptIsAnErrorAtThatLineAndTheRunGoesOn(TestServer server) throws Exception {
        Path waiting = script("waiting.scs", "cli-wait", """
                Romeo connects
                Romeo receives:
                \t<message><body>never</body></message>
                """);
        Path next = script("next.scs", "cli-next", ReplayCommandTest.PING);
        Thread killer = new Thread(() -> {
            // Kill once Romeo is logged in (the runner is then waiting in 'receives'), however slow the machine.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!server.logTail(200).contains("Authenticated as cli-wait@localhost")
                    && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            server.kill();
        }, "test-killer");
        killer.start();
        ReplayCommandTest.Outcome outcome = ReplayCommandTest.replay(server, "--timeout", "20", waiting.toString(),
                next.toString());
        killer.join();
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.out())
                .contains("ERROR " + waiting + ":10 Romeo receives: the connection of Romeo was lost")
                .contains("ERROR " + next + ":9 Romeo connects: Romeo cannot connect");
        assertThat(outcome.lastLine()).isEqualTo("0 passed, 2 failed");
        ReplayCommandTest.assertNoStackTrace(outcome);
    }

}
