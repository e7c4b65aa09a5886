package org.chamberlain.app.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of a form as the server defined it: immutable, shared by every edit of the form.
 *
 * @param var the variable name; empty only for {@link FieldType#FIXED} fields, which may have none
 * @param type the XEP-0004 type
 * @param label the label for the person, if any (see {@link #displayLabel()})
 * @param description the longer help text, if any
 * @param required whether the server demands an answer
 * @param options the choices of list fields, in the server's order (empty for other types)
 * @param values the values the server sent (the current settings of a configuration form)
 */
public record FieldDefinition(Optional<String> var, FieldType type, Optional<String> label,
        Optional<String> description, boolean required, List<FieldOption> options, List<String> values) {

    public FieldDefinition {
        Objects.requireNonNull(var, "var");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        options = List.copyOf(options);
        values = List.copyOf(values);
        if (var.isEmpty() && type != FieldType.FIXED) {
            throw new IllegalArgumentException("Only fixed fields may lack a variable name (a " + type.xmppName()
                    + " field has none)");
        }
        if (var.isPresent() && var.get().isEmpty()) {
            throw new IllegalArgumentException("A variable name must not be empty");
        }
        if (!options.isEmpty() && !type.hasOptions()) {
            throw new IllegalArgumentException("Field '" + var.orElse("") + "' of type " + type.xmppName()
                    + " cannot have options");
        }
        if (!type.isMultiValued() && type != FieldType.FIXED && values.size() > 1) {
            throw new IllegalArgumentException("Field '" + var.orElse("") + "' of type " + type.xmppName()
                    + " has " + values.size() + " values; at most one is allowed");
        }
    }

    /** Starts a field definition; fixed fields may pass {@code null} as var. */
    public static Builder builder(String var, FieldType type) {
        return new Builder(var, type);
    }

    /** The label, else the variable name: never empty for editable fields. */
    public String displayLabel() {
        return label.or(() -> var).orElse("");
    }

    /** The variable name; only call for fields that have one. */
    public String name() {
        return var.orElseThrow(() -> new IllegalStateException("This fixed field has no variable name"));
    }

    /** The label of the option with this value, else the value itself. */
    public String optionLabel(String value) {
        return options.stream().filter(o -> o.value().equals(value)).map(FieldOption::label).findFirst()
                .orElse(value);
    }

    /** Builds field definitions by hand (tests, and forms that do not come from a server). */
    public static final class Builder {
        private final String var;
        private final FieldType type;
        private String label;
        private String description;
        private boolean required;
        private final ArrayList<FieldOption> options = new ArrayList<>();
        private final ArrayList<String> values = new ArrayList<>();

        private Builder(String var, FieldType type) {
            this.var = var;
            this.type = type;
        }

        public Builder label(String newLabel) {
            this.label = newLabel;
            return this;
        }

        public Builder description(String newDescription) {
            this.description = newDescription;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder option(String optionLabel, String value) {
            options.add(new FieldOption(optionLabel, value));
            return this;
        }

        public Builder values(String... newValues) {
            values.addAll(List.of(newValues));
            return this;
        }

        public FieldDefinition build() {
            return new FieldDefinition(Optional.ofNullable(var), type, Optional.ofNullable(label),
                    Optional.ofNullable(description), required, options, values);
        }
    }
}
