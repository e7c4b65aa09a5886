package org.chamberlain.app.forms;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The values a person has given to a form: an immutable map from variable name to values.
 *
 * <p>Why immutable: a view model keeps the current answers in one property and replaces them on every edit
 * ({@code answers.set(answers.get().withText("muc#roomconfig_roomname", text))}); the definition never changes,
 * so "changed", "invalid" and "what will be sent" are pure functions of (definition, answers) that can be
 * recomputed on any thread and compared in tests. Multi-valued fields hold one entry per line, choice or JID;
 * booleans hold {@code "1"} or {@code "0"} (any XEP-0004 spelling is accepted and normalised on comparison).
 *
 * <p>Thread-safe (immutable); every {@code with…} method returns a new instance.
 */
public final class FormAnswers {
    private static final FormAnswers EMPTY = new FormAnswers(Map.of());

    private final Map<String, List<String>> values;

    private FormAnswers(Map<String, List<String>> values) {
        this.values = values;
    }

    public static FormAnswers empty() {
        return EMPTY;
    }

    /** Answers with exactly these values (copied). */
    public static FormAnswers of(Map<String, ? extends Collection<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((var, list) -> copy.put(Objects.requireNonNull(var, "var"), List.copyOf(list)));
        return new FormAnswers(Collections.unmodifiableMap(copy));
    }

    /** These answers with the values of one field replaced. */
    public FormAnswers with(String var, List<String> newValues) {
        Objects.requireNonNull(var, "var");
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        copy.put(var, List.copyOf(newValues));
        return new FormAnswers(Collections.unmodifiableMap(copy));
    }

    /** One value for a single-valued field; an empty string clears the field. */
    public FormAnswers withText(String var, String text) {
        return with(var, text == null || text.isEmpty() ? List.of() : List.of(text));
    }

    /** A text-multi field from text with line breaks (one value per line, as XEP-0004 wants). */
    public FormAnswers withLines(String var, String text) {
        return with(var, text == null || text.isEmpty() ? List.of() : List.of(text.split("\r?\n", -1)));
    }

    public FormAnswers withBoolean(String var, boolean value) {
        return with(var, List.of(value ? "1" : "0"));
    }

    /** The values given for a field; empty when none were. */
    public List<String> values(String var) {
        return values.getOrDefault(var, List.of());
    }

    /** Whether this field has an entry at all (possibly empty). */
    public boolean has(String var) {
        return values.containsKey(var);
    }

    /** The first value, or an empty string. */
    public String text(String var) {
        List<String> list = values(var);
        return list.isEmpty() ? "" : list.get(0);
    }

    /** The values joined with line breaks, as a text-multi field shows them. */
    public String lines(String var) {
        return String.join("\n", values(var));
    }

    /** The boolean value; XEP-0004 says an absent boolean is false. Invalid spellings read as false. */
    public boolean bool(String var) {
        return FormValues.parseBoolean(text(var)).orElse(false);
    }

    public Set<String> vars() {
        return values.keySet();
    }

    public Map<String, List<String>> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FormAnswers that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "FormAnswers" + values;
    }
}
