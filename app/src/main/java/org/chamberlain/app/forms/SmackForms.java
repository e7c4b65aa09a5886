package org.chamberlain.app.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jivesoftware.smackx.xdata.AbstractMultiFormField;
import org.jivesoftware.smackx.xdata.AbstractSingleStringValueFormField;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.FormFieldWithOptions;
import org.jivesoftware.smackx.xdata.JidMultiFormField;
import org.jivesoftware.smackx.xdata.ListMultiFormField;
import org.jivesoftware.smackx.xdata.ListSingleFormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Converts between Smack's {@link DataForm} and our Smack-free model. Pure functions; any thread.
 */
public final class SmackForms {
    private SmackForms() {
    }

    /** Our definition of a form the server sent (FORM_TYPE becomes {@link FormDefinition#formType()}). */
    public static FormDefinition fromDataForm(DataForm form) {
        List<FieldDefinition> fields = new ArrayList<>();
        for (FormField field : form.getFields()) {
            if (FormField.FORM_TYPE.equals(field.getFieldName()) && field.getType() == FormField.Type.hidden) {
                continue;
            }
            fields.add(fromFormField(field));
        }
        String formType = form.getFormType();
        return new FormDefinition(Optional.ofNullable(formType), Optional.ofNullable(emptyToNull(form.getTitle())),
                form.getInstructions(), fields);
    }

    static FieldDefinition fromFormField(FormField field) {
        // Smack reads a field without 'type' as text-single, as XEP-0004 says; getType() is never null here.
        FieldType type = FieldType.fromXmppName(field.getType() == null ? null : field.getType().toString());
        List<FieldOption> options = new ArrayList<>();
        if (field instanceof FormFieldWithOptions withOptions) {
            for (FormField.Option option : withOptions.getOptions()) {
                options.add(new FieldOption(option.getLabel(), option.getValueString()));
            }
        }
        List<String> values = new ArrayList<>();
        for (CharSequence value : field.getRawValueCharSequences()) {
            values.add(value.toString());
        }
        return new FieldDefinition(Optional.ofNullable(emptyToNull(field.getFieldName())), type,
                Optional.ofNullable(emptyToNull(field.getLabel())),
                Optional.ofNullable(emptyToNull(field.getDescription())), field.isRequired(), options, values);
    }

    /** The {@code submit} form that carries a submission (FORM_TYPE first, then the fields in form order). */
    public static DataForm toSubmitDataForm(FormDefinition definition, FormSubmission submission) {
        DataForm.Builder builder = DataForm.builder(DataForm.Type.submit);
        submission.formType().ifPresent(builder::setFormType);
        submission.fields().forEach((var, values) -> {
            FieldDefinition field = definition.field(var).orElseThrow(() ->
                    new IllegalArgumentException("The form has no field '" + var + "'"));
            builder.addField(toFormField(field, values, false));
        });
        return builder.build();
    }

    /** A {@code form} (as a server would send it) with the definition's fields and these answers. */
    public static DataForm toFormDataForm(FormDefinition definition, FormAnswers answers) {
        DataForm.Builder builder = DataForm.builder(DataForm.Type.form);
        definition.formType().ifPresent(builder::setFormType);
        definition.title().ifPresent(builder::setTitle);
        if (!definition.instructions().isEmpty()) {
            builder.setInstructions(definition.instructions());
        }
        for (FieldDefinition field : definition.fields()) {
            List<String> values = field.var().map(var -> answers.has(var) ? answers.values(var) : field.values())
                    .orElse(field.values());
            builder.addField(toFormField(field, values, true));
        }
        return builder.build();
    }

    private static FormField toFormField(FieldDefinition field, List<String> values, boolean withMetadata) {
        String var = field.var().orElse(null);
        FormField.Builder<?, ?> builder;
        switch (field.type()) {
            case BOOLEAN:
                builder = values.isEmpty() ? FormField.booleanBuilder(var)
                        : FormField.booleanBuilder(var).setValue(values.get(0));
                break;
            case FIXED:
                builder = single(FormField.fixedBuilder(var), values);
                break;
            case HIDDEN:
                builder = single(FormField.hiddenBuilder(var), values);
                break;
            case TEXT_SINGLE:
                builder = single(FormField.textSingleBuilder(var), values);
                break;
            case TEXT_PRIVATE:
                builder = single(FormField.textPrivateBuilder(var), values);
                break;
            case TEXT_MULTI:
                builder = multi(FormField.textMultiBuilder(var), values);
                break;
            case LIST_SINGLE:
                ListSingleFormField.Builder listSingle = FormField.listSingleBuilder(var);
                if (withMetadata) {
                    field.options().forEach(o -> listSingle.addOption(option(o)));
                }
                builder = single(listSingle, values);
                break;
            case LIST_MULTI:
                ListMultiFormField.Builder listMulti = FormField.listMultiBuilder(var);
                if (withMetadata) {
                    field.options().forEach(o -> listMulti.addOption(option(o)));
                }
                builder = multi(listMulti, values);
                break;
            case JID_SINGLE:
                builder = values.isEmpty() ? FormField.jidSingleBuilder(var)
                        : FormField.jidSingleBuilder(var).setValue(jid(var, values.get(0)));
                break;
            case JID_MULTI:
                JidMultiFormField.Builder jidMulti = FormField.jidMultiBuilder(var);
                values.forEach(v -> jidMulti.addValue(jid(var, v)));
                builder = jidMulti;
                break;
            default:
                throw new IllegalArgumentException("Unhandled field type " + field.type());
        }
        if (withMetadata) {
            field.label().ifPresent(builder::setLabel);
            field.description().ifPresent(builder::setDescription);
            if (field.required()) {
                builder.setRequired();
            }
        }
        return builder.build();
    }

    private static FormField.Option option(FieldOption option) {
        return option.label().equals(option.value()) ? new FormField.Option(option.value())
                : new FormField.Option(option.label(), option.value());
    }

    private static <B extends AbstractSingleStringValueFormField.Builder<?, ?>> B
            single(B builder, List<String> values) {
        if (!values.isEmpty()) {
            builder.setValue(values.get(0));
        }
        return builder;
    }

    private static <B extends AbstractMultiFormField.Builder<?, ?>> B multi(B builder, List<String> values) {
        values.forEach(builder::addValue);
        return builder;
    }

    private static Jid jid(String var, String value) {
        try {
            return JidCreate.from(value);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Field '" + var + "': '" + value + "' is not a JID", e);
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
