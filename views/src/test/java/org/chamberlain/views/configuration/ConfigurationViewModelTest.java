package org.chamberlain.views.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.chamberlain.app.forms.FieldDefinition;
import org.chamberlain.app.forms.FieldType;
import org.chamberlain.app.forms.FormAnswers;
import org.chamberlain.app.forms.FormDefinition;
import org.chamberlain.app.forms.ConfigurationResult;
import org.chamberlain.views.notifications.NotificationCenter;
import org.chamberlain.views.tasks.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;

/** The configuration tab's state without a toolkit; the form comes from the core's model, built by hand. */
class ConfigurationViewModelTest {
    private static final String ROOM = "team@conference.example.org";

    private final ConfigurationViewModel model = new ConfigurationViewModel(new SameThreadTaskRunner(),
            new NotificationCenter(Clock.systemUTC()), new ConfigurationGateway() {
                @Override
                public FormDefinition fetch(String room) {
                    throw new AssertionError("not fetched in these tests");
                }

                @Override
                public ConfigurationResult submit(String room, FormDefinition form, FormAnswers answers) {
                    throw new AssertionError("not submitted in these tests");
                }
            }, ROOM);

    private static FormDefinition form(String membersOnly) {
        return FormDefinition.of("http://jabber.org/protocol/muc#roomconfig", List.of(
                FieldDefinition.builder(null, FieldType.FIXED).values("Room settings").build(),
                FieldDefinition.builder("muc#roomconfig_roomname", FieldType.TEXT_SINGLE).label("Title")
                        .values("Team").build(),
                FieldDefinition.builder("muc#roomconfig_whois", FieldType.LIST_SINGLE).label("Who may see JIDs")
                        .option("Moderators", "moderators").option("Anyone", "anyone").values("moderators")
                        .required().build(),
                FieldDefinition.builder("muc#roomconfig_membersonly", FieldType.BOOLEAN)
                        .label("Only allow members to join").values(membersOnly).build(),
                FieldDefinition.builder("muc#roomconfig_roomadmins", FieldType.JID_MULTI).label("Admins").build(),
                FieldDefinition.builder("secret_extra", FieldType.HIDDEN).values("x").build()));
    }

    @Test
    void commonSettingsComeFirstAndHiddenFieldsOnlyInAdvancedMode() {
        model.show(form("0"));
        assertThat(model.commonFields()).extracting(FieldDefinition::name)
                .containsExactly("muc#roomconfig_roomname", "muc#roomconfig_membersonly");
        assertThat(model.otherFields()).extracting(FieldDefinition::type)
                .containsExactly(FieldType.FIXED, FieldType.LIST_SINGLE, FieldType.JID_MULTI);
        model.advanced().set(true);
        assertThat(model.otherFields()).extracting(FieldDefinition::type).contains(FieldType.HIDDEN);
    }

    @Test
    void editsAreTrackedValidatedAndReset() {
        model.show(form("0"));
        assertThat(model.canApply().get()).isFalse();
        model.setBoolean("muc#roomconfig_membersonly", true);
        model.setText("muc#roomconfig_roomname", "Team room");
        assertThat(model.changes().get()).hasSize(2);
        assertThat(model.isChanged(model.form().get().field("muc#roomconfig_membersonly").orElseThrow())).isTrue();
        assertThat(model.preview()).anyMatch(line -> line.contains("Team room"));
        assertThat(model.canApply().get()).isTrue();

        model.setText("muc#roomconfig_whois", "");
        assertThat(model.problemsOf(model.form().get().field("muc#roomconfig_whois").orElseThrow())).isNotEmpty();
        assertThat(model.canApply().get()).isFalse();

        model.setLines("muc#roomconfig_roomadmins", "not a jid@@@");
        assertThat(model.problems().get()).hasSizeGreaterThanOrEqualTo(2);

        model.reset();
        assertThat(model.changes().get()).isEmpty();
        assertThat(model.problems().get()).isEmpty();
    }

    @Test
    void aReloadedFormBecomesTheNewBaselineEvenWhenTheAnswersLookTheSame() {
        model.show(form("0"));
        model.setBoolean("muc#roomconfig_membersonly", true);
        assertThat(model.changes().get()).hasSize(1);
        // The server now holds what was submitted: the answers equal the new form's values.
        model.show(form("1"));
        assertThat(model.changes().get()).isEmpty();
    }

    @Test
    void aRoomBeingCreatedMayBeOpenedWithItsDefaultsAndCancelled() {
        model.show(form("0"));
        assertThat(model.canApply().get()).as("an existing room: nothing to apply").isFalse();
        int[] cancelled = new int[2];
        model.beginCreation(form("0"), () -> cancelled[0]++, () -> cancelled[1]++);
        assertThat(model.locked().get()).isTrue();
        assertThat(model.changes().get()).isEmpty();
        assertThat(model.canApply().get()).as("a locked room opens with the defaults too").isTrue();
        model.load();
        assertThat(model.form().get()).as("no fetch: the form came with the creation").isNotNull();

        model.cancelCreation();
        assertThat(cancelled).containsExactly(1, 1);
        assertThat(model.locked().get()).isFalse();
        assertThat(model.status().get()).isEqualTo("Creation cancelled: " + ROOM + " no longer exists.");
        model.cancelCreation();
        assertThat(cancelled).as("nothing left to cancel").containsExactly(1, 1);
    }
}
