package org.chamberlain.views.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a script's {@code [Client]} names to real accounts by rewriting the values of the {@code jid} and
 * {@code password} property lines in a copy of the script. Only existing lines are changed, so line numbers
 * stay the same and the replayer's verdicts still point at the editor's lines. Pure; any thread.
 */
public final class ScriptAccounts {
    private static final Pattern DECLARATION = Pattern.compile("^\\[Client\\]\\s+(\\S.*?)\\s*$");
    private static final Pattern PROPERTY = Pattern.compile("^(\\s+)(jid|password)(\\s*:\\s*)(.*?)\\s*$");

    /** The account a client name is mapped to; null fields keep the script's value. */
    public record Mapping(String jid, String password) {
    }

    /** One declared client with what the script says about it. */
    public record Declared(String name, String jid, String password, int line) {
    }

    private ScriptAccounts() {
    }

    /** The script's declarations in file order (for the mapping table). */
    public static List<Declared> declared(String text) {
        Map<String, Declared> clients = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        String current = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\r", "");
            Matcher declaration = DECLARATION.matcher(line);
            if (declaration.matches()) {
                current = declaration.group(1);
                clients.put(current, new Declared(current, null, null, i + 1));
                continue;
            }
            Matcher property = PROPERTY.matcher(line);
            if (current != null && property.matches()) {
                Declared d = clients.get(current);
                clients.put(current, property.group(2).equals("jid")
                        ? new Declared(d.name(), property.group(4), d.password(), d.line())
                        : new Declared(d.name(), d.jid(), property.group(4), d.line()));
            } else if (line.isBlank() || !Character.isWhitespace(line.isEmpty() ? 'x' : line.charAt(0))) {
                current = null;
            }
        }
        return new ArrayList<>(clients.values());
    }

    /**
     * A copy of {@code text} where each mapped client's {@code jid} and {@code password} values are replaced.
     *
     * @throws IllegalArgumentException when a mapping needs a property line the script lacks (adding a line
     *                                  would shift every verdict's line number)
     */
    public static String rewrite(String text, Map<String, Mapping> mappings) {
        String[] lines = text.split("\n", -1);
        String current = null;
        Map<String, List<String>> replaced = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            boolean crlf = lines[i].endsWith("\r");
            String line = crlf ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            Matcher declaration = DECLARATION.matcher(line);
            if (declaration.matches()) {
                current = declaration.group(1);
                continue;
            }
            Matcher property = PROPERTY.matcher(line);
            if (current != null && property.matches() && mappings.containsKey(current)) {
                Mapping mapping = mappings.get(current);
                String value = property.group(2).equals("jid") ? mapping.jid() : mapping.password();
                if (value != null && !value.isEmpty()) {
                    lines[i] = property.group(1) + property.group(2) + property.group(3) + value + (crlf ? "\r" : "");
                    replaced.computeIfAbsent(current, k -> new ArrayList<>()).add(property.group(2));
                }
            } else if (line.isBlank() || !Character.isWhitespace(line.charAt(0))) {
                current = null;
            }
        }
        for (Map.Entry<String, Mapping> entry : mappings.entrySet()) {
            List<String> done = replaced.getOrDefault(entry.getKey(), List.of());
            if (entry.getValue().jid() != null && !entry.getValue().jid().isEmpty() && !done.contains("jid")) {
                throw new IllegalArgumentException("[Client] " + entry.getKey() + " has no jid: line to map");
            }
            if (entry.getValue().password() != null && !entry.getValue().password().isEmpty()
                    && !done.contains("password")) {
                throw new IllegalArgumentException("[Client] " + entry.getKey() + " has no password: line to map");
            }
        }
        return String.join("\n", lines);
    }
}
