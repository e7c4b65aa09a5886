package org.chamberlain.app.forms;

import java.util.List;

/**
 * A field whose answer differs from what the server sent.
 *
 * @param var the variable name
 * @param label the label shown to the person
 * @param type the field type
 * @param before the server's values
 * @param after the new values
 */
public record FieldChange(String var, String label, FieldType type, List<String> before, List<String> after) {
    public FieldChange {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** "Room Name: 'a' → 'b'" (private text is never shown). */
    public String describe() {
        if (type == FieldType.TEXT_PRIVATE) {
            return label + ": changed";
        }
        if (type == FieldType.BOOLEAN) {
            return label + ": " + yesNo(before) + " → " + yesNo(after);
        }
        return label + ": " + show(before) + " → " + show(after);
    }

    private static String yesNo(List<String> values) {
        // XEP-0004: a boolean without a value is false.
        String first = values.isEmpty() ? "0" : values.get(0);
        return FormValues.parseBoolean(first).map(b -> b ? "yes" : "no").orElse(first);
    }

    private static String show(List<String> values) {
        if (values.isEmpty()) {
            return "(empty)";
        }
        return values.size() == 1 ? "'" + values.get(0) + "'" : values.toString();
    }
}
