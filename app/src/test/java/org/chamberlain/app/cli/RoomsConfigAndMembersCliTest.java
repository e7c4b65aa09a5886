package org.chamberlain.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.chamberlain.app.TestAccounts;
import org.chamberlain.app.affiliations.Affiliation;
import org.chamberlain.app.affiliations.AffiliationAuditor;
import org.chamberlain.app.affiliations.AffiliationLists;
import org.chamberlain.app.affiliations.AffiliationService;
import org.chamberlain.app.audit.AuditLog;
import org.chamberlain.app.forms.ConfigurationAuditor;
import org.chamberlain.app.forms.FormAnswers;
import org.chamberlain.app.forms.RoomConfigurationService;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** {@code rooms config} and {@code rooms members} run in-process against a real Prosody. */
@WithProsody
class RoomsConfigAndMembersCliTest {
    @TempDir
    Path dir;

    private XMPPTCPConnection owner;
    private String room;
    private Path audit;

    @BeforeEach
    void createRoom(TestServer server, TestInfo test) throws Exception {
        owner = TestAccounts.connect(server, "cliowner");
        room = test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT) + "@"
                + server.mucService();
        TestAccounts.instantRoom(owner, room, "Owner");
        audit = dir.resolve("audit.jsonl");
    }

    @AfterEach
    void disconnect() {
        owner.disconnect();
    }

    @Test
    void configSetChangesTheRoomAndShowPrintsTheForm(TestServer server) throws Exception {
        CliRun.Result set = CliRun.asUser(server, audit, "cliowner", "config", room,
                "--set", "roomname=Tea room", "--set", "membersonly=yes", "--set", "whois=anyone");

        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.out()).contains("Changed the configuration of " + room + ":")
                .contains("'Tea room'");
        FormAnswers now = new RoomConfigurationService(owner, ConfigurationAuditor.NONE).fetch(room).initialAnswers();
        assertThat(now.text("muc#roomconfig_roomname")).isEqualTo("Tea room");
        assertThat(now.bool("muc#roomconfig_membersonly")).isTrue();
        assertThat(now.text("muc#roomconfig_whois")).isEqualTo("anyone");
        assertThat(new AuditLog(audit).entriesFor(room).entries()).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("configuration"));


        CliRun.Result clamped = CliRun.asUser(server, audit, "cliowner", "config", room, "--set",
                "defaulthistorymessages=50");
        assertThat(clamped.exitCode()).as(clamped.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(clamped.err()).contains("Warning: The server accepted Default number of history messages "
                + "returned by room but keeps 20 instead of 50.");

        CliRun.Result show = CliRun.asUser(server, audit, "cliowner", "config", room, "--show");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).contains("(roomname): Tea room").contains("(membersonly): yes");

        CliRun.Result json = CliRun.asUser(server, audit, "cliowner", "config", room, "--json");
        JsonNode fields = json.json().get("fields");
        assertThat(json.json().get("ok").asBoolean()).isTrue();
        boolean found = false;
        for (JsonNode field : fields) {
            if (field.path("var").asText().equals("muc#roomconfig_roomname")) {
                assertThat(field.get("values").get(0).asText()).isEqualTo("Tea room");
                found = true;
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void configWithAnUnknownKeyOrBadValueIsAUsageErrorAndSendsNothing(TestServer server) throws Exception {
        CliRun.Result unknown = CliRun.asUser(server, audit, "cliowner", "config", room, "--set", "colour=blue");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("The form has no field 'colour'. Fields: ").contains("roomname");

        CliRun.Result badBoolean = CliRun.asUser(server, audit, "cliowner", "config", room, "--set",
                "membersonly=perhaps");
        assertThat(badBoolean.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badBoolean.err()).contains("'membersonly' is yes or no");

        CliRun.Result badChoice = CliRun.asUser(server, audit, "cliowner", "config", room, "--set", "whois=all");
        assertThat(badChoice.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badChoice.err()).contains("'all' is not one of the choices");
        assertThat(new AuditLog(audit).readAll().entries()).isEmpty();
    }

    @Test
    void membersGrantAppliesEveryTargetAndListsThem(TestServer server) throws Exception {
        CliRun.Result grant = CliRun.asUser(server, audit, "cliowner", "members", room,
                "--grant", "member", server.jid("ann"), server.jid("ben"), server.jid("cat"), "--reason", "team");

        assertThat(grant.exitCode()).as(grant.toString()).isZero();
        assertThat(grant.out()).contains("Applied all 3 changes to " + room + ".")
                .contains("applied: add " + server.jid("ben") + " to members (team)");

        CliRun.Result list = CliRun.asUser(server, audit, "cliowner", "members", room, "--list", "members",
                "--json");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        JsonNode members = list.json().get("lists").get("member");
        assertThat(members).hasSize(3);
        assertThat(members.get(0).get("jid").asText()).isEqualTo(server.jid("ann"));
        assertThat(list.json().get("lists").has("owner")).isFalse();
    }

    @Test
    void membersImportPreviewsWithDryRunThenAppliesAndExports(TestServer server) throws Exception {
        Path csv = dir.resolve("members.csv");
        Files.writeString(csv, "jid,affiliation,reason\n" + server.jid("dan") + ",member,new\n"
                + server.jid("eve") + ",admin,\n" + server.jid("spam") + ",banned,\"ads, lots\"\n",
                StandardCharsets.UTF_8);

        CliRun.Result preview = CliRun.asUser(server, audit, "cliowner", "members", room, "--import",
                csv.toString(), "--dry-run");
        assertThat(preview.exitCode()).as(preview.toString()).isZero();
        assertThat(preview.out()).contains("Would change " + room + " (dry run, nothing sent):")
                .contains("add " + server.jid("eve") + " to admins");
        AffiliationService service = new AffiliationService(owner, AffiliationAuditor.NONE);
        assertThat(service.fetch(room).all()).hasSize(1);

        Path exported = dir.resolve("exported.csv");
        CliRun.Result apply = CliRun.asUser(server, audit, "cliowner", "members", room, "--import",
                csv.toString(), "--export", exported.toString());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        AffiliationLists after = service.fetch(room);
        assertThat(after.affiliationOf(server.jid("dan"))).isEqualTo(Affiliation.MEMBER);
        assertThat(after.affiliationOf(server.jid("eve"))).isEqualTo(Affiliation.ADMIN);
        assertThat(after.affiliationOf(server.jid("spam"))).isEqualTo(Affiliation.OUTCAST);
        assertThat(Files.readString(exported)).contains(server.jid("cliowner") + ",owner,")
                .contains(server.jid("dan") + ",member,");
    }

    @Test
    void aBadCsvLineIsAUsageErrorWithFileAndLine(TestServer server) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "jid,affiliation\n" + server.jid("ok") + ",member\nnobody,emperor\n",
                StandardCharsets.UTF_8);

        CliRun.Result run = CliRun.asUser(server, audit, "cliowner", "members", room, "--import", csv.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(csv + ":3: 'emperor' is not an affiliation");
        assertThat(new AffiliationService(owner, AffiliationAuditor.NONE).fetch(room, Affiliation.MEMBER)).isEmpty();
    }

    @Test
    void aPartlyAppliedGrantExitsWithOneAndSaysWhatWasNotApplied(TestServer server) throws Exception {
        CliRun.Result makeAdmin = CliRun.asUser(server, audit, "cliowner", "members", room,
                "--grant", "admin", server.jid("helper"));
        assertThat(makeAdmin.exitCode()).as(makeAdmin.toString()).isZero();

        CliRun.Result run = CliRun.asUser(server, audit, "helper", "members", room, "--grant", "owner",
                server.jid("usurper"), "--json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.REFUSED);
        JsonNode change = run.json().get("changes").get(0);
        assertThat(change.get("outcome").asText()).isEqualTo("refused");
        assertThat(change.get("jid").asText()).isEqualTo(server.jid("usurper"));
        assertThat(run.json().get("complete").asBoolean()).isFalse();
        assertThat(run.err()).contains("Warning: The server does not show you the owners list of " + room);

        CliRun.Result adminList = CliRun.asUser(server, audit, "helper", "members", room);
        assertThat(adminList.exitCode()).as(adminList.toString()).isZero();
        assertThat(adminList.out()).contains("Owners: (the server does not show you this list)")
                .contains("Admins (1):").contains(server.jid("helper"));
    }

    @Test
    void badJidsAndAnUnconfirmedSelfDemotionAreUsageErrors(TestServer server) throws Exception {
        CliRun.Result bad = CliRun.asUser(server, audit, "cliowner", "members", room, "--grant", "member",
                "someone@" + server.domain() + "/phone");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("has a resource; use the bare address someone@" + server.domain());

        assertThat(CliRun.asUser(server, audit, "cliowner", "members", room, "--grant", "owner",
                server.jid("coowner")).exitCode()).isZero();
        CliRun.Result demote = CliRun.asUser(server, audit, "cliowner", "members", room, "--grant", "admin",
                server.jid("cliowner"));
        assertThat(demote.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(demote.err()).contains("(add --confirm-self-demotion to do it anyway)");

        CliRun.Result confirmed = CliRun.asUser(server, audit, "cliowner", "members", room, "--grant", "admin",
                server.jid("cliowner"), "--confirm-self-demotion");
        assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
        // Now an admin, we may no longer read the owner list, but the admin list shows us.
        assertThat(new AffiliationService(owner, AffiliationAuditor.NONE).fetch(room, Affiliation.ADMIN))
                .extracting(e -> e.jid()).containsExactly(server.jid("cliowner"));
    }

    @Test
    void aNonOwnerAskingForTheOwnerListIsRefusedInPlainWords(TestServer server) {
        CliRun.Result run = CliRun.asUser(server, audit, "nobody", "members", room, "--list", "owner");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(run.err()).contains("You are not an owner of " + room + ".");
    }

    @Test
    void thePasswordNeverComesFromAnArgumentAndAMissingVariableIsAUsageError(TestServer server) {
        CliRun.Result plain = CliRun.raw("members", room, "--account", server.jid("cliowner"), "--password",
                "secret");
        assertThat(plain.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(plain.err()).contains("Unknown options: '--password'");

        CliRun.Result unset = CliRun.raw("members", room, "--account", server.jid("cliowner"), "--password-env",
                "NOT_SET_ANYWHERE");
        assertThat(unset.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unset.err()).contains("The environment variable NOT_SET_ANYWHERE (named by --password-env) is "
                + "not set.");

        CliRun.Result noTerminal = CliRun.raw("members", room, "--account", server.jid("cliowner"));
        assertThat(noTerminal.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noTerminal.err()).contains("there is no terminal to ask on");
    }
}
