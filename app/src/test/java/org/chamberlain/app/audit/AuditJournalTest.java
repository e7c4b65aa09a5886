package org.chamberlain.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.events.ActionJournal;
import org.chamberlain.app.events.ModerationAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter from app-core's ActionJournal to the audit log. */
class AuditJournalTest {
    @TempDir
    Path dir;

    private static final Instant AT = Instant.parse("2026-11-21T11:00:00Z");

    @Test
    void actionsBecomeEntriesWithConditionAndMessage() throws Exception {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
        List<ModerationException> failures = new ArrayList<>();
        ActionJournal journal = new AuditTrail(log, Clock.fixed(AT, ZoneOffset.UTC), "tester").journal(failures::add);

        journal.record(ModerationAction.of(AT, "mod@example.org", "r@muc.example.org", "kick", "Guest",
                Optional.of("spam"), null));
        journal.record(ModerationAction.of(AT, "mod@example.org", "r@muc.example.org", "kick", "Owner",
                Optional.empty(), new ModerationException(ModerationException.Condition.NOT_ALLOWED,
                        "You are not allowed to kick Owner in r@muc.example.org.")));

        List<AuditEntry> entries = log.entriesFor("r@muc.example.org").entries();
        assertThat(failures).isEmpty();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).actor()).isEqualTo("tester");
        assertThat(entries.get(0).reason()).contains("spam");
        assertThat(entries.get(0).items().get(0).result()).isEqualTo(AuditEntry.Result.APPLIED);
        AuditEntry.Item refused = entries.get(1).items().get(0);
        assertThat(refused.result()).isEqualTo(AuditEntry.Result.REFUSED);
        assertThat(refused.condition()).contains("not-allowed");
        assertThat(refused.message()).contains("You are not allowed to kick Owner in r@muc.example.org.");
    }

    @Test
    void aLogThatCannotBeWrittenIsReportedNotThrown() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked);
        List<ModerationException> failures = new ArrayList<>();
        ActionJournal journal = AuditTrail.to(new AuditLog(blocked)).journal(failures::add);

        journal.record(ModerationAction.of(AT, "mod@example.org", "r@muc.example.org", "kick", "Guest",
                Optional.empty(), null));

        assertThat(failures).singleElement().satisfies(e ->
                assertThat(e.getMessage()).startsWith("The action was carried out, but the audit log " + blocked));
    }
}
