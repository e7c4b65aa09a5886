package org.chamberlain.app.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The form model on a hand-made form that has every XEP-0004 field type. */
class FormDefinitionTest {

    static FormDefinition everyFieldType() {
        return new FormDefinition(java.util.Optional.of("urn:example:every"), java.util.Optional.of("Every type"),
                List.of("Fill it in."), List.of(
                FieldDefinition.builder(null, FieldType.FIXED).values("Section without var").build(),
                FieldDefinition.builder("name", FieldType.TEXT_SINGLE).label("Name").description("Shown to all")
                        .required().values("Old name").build(),
                FieldDefinition.builder("secret", FieldType.TEXT_PRIVATE).label("Password").build(),
                FieldDefinition.builder("about", FieldType.TEXT_MULTI).label("About").values("line 1", "line 2")
                        .build(),
                FieldDefinition.builder("public", FieldType.BOOLEAN).label("Public").values("0").build(),
                FieldDefinition.builder("whois", FieldType.LIST_SINGLE).label("Who sees JIDs")
                        .option("Moderators only", "moderators").option("Anyone", "anyone").values("moderators")
                        .build(),
                FieldDefinition.builder("presence", FieldType.LIST_MULTI).label("Broadcast presence of")
                        .option("Moderator", "moderator").option("Participant", "participant")
                        .option(null, "visitor").values("moderator", "participant").build(),
                FieldDefinition.builder("contact", FieldType.JID_SINGLE).label("Contact").build(),
                FieldDefinition.builder("admins", FieldType.JID_MULTI).label("Admins").values("a@example.org")
                        .build(),
                FieldDefinition.builder("session", FieldType.HIDDEN).values("abc123").build(),
                FieldDefinition.builder("note", FieldType.FIXED).values("A fixed field with a var").build()));
    }

    @Test
    void initialAnswersAreTheServersValuesAndNothingIsChanged() {
        FormDefinition form = everyFieldType();
        FormAnswers answers = form.initialAnswers();

        assertThat(answers.text("name")).isEqualTo("Old name");
        assertThat(answers.lines("about")).isEqualTo("line 1\nline 2");
        assertThat(answers.bool("public")).isFalse();
        assertThat(answers.values("presence")).containsExactly("moderator", "participant");
        assertThat(form.changes(answers)).isEmpty();
        assertThat(form.validate(answers)).isEmpty();
    }

    @Test
    void labelsOptionsAndFixedFieldsWithoutVarAreKept() {
        FormDefinition form = everyFieldType();

        assertThat(form.fields().get(0).var()).isEmpty();
        assertThat(form.fields().get(0).displayLabel()).isEmpty();
        FieldDefinition presence = form.field("presence").orElseThrow();
        assertThat(presence.optionLabel("participant")).isEqualTo("Participant");
        assertThat(presence.optionLabel("visitor")).as("an option without label shows its value").isEqualTo("visitor");
        assertThat(form.field("name").orElseThrow().description()).contains("Shown to all");
        assertThat(form.field("session").orElseThrow().displayLabel()).isEqualTo("session");
    }

    @Test
    void sameMeaningIsNoChangeBooleansSetsAndEmptyValues() {
        FormDefinition form = everyFieldType();
        FormAnswers answers = form.initialAnswers()
                .with("public", List.of("false"))
                .with("presence", List.of("participant", "moderator"))
                .withText("contact", "");

        assertThat(form.changes(answers)).isEmpty();
    }

    @Test
    void changesListEachEditedFieldWithBeforeAndAfter() {
        FormDefinition form = everyFieldType();
        FormAnswers answers = form.initialAnswers()
                .withText("name", "New name")
                .withBoolean("public", true)
                .withLines("about", "only line")
                .with("admins", List.of("a@example.org", "b@example.org"));

        List<FieldChange> changes = form.changes(answers);

        assertThat(changes).extracting(FieldChange::var).containsExactly("name", "about", "public", "admins");
        assertThat(changes.get(0).describe()).isEqualTo("Name: 'Old name' → 'New name'");
        assertThat(changes.get(2).after()).containsExactly("1");
        assertThat(changes.get(2).describe()).isEqualTo("Public: no → yes");
    }

