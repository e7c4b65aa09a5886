package org.chamberlain.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.chamberlain.app.TestAccounts;
import org.chamberlain.app.affiliations.Affiliation;
import org.chamberlain.app.affiliations.AffiliationChangeSet;
import org.chamberlain.app.affiliations.AffiliationService;
import org.chamberlain.app.forms.FormDefinition;
import org.chamberlain.app.forms.RoomConfigurationService;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Affiliation apply and configuration submit write what happened to the audit log. */
@WithProsody
class AuditTrailTest {
    @TempDir
    Path dir;

    @Test
    void affiliationChangesAndConfigurationSubmitsAreAuditedPerItem(TestServer server) throws Exception {
        XMPPTCPConnection owner = TestAccounts.connect(server, "auditowner");
        XMPPTCPConnection admin = TestAccounts.connect(server, "auditadmin");
        try {
            String room = "audited@" + server.mucService();
            TestAccounts.instantRoom(owner, room, "Owner");
            AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
            AuditTrail trail = new AuditTrail(log, Clock.fixed(Instant.parse("2026-11-21T10:30:00Z"),
                    ZoneOffset.UTC), "tester");

            AffiliationService asOwner = new AffiliationService(owner, trail.affiliations());
            asOwner.apply(room, AffiliationChangeSet.against(asOwner.fetch(room))
                    .add(server.jid("auditadmin"), Affiliation.ADMIN, "trusted"), false);
            AffiliationService asAdmin = new AffiliationService(admin, trail.affiliations());
            asAdmin.apply(room, AffiliationChangeSet.against(asOwner.fetch(room))
                    .add(server.jid("m"), Affiliation.MEMBER, null)
                    .add(server.jid("o"), Affiliation.OWNER, null), false);
            RoomConfigurationService config = new RoomConfigurationService(owner, trail.configuration());
            FormDefinition form = config.fetch(room);
            config.submit(room, form, form.initialAnswers().withText("muc#roomconfig_roomname", "Audited")
                    .withText("muc#roomconfig_roomsecret", "s3cret"));

            AuditHistory history = log.entriesFor(room);
            assertThat(history.problems()).isEmpty();
            assertThat(history.entries()).hasSize(3);
            AuditEntry first = history.entries().get(0);
            assertThat(first.time()).isEqualTo(Instant.parse("2026-11-21T10:30:00Z"));
            assertThat(first.actor()).isEqualTo("tester");
            assertThat(first.account()).isEqualTo(server.jid("auditowner"));
            assertThat(first.items()).singleElement().satisfies(i -> assertThat(i.reason()).contains("trusted"));

            AuditEntry partial = history.entries().get(1);
            assertThat(partial.account()).isEqualTo(server.jid("auditadmin"));
            assertThat(partial.items()).extracting(AuditEntry.Item::target, AuditEntry.Item::result)
                    .containsExactly(tuple(server.jid("o"), AuditEntry.Result.REFUSED),
                            tuple(server.jid("m"), AuditEntry.Result.APPLIED));
            assertThat(partial.items().get(0).condition()).isPresent();

            AuditEntry configured = history.entries().get(2);
            assertThat(configured.action()).isEqualTo("configuration");
            assertThat(configured.items()).extracting(AuditEntry.Item::target)
                    .containsExactly("muc#roomconfig_roomname", "muc#roomconfig_roomsecret");
            assertThat(configured.items().get(1).change()).as("passwords are not written").isEqualTo("changed");
            assertThat(Files.readString(log.file())).doesNotContain("s3cret");
            assertThat(configured.reason()).isEqualTo(Optional.empty());
        } finally {
            admin.disconnect();
            owner.disconnect();
        }
    }
}
