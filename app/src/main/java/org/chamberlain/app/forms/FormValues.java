package org.chamberlain.app.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/** Lexical rules of XEP-0004 values: booleans, JIDs, and the comparison used for the diff. */
final class FormValues {
    private FormValues() {
    }

    /** XEP-0004 booleans are "0", "1", "false" or "true". */
    static Optional<Boolean> parseBoolean(String text) {
        switch (text.trim()) {
            case "1":
            case "true":
                return Optional.of(Boolean.TRUE);
            case "0":
            case "false":
                return Optional.of(Boolean.FALSE);
            default:
                return Optional.empty();
        }
    }

    /** Why this is not a JID, or empty when it is one. */
    static Optional<String> jidProblem(String text) {
        if (text.isBlank()) {
            return Optional.of("an empty address is not a JID");
        }
        if (!text.equals(text.strip())) {
            return Optional.of("'" + text + "' has spaces around it");
        }
        try {
            JidCreate.from(text);
            return Optional.empty();
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return Optional.of("'" + text + "' is not a valid JID (" + e.getMessage() + ")");
        }
    }

    /**
     * The values in a form that compares equal whenever the server would see the same setting: booleans in one
     * spelling, a boolean without value as false, choices and JID lists as sorted sets.
     */
    static List<String> canonical(FieldType type, List<String> values) {
        if (type == FieldType.BOOLEAN) {
            String first = values.isEmpty() ? "0" : values.get(0);
            return List.of(parseBoolean(first).map(b -> b ? "1" : "0").orElse(first));
        }
        if (type == FieldType.TEXT_SINGLE || type == FieldType.TEXT_PRIVATE || type == FieldType.LIST_SINGLE
                || type == FieldType.JID_SINGLE) {
            // An empty value and no value mean the same thing for a single-valued field.
            return values.isEmpty() || values.get(0).isEmpty() ? List.of() : List.of(values.get(0));
        }
        if (values.size() == 1 && values.get(0).isEmpty()) {
            return List.of();
        }
        List<String> copy = new ArrayList<>(values);
        if (type.isUnordered()) {
            copy = new ArrayList<>(new TreeSet<>(copy));
        }
        return List.copyOf(copy);
    }
}
