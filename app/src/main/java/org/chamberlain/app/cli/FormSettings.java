package org.chamberlain.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chamberlain.app.forms.FieldDefinition;
import org.chamberlain.app.forms.FieldType;
import org.chamberlain.app.forms.FormAnswers;
import org.chamberlain.app.forms.FormDefinition;

/**
 * Applies {@code --set KEY=VALUE} options to a form's answers.
 *
 * <p>KEY is a field's variable name, or its short name without the {@code muc#roomconfig_} / {@code
 * muc#roominfo_} prefix or a {@code {namespace}roomconfig_} prefix ({@code roomname}, {@code membersonly},
 * {@code allowmemberinvites}). Booleans take true/false, 1/0, yes/no, on/off. For
 * multi-valued fields every {@code --set} of the same KEY adds one value (one line of text-multi, one choice,
 * one JID); {@code KEY=} alone clears the field. Pure; any thread.
 */
final class FormSettings {
    private static final List<String> PREFIXES = List.of("muc#roomconfig_", "muc#roominfo_", "muc#");

    private FormSettings() {
    }

    static FormAnswers apply(FormDefinition form, FormAnswers answers, List<String> settings) throws UsageException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("--set needs KEY=VALUE, not '" + setting + "'.");
            }
            String key = setting.substring(0, equals).strip();
            String value = setting.substring(equals + 1);
            FieldDefinition field = resolve(form, key);
            List<String> list = values.computeIfAbsent(field.name(), k -> new ArrayList<>());
            if (field.type() == FieldType.BOOLEAN) {
                list.clear();
                list.add(booleanValue(key, value));
            } else if (!value.isEmpty()) {
                list.add(value);
            }
        }
        FormAnswers result = answers;
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            result = result.with(entry.getKey(), entry.getValue());
        }
        return result;
    }

    static FieldDefinition resolve(FormDefinition form, String key) throws UsageException {
        Optional<FieldDefinition> exact = form.field(key);
        if (exact.isPresent()) {
            return editable(exact.get(), key);
        }
        for (FieldDefinition field : form.fields()) {
            if (field.var().isPresent() && shortName(field.name()).equals(key)) {
                return editable(field, key);
            }
        }
        List<String> known = new ArrayList<>();
        for (FieldDefinition field : form.fields()) {
            if (field.type().isEditable() && field.var().isPresent()) {
                known.add(shortName(field.name()));
            }
        }
        throw new UsageException("The form has no field '" + key + "'. Fields: " + String.join(", ", known) + ".");
    }

    /**
     * The name to type: the variable without a well-known prefix, also after a Clark-notation namespace
     * ({@code {http://prosody.im/protocol/muc}roomconfig_allowmemberinvites} → {@code allowmemberinvites}).
     */
    static String shortName(String var) {
        String name = var.startsWith("{") && var.indexOf('}') > 0 ? var.substring(var.indexOf('}') + 1) : var;
        for (String prefix : PREFIXES) {
            if (name.startsWith(prefix)) {
                return name.substring(prefix.length());
            }
        }
        return name.startsWith("roomconfig_") ? name.substring("roomconfig_".length()) : name;
    }

    private static FieldDefinition editable(FieldDefinition field, String key) throws UsageException {
        if (!field.type().isEditable()) {
            throw new UsageException("'" + key + "' is a " + field.type().xmppName() + " field and cannot be set.");
        }
        return field;
    }

    private static String booleanValue(String key, String value) throws UsageException {
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "1":
            case "true":
            case "yes":
            case "on":
                return "1";
            case "0":
            case "false":
            case "no":
            case "off":
                return "0";
            default:
                throw new UsageException("'" + key + "' is yes or no (true/false, 1/0, on/off), not '" + value + "'.");
        }
    }
}
