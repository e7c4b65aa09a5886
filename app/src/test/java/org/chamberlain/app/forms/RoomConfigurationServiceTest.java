package org.chamberlain.app.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chamberlain.app.TestAccounts;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.testkit.TestServer;
import org.chamberlain.testkit.WithProsody;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;

/** The configuration form of a real Prosody room: fetch, edit, submit, fetch again. */
@WithProsody
class RoomConfigurationServiceTest {

    @Test
    void editedFieldsTakeEffectOnTheServer(TestServer server) throws Exception {
        XMPPTCPConnection owner = TestAccounts.connect(server, "cfgowner");
        try {
            String room = "configured@" + server.mucService();
            TestAccounts.instantRoom(owner, room, "Owner");
            RoomConfigurationService service = new RoomConfigurationService(owner, ConfigurationAuditor.NONE);

            FormDefinition form = service.fetch(room);
            assertThat(form.formType()).contains(RoomConfigurationService.ROOM_CONFIG_FORM_TYPE);
            assertThat(form.fields()).as("Prosody's form has fixed section headers without var")
                    .anyMatch(f -> f.type() == FieldType.FIXED && f.var().isEmpty());
            assertThat(form.field("muc#roomconfig_whois").orElseThrow().options()).isNotEmpty();
            assertThat(form.initialAnswers().bool("muc#roomconfig_membersonly")).isFalse();

            FormAnswers answers = form.initialAnswers()
                    .withText("muc#roomconfig_roomname", "Configured by a test")
                    .withBoolean("muc#roomconfig_membersonly", true)
                    .withText("muc#roomconfig_whois", "anyone");
            FormSubmission sent = service.submit(room, form, answers).submission();
            assertThat(sent.changes()).extracting(FieldChange::var).containsExactlyInAnyOrder(
                    "muc#roomconfig_roomname", "muc#roomconfig_membersonly", "muc#roomconfig_whois");

            FormDefinition again = service.fetch(room);
            assertThat(again.initialAnswers().text("muc#roomconfig_roomname")).isEqualTo("Configured by a test");
            assertThat(again.initialAnswers().bool("muc#roomconfig_membersonly")).isTrue();
            assertThat(again.initialAnswers().text("muc#roomconfig_whois")).isEqualTo("anyone");
            assertThat(again.changes(answers)).as("the server now holds exactly the answers").isEmpty();
        } finally {
            owner.disconnect();
        }
    }

    /**
     * Prosody caps the default number of history messages at the room's history length (20 here) but still
     * answers result (modules/muc/history.lib.lua, set_defaulthistorymessages).
     */
    @Test
    void aValueTheServerDoesNotKeepIsReported(TestServer server) throws Exception {
        XMPPTCPConnection owner = TestAccounts.connect(server, "cfgowner3");
        try {
            String room = "clamped@" + server.mucService();
            TestAccounts.instantRoom(owner, room, "Owner");
            RoomConfigurationService service = new RoomConfigurationService(owner, ConfigurationAuditor.NONE);
            FormDefinition form = service.fetch(room);

            ConfigurationResult result = service.submit(room, form, form.initialAnswers()
                    .withText("muc#roomconfig_defaulthistorymessages", "50")
                    .withText("muc#roomconfig_roomname", "Kept"));

            assertThat(result.confirmation()).isPresent();
            assertThat(result.notTaken()).singleElement().satisfies(change -> {
                assertThat(change.var()).isEqualTo("muc#roomconfig_defaulthistorymessages");
                assertThat(change.before()).containsExactly("50");
                assertThat(change.after()).containsExactly("20");
            });
            assertThat(result.allTaken()).isFalse();
        } finally {
            owner.disconnect();
        }
    }

    @Test
    void aNonOwnerCannotReadTheConfiguration(TestServer server) throws Exception {
        XMPPTCPConnection owner = TestAccounts.connect(server, "cfgowner2");
        XMPPTCPConnection stranger = TestAccounts.connect(server, "cfgstranger");
        try {
            String room = "guarded@" + server.mucService();
            TestAccounts.instantRoom(owner, room, "Owner");

            assertThatThrownBy(() -> new RoomConfigurationService(stranger, ConfigurationAuditor.NONE).fetch(room))
                    .isInstanceOfSatisfying(ModerationException.class, e -> {
                        assertThat(e.condition()).isEqualTo(ModerationException.Condition.FORBIDDEN);
                        assertThat(e.getMessage()).startsWith("You are not an owner of " + room + ".");
                    });
        } finally {
            stranger.disconnect();
            owner.disconnect();
        }
    }
}
