package org.chamberlain.app.forms;

/**
 * Why an answer cannot be submitted.
 *
 * @param var the field's variable name
 * @param label the field's label as shown to the person
 * @param message a sentence for the person ("Room Name is required.")
 */
public record FieldProblem(String var, String label, String message) {
    @Override
    public String toString() {
        return message;
    }
}
