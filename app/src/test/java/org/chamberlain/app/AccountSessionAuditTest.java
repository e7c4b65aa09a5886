package org.chamberlain.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.chamberlain.app.accounts.Account;
import org.chamberlain.app.accounts.PasswordStorage;
import org.chamberlain.app.accounts.TlsPolicy;
import org.chamberlain.app.audit.AuditEntry;
import org.chamberlain.app.audit.AuditHistory;
import org.chamberlain.app.audit.AuditLog;
import org.chamberlain.app.audit.AuditTrail;
import org.chamberlain.app.connections.AccountConnection;
import org.chamberlain.app.connections.ConnectionManager;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.events.OccupantJoined;
import org.chamberlain.app.events.RoomEvent;
import org.chamberlain.app.invitations.InvitationService.Kind;
import org.chamberlain.app.testing.Recorder;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Occupant actions, invitations and destruction land in the durable audit log when wired as the UI/CLI do. */
@WithProsody
class AccountSessionAuditTest {

    @Test
    void everyModerationActionIsAppendedToTheAuditLog(TestServer server, @TempDir Path dir) throws Exception {
        String room = "audited@" + server.mucService();
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
        List<ModerationException> writeFailures = new CopyOnWriteArrayList<>();
        try (ConnectionManager manager = new ConnectionManager();
                AccountSession owner = session(manager, server, "owner", AuditTrail.to(log), writeFailures);
                AccountSession guest = session(manager, server, "guest", AuditTrail.to(log), writeFailures)) {
            Recorder<RoomEvent> ownerEvents = new Recorder<>();
            owner.tracker().onEvent(ownerEvents, Runnable::run);
            owner.rooms().createInstant(room, "Owner");
            guest.rooms().join(room, "Guest", Optional.empty());
            ownerEvents.await(OccupantJoined.class, e -> e.occupant().nickname().equals("Guest"));

            owner.occupants().grantModerator(room, "Guest", Optional.of("Helping out"));
            owner.occupants().kick(room, "Guest", Optional.of("Enough"));
            owner.occupants().ban(room, "Guest", Optional.of("Really enough"));
            owner.invitations().invite(room, List.of(server.jid("friend")), Kind.DIRECT, Optional.of("Join us"),
                    Optional.empty());
            assertThatThrownBy(() -> guest.destruction().destroy(room, Optional.empty(), Optional.empty()))
                    .isInstanceOf(ModerationException.class);
            owner.destruction().destroy(room, Optional.of("Done"), Optional.empty());
        }

        AuditHistory history = log.readAll();
        assertThat(history.problems()).isEmpty();
        assertThat(writeFailures).isEmpty();
        assertThat(history.entries()).extracting(AuditEntry::action).containsExactly(
                "grant-moderator", "kick", "ban", "invite-direct", "destroy", "destroy");
        AuditEntry ban = history.entries().get(2);
        assertThat(ban.account()).isEqualTo(server.jid("owner"));
        assertThat(ban.room()).isEqualTo(room);
        assertThat(ban.reason()).contains("Really enough");
        assertThat(ban.items()).singleElement().satisfies(item -> {
            assertThat(item.target()).isEqualTo(server.jid("guest"));
            assertThat(item.result()).isEqualTo(AuditEntry.Result.APPLIED);
        });
        AuditEntry refused = history.entries().get(4);
        assertThat(refused.account()).isEqualTo(server.jid("guest"));
        assertThat(refused.items()).singleElement().satisfies(item -> {
            assertThat(item.result()).isEqualTo(AuditEntry.Result.REFUSED);
            assertThat(item.condition()).contains("forbidden");
            assertThat(item.message()).get().asString().startsWith("You are not an owner of " + room);
        });
        assertThat(history.entries().get(5).succeeded()).isTrue();
    }

    private static AccountSession session(ConnectionManager manager, TestServer server, String user,
            AuditTrail audit, List<ModerationException> writeFailures) throws Exception {
        AccountConnection connection = manager.open(new Account(server.jid(user), Optional.of(server.host()),
                server.port(), TlsPolicy.PLAINTEXT_ALLOWED, PasswordStorage.MEMORY, Set.of()),
                "password".toCharArray());
        AccountSession session = new AccountSession(connection, audit.journal(writeFailures::add));
        connection.connect();
        return session;
    }
}