    @Test
    void aBooleanWithoutValueReadsAsNo() {
        FormDefinition form = FormDefinition.of(null, List.of(
                FieldDefinition.builder("flag", FieldType.BOOLEAN).label("Flag").build()));
        assertThat(form.changes(form.initialAnswers().withBoolean("flag", false))).isEmpty();
        assertThat(form.changes(form.initialAnswers().withBoolean("flag", true)).get(0).describe())
                .isEqualTo("Flag: no → yes");
    }

    @Test
    void privateTextChangesAreNotShown() {
        FormDefinition form = everyFieldType();
        FieldChange change = form.changes(form.initialAnswers().withText("secret", "hunter2")).get(0);
        assertThat(change.describe()).isEqualTo("Password: changed").doesNotContain("hunter2");
    }

    @Test
    void validationFindsMissingRequiredBadJidsUnknownOptionsAndBadBooleans() {
        FormDefinition form = everyFieldType();
        FormAnswers answers = form.initialAnswers()
                .withText("name", "")
                .withText("public", "maybe")
                .withText("whois", "everyone")
                .with("presence", List.of("moderator", "admin"))
                .withText("contact", "not a jid@@")
                .with("admins", List.of("a@example.org", "a@example.org"))
                .withText("nonexistent", "x");

        List<FieldProblem> problems = form.validate(answers);

        assertThat(problems).extracting(FieldProblem::var)
                .containsExactly("name", "public", "whois", "presence", "contact", "admins", "nonexistent");
        assertThat(problems.get(0).message()).isEqualTo("Name is required.");
        assertThat(problems.get(2).message()).contains("'everyone' is not one of the choices")
                .contains("moderators = Moderators only");
        assertThat(problems.get(4).message()).startsWith("Contact: 'not a jid@@' is not a valid JID");
        assertThat(problems.get(5).message()).isEqualTo("Admins lists 'a@example.org' twice.");
    }

    @Test
    void submissionSendsChangedRequiredAndHiddenFieldsOnly() throws Exception {
        FormDefinition form = everyFieldType();
        FormAnswers answers = form.initialAnswers().withBoolean("public", true).withText("whois", "anyone");

        FormSubmission submission = form.submission(answers);

        assertThat(submission.formType()).contains("urn:example:every");
        assertThat(submission.fields().keySet()).containsExactly("name", "public", "whois", "session");
        assertThat(submission.fields().get("name")).containsExactly("Old name");
        assertThat(submission.fields().get("public")).containsExactly("1");
        assertThat(submission.fields().get("session")).containsExactly("abc123");
        assertThat(submission.changes()).extracting(FieldChange::var).containsExactly("public", "whois");
    }

    @Test
    void anInvalidFormIsNotSubmitted() {
        FormDefinition form = everyFieldType();
        assertThatThrownBy(() -> form.submission(form.initialAnswers().withText("name", "")))
                .isInstanceOf(FormValidationException.class)
                .hasMessage("The form was not sent: Name is required.")
                .satisfies(e -> assertThat(((FormValidationException) e).problems()).hasSize(1));
    }

    @Test
    void definitionsRejectImpossibleShapes() {
        assertThatThrownBy(() -> FieldDefinition.builder(null, FieldType.TEXT_SINGLE).build())
                .hasMessageContaining("Only fixed fields may lack a variable name");
        assertThatThrownBy(() -> FieldDefinition.builder("x", FieldType.BOOLEAN).values("1", "0").build())
                .hasMessageContaining("at most one");
        assertThatThrownBy(() -> FieldDefinition.builder("x", FieldType.TEXT_SINGLE).option("a", "b").build())
                .hasMessageContaining("cannot have options");
        assertThat(FieldType.fromXmppName(null)).isEqualTo(FieldType.TEXT_SINGLE);
        assertThat(FieldType.fromXmppName("jid-multi")).isEqualTo(FieldType.JID_MULTI);
    }
}
