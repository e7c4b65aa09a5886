package org.chamberlain.app.forms;

import java.util.Objects;

/**
 * One choice of a list field: the value sent to the server and the label shown to the person.
 *
 * @param label what to show; falls back to the value when the server gave no label
 * @param value what is submitted
 */
public record FieldOption(String label, String value) {
    public FieldOption {
        Objects.requireNonNull(value, "value");
        if (label == null || label.isBlank()) {
            label = value;
        }
    }

    public static FieldOption of(String value) {
        return new FieldOption(null, value);
    }
}
