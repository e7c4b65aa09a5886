package org.chamberlain.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON Lines file itself: round trip, per-room reading, damaged lines, concurrent appends. */
class AuditLogTest {
    @TempDir
    Path dir;

    private static AuditEntry entry(String room, String target) {
        return new AuditEntry(Instant.parse("2026-11-21T10:00:00Z"), "alice", "owner@example.org", room,
                "affiliations", Optional.of("spring cleaning"), List.of(
                        new AuditEntry.Item(target, "none → member", Optional.of("welcome"),
                                AuditEntry.Result.APPLIED, Optional.empty(), Optional.empty()),
                        new AuditEntry.Item("x@example.org", "none → owner", Optional.empty(),
                                AuditEntry.Result.REFUSED, Optional.of("forbidden"),
                                Optional.of("You are not allowed to …"))));
    }

    @Test
    void entriesSurviveARoundTripAndAreOneLineEach() throws Exception {
        AuditLog log = new AuditLog(dir.resolve("nested/dir/audit.jsonl"));
        log.append(entry("a@muc.example.org", "bob@example.org"));
        log.append(entry("b@muc.example.org", "carl@example.org"));

        List<String> lines = Files.readAllLines(log.file());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"time\":\"2026-11-21T10:00:00Z\",\"actor\":\"alice\"");
        AuditHistory history = log.readAll();
        assertThat(history.problems()).isEmpty();
        assertThat(history.entries()).containsExactly(entry("a@muc.example.org", "bob@example.org"),
                entry("b@muc.example.org", "carl@example.org"));
        assertThat(history.entries().get(0).succeeded()).isFalse();
    }

    @Test
    void entriesForOneRoomLeaveOthersOut() throws Exception {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
        log.append(entry("a@muc.example.org", "1@example.org"));
        log.append(entry("b@muc.example.org", "2@example.org"));
        log.append(entry("a@muc.example.org", "3@example.org"));

        assertThat(log.entriesFor("A@muc.example.org").entries()).extracting(e -> e.items().get(0).target())
                .containsExactly("1@example.org", "3@example.org");
    }

    @Test
    void aMissingFileIsAnEmptyHistoryAndDamagedLinesAreReportedWithTheirNumber() throws Exception {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
        assertThat(log.readAll().entries()).isEmpty();

        log.append(entry("a@muc.example.org", "1@example.org"));
        Files.writeString(log.file(), "{\"time\":\"2026-11-21T10:0", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Files.writeString(log.file(), "\n{\"time\":\"2026-11-21T10:00:00Z\"}\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        log.append(entry("a@muc.example.org", "2@example.org"));

        AuditHistory history = log.readAll();
        assertThat(history.entries()).hasSize(2);
        assertThat(history.problems()).hasSize(2);
        assertThat(history.problems().get(0)).startsWith(log.file() + ":2: unreadable entry (");
        assertThat(history.problems().get(1)).isEqualTo(log.file() + ":3: unreadable entry (no 'items' array)");
    }

    @Test
    void appendsFromManyThreadsAndInstancesNeverInterleave() throws Exception {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
        AuditLog sameFile = new AuditLog(dir.resolve("audit.jsonl"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String target = "user" + i + "@example.org";
                AuditLog writer = i % 2 == 0 ? log : sameFile;
                writes.add(pool.submit(() -> {
                    writer.append(entry("a@muc.example.org", target));
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditHistory history = log.readAll();
        assertThat(history.problems()).isEmpty();
        assertThat(history.entries()).hasSize(40);
    }
}
