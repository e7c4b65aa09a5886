package org.chamberlain.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM killed with SIGKILL right after applying an action: the audit entry is on disk. */
@WithProsody
class AuditCrashTest {
    @TempDir
    Path dir;

    @Test
    void theEntryOfAnActionIsThereAfterTheJvmIsKilledRightAfterIt(TestServer server) throws Exception {
        Path auditFile = dir.resolve("audit.jsonl");
        String room = "crash@" + server.mucService();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AuditCrashChild.class.getName(), server.host(), Integer.toString(server.port()), server.domain(),
                room, auditFile.toString(), server.jid("survivor"))
                .redirectError(dir.resolve("child.err").toFile());
        Process child = builder.start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            line = out.readLine();
            // destroyForcibly() is SIGKILL on Linux: no shutdown hooks, no finalisation, no flushing.
            child.destroyForcibly();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(line).as("child stderr in " + dir.resolve("child.err")).isEqualTo("APPLIED true");
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        AuditHistory history = new AuditLog(auditFile).entriesFor(room);
        assertThat(history.problems()).isEmpty();
        assertThat(history.entries()).hasSize(1);
        AuditEntry entry = history.entries().get(0);
        assertThat(entry.account()).isEqualTo(server.jid("crashowner"));
        assertThat(entry.action()).isEqualTo("affiliations");
        assertThat(entry.items()).singleElement().satisfies(item -> {
            assertThat(item.target()).isEqualTo(server.jid("survivor"));
            assertThat(item.change()).isEqualTo("none → member");
            assertThat(item.reason()).contains("crash test");
            assertThat(item.result()).isEqualTo(AuditEntry.Result.APPLIED);
        });
        assertThat(List.of(entry.actor())).doesNotContain("");
    }
}
