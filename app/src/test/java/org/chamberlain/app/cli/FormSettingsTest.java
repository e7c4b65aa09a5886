package org.chamberlain.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.chamberlain.app.forms.FieldDefinition;
import org.chamberlain.app.forms.FieldType;
import org.chamberlain.app.forms.FormAnswers;
import org.chamberlain.app.forms.FormDefinition;
import org.junit.jupiter.api.Test;

/** {@code --set KEY=VALUE} against a form, without a server. */
class FormSettingsTest {
    private static final FormDefinition FORM = FormDefinition.of("http://jabber.org/protocol/muc#roomconfig",
            List.of(FieldDefinition.builder(null, FieldType.FIXED).values("Room information").build(),
                    FieldDefinition.builder("muc#roomconfig_roomname", FieldType.TEXT_SINGLE).values("Old").build(),
                    FieldDefinition.builder("muc#roomconfig_membersonly", FieldType.BOOLEAN).values("0").build(),
                    FieldDefinition.builder("{http://prosody.im/protocol/muc}roomconfig_allowmemberinvites",
                            FieldType.BOOLEAN).build(),
                    FieldDefinition.builder("muc#roomconfig_roomadmins", FieldType.JID_MULTI)
                            .values("a@example.org").build()));

    @Test
    void shortNamesBooleansAndRepeatedMultiValues() throws Exception {
        FormAnswers answers = FormSettings.apply(FORM, FORM.initialAnswers(), List.of("roomname=New = better",
                "membersonly=on", "allowmemberinvites=yes", "roomadmins=b@example.org", "roomadmins=c@example.org"));

        assertThat(answers.text("muc#roomconfig_roomname")).isEqualTo("New = better");
        assertThat(answers.bool("muc#roomconfig_membersonly")).isTrue();
        assertThat(answers.bool("{http://prosody.im/protocol/muc}roomconfig_allowmemberinvites")).isTrue();
        assertThat(answers.values("muc#roomconfig_roomadmins")).containsExactly("b@example.org", "c@example.org");
    }

    @Test
    void anEmptyValueClearsAndFullNamesWorkToo() throws Exception {
        FormAnswers answers = FormSettings.apply(FORM, FORM.initialAnswers(), List.of("roomadmins=",
                "muc#roomconfig_roomname="));
        assertThat(answers.values("muc#roomconfig_roomadmins")).isEmpty();
        assertThat(answers.text("muc#roomconfig_roomname")).isEmpty();
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> FormSettings.apply(FORM, FORM.initialAnswers(), List.of("roomname")))
                .hasMessage("--set needs KEY=VALUE, not 'roomname'.");
        assertThatThrownBy(() -> FormSettings.apply(FORM, FORM.initialAnswers(), List.of("colour=red")))
                .hasMessage("The form has no field 'colour'. Fields: roomname, membersonly, allowmemberinvites, "
                        + "roomadmins.");
        assertThatThrownBy(() -> FormSettings.apply(FORM, FORM.initialAnswers(), List.of("membersonly=maybe")))
                .hasMessageContaining("'membersonly' is yes or no");
    }
}
