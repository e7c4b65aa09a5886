package org.chamberlain.scripting.parse;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed scansion script: header (title, description, tags), client declarations and actions in file order.
 * Immutable; safe to share between threads.
 *
 * @param file the name the script was read from (used in every message)
 * @param tags {@code ## name} / {@code ## name: value} lines; a tag without value maps to {@code ""}
 */
public record Script(String file, String title, List<String> description, Map<String, String> tags,
        List<ClientDeclaration> clients, List<Action> actions, List<ScriptProblem> warnings) {
    public Script {
        Objects.requireNonNull(file, "file");
        description = List.copyOf(description);
        tags = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
        clients = List.copyOf(clients);
        actions = List.copyOf(actions);
        warnings = List.copyOf(warnings);
    }

    public ClientDeclaration client(String name) {
        for (ClientDeclaration client : clients) {
            if (client.name().equals(name)) {
                return client;
            }
        }
        return null;
    }
}
