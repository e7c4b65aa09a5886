package org.chamberlain.scripting.parse;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chamberlain.scripting.xml.Attribute;
import org.chamberlain.scripting.xml.Element;
import org.chamberlain.scripting.xml.XmlParsing;

/**
 * Reads scansion scripts line by line (see {@code shared/scansion.md}, section 1) into a {@link Script}.
 * Every problem of a file is collected and returned; nothing is thrown for bad input.
 *
 * <p>Stateless and thread-safe.
 */
public final class ScriptParser {
    private static final Pattern DECLARATION = Pattern.compile("^\\[([^\\]]*)\\]\\s*(.*?)\\s*$");
    private static final Pattern SEPARATOR = Pattern.compile("^-{3,}\\s*$");
    private static final Pattern VERB = Pattern.compile("^(\\S+?)(:?)(?:\\s+(.*?))?\\s*$");
    private static final Set<String> KNOWN_PROPERTIES =
            Set.of("jid", "password", "resource", "connect_host", "connect_port");

    /** Reads and parses a file; an unreadable file is one error at line 1. */
    public ParseResult parse(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return failure(name, "file not found");
        } catch (IOException e) {
            return failure(name, Files.isDirectory(file) ? "is a directory, not a script"
                    : "cannot be read: " + e.getMessage());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failure(name, "is not UTF-8 text");
        }
        return parse(name, text);
    }

    private static ParseResult failure(String name, String message) {
        return new ParseResult(name, null, List.of(new ScriptProblem(name, 1, 1, message)), List.of());
    }

    /** Parses script text; {@code file} names it in messages. */
    public ParseResult parse(String file, String text) {
        return new Run(file, text).parse();
    }

    /** The state of one parse. */
    private static final class Run {
        private final String file;
        private final String[] lines;
        private final List<ScriptProblem> errors = new ArrayList<>();
        private final List<ScriptProblem> warnings = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final Map<String, ClientBuilder> clients = new LinkedHashMap<>();
        private final List<Action> actions = new ArrayList<>();
        private final List<String> description = new ArrayList<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private String title;

        Run(String file, String text) {
            this.file = file;
            String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
            this.lines = body.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].endsWith("\r")) {
                    lines[i] = lines[i].substring(0, lines[i].length() - 1);
                }
            }
        }

        ParseResult parse() {
            collectNames();
            walk();
            List<ClientDeclaration> declarations = new ArrayList<>();
            for (ClientBuilder client : clients.values()) {
                ClientDeclaration declaration = client.build();
                if (declaration.jid() == null || declaration.jid().isBlank()) {
                    error(client.line, 1, "[Client] " + client.name + " has no 'jid:' property");
                }
                if (client.properties.containsKey("connect_port")) {
                    try {
                        int port = Integer.parseInt(client.properties.get("connect_port").trim());
                        if (port < 1 || port > 65535) {
                            error(client.line, 1, "connect_port of " + client.name + " must be 1 to 65535");
                        }
                    } catch (NumberFormatException e) {
                        error(client.line, 1, "connect_port of " + client.name + " is not a number: '"
                                + client.properties.get("connect_port") + "'");
                    }
                }
                declarations.add(declaration);
            }
            checkVariables();
            errors.sort(Comparator.comparingInt(ScriptProblem::line).thenComparingInt(ScriptProblem::column));
            if (!errors.isEmpty()) {
                return new ParseResult(file, null, errors, warnings);
            }
            Script script = new Script(file, title, description, tags, declarations, actions, warnings);
            return new ParseResult(file, script, List.of(), warnings);
        }

        /** First pass: names are needed to split action lines (the longest declared name wins). */
        private void collectNames() {
            for (String line : lines) {
                Matcher matcher = DECLARATION.matcher(line);
                if (matcher.matches() && "Client".equals(matcher.group(1)) && !matcher.group(2).isEmpty()) {
                    names.add(matcher.group(2));
                }
            }
            names.sort(Comparator.comparingInt(String::length).reversed());
        }

        private void walk() {
            boolean declarationsStarted = false;
            ClientBuilder client = null;
            PendingAction action = null;
            for (int index = 0; index < lines.length; index++) {
                String line = lines[index];
                int lineNumber = index + 1;
                if (line.isBlank()) {
                    client = null;
                    if (action != null) {
                        action.blockLines.add(line);
                    }
                    continue;
                }
                char first = line.charAt(0);
                if (first == '\t' || first == ' ') {
                    if (client != null) {
                        property(client, line, lineNumber);
                    } else if (action != null) {
                        if (action.verb.takesBlock()) {
                            if (action.blockLines.isEmpty() || action.firstBlockLine == 0) {
                                action.firstBlockLine = lineNumber;
                                action.blockLines.clear();
                            }
                            action.blockLines.add(line);
                        } else if (!action.reportedStrayBlock) {
                            error(lineNumber, 1, "'" + action.verb.word() + "' takes no XML block, but line "
                                    + lineNumber + " is indented like one");
                            action.reportedStrayBlock = true;
                        }
                    } else {
                        error(lineNumber, 1, "indented line that belongs to no [Client] declaration or action");
                    }
                    continue;
                }
                finish(action);
                action = null;
                client = null;
                if (line.startsWith("#")) {
                    if (!declarationsStarted) {
                        header(line, lineNumber);
                    }
                    continue;
                }
                if (SEPARATOR.matcher(line).matches() || line.startsWith("//") || line.startsWith("--")) {
                    continue;
                }
                Matcher declaration = DECLARATION.matcher(line);
                if (line.startsWith("[") && declaration.matches()) {
                    declarationsStarted = true;
                    client = declare(declaration, lineNumber);
                    continue;
                }
                declarationsStarted = true;
                action = actionLine(line, lineNumber);
            }
            finish(action);
        }

        private void header(String line, int lineNumber) {
            if (line.startsWith("##")) {
                String tag = line.substring(2).strip();
                if (tag.isEmpty()) {
                    return;
                }
                int colon = tag.indexOf(':');
                if (colon < 0) {
                    tags.put(tag, "");
                } else {
                    tags.put(tag.substring(0, colon).strip(), tag.substring(colon + 1).strip());
                }
                return;
            }
            String text = line.substring(1).strip();
            if (title == null) {
                title = text;
            } else {
                description.add(text);
            }
        }

        private ClientBuilder declare(Matcher declaration, int lineNumber) {
            String type = declaration.group(1);
            String name = declaration.group(2);
            if (!"Client".equals(type)) {
                error(lineNumber, 2, "unknown declaration [" + type + "]: only [Client] is supported");
                return new ClientBuilder(name, lineNumber);
            }
            if (name.isEmpty()) {
                error(lineNumber, 1, "[Client] needs a name, e.g. '[Client] Romeo'");
                return new ClientBuilder(name, lineNumber);
            }
            if (clients.containsKey(name)) {
                error(lineNumber, 10, "[Client] " + name + " is declared twice (first at line "
                        + clients.get(name).line + ")");
                return new ClientBuilder(name, lineNumber);
            }
            ClientBuilder builder = new ClientBuilder(name, lineNumber);
            clients.put(name, builder);
            return builder;
        }

        private void property(ClientBuilder client, String line, int lineNumber) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || trimmed.startsWith("//") || trimmed.startsWith("--")) {
                return;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                error(lineNumber, 1, "expected a property 'key: value' under [Client] " + client.name
                        + ", found '" + abbreviate(trimmed) + "'");
                return;
            }
            String key = trimmed.substring(0, colon).strip();
            String value = trimmed.substring(colon + 1).strip();
            if (!KNOWN_PROPERTIES.contains(key)) {
                warnings.add(new ScriptProblem(file, lineNumber, line.indexOf(key) + 1,
                        "unknown property '" + key + "' of [Client] " + client.name + " is ignored"));
            }
            client.properties.put(key, value);
        }

        private PendingAction actionLine(String line, int lineNumber) {
            String actor = null;
            for (String name : names) {
                if (line.startsWith(name + " ")) {
                    actor = name;
                    break;
                }
            }
            if (actor == null) {
                String word = line.split("\\s+", 2)[0];
                error(lineNumber, 1, "unknown actor '" + word + "': no [Client] " + word + " is declared"
                        + (names.isEmpty() ? "" : " (declared: " + String.join(", ", reversed(names)) + ")"));
                return new PendingAction(null, Verb.SENDS, lineNumber, 1, true);
            }
            String rest = line.substring(actor.length() + 1);
            int verbColumn = actor.length() + 2 + (rest.length() - rest.stripLeading().length());
            Matcher matcher = VERB.matcher(rest.strip());
            if (!matcher.matches()) {
                error(lineNumber, verbColumn, "expected a verb after '" + actor + "'");
                return new PendingAction(null, Verb.SENDS, lineNumber, verbColumn, true);
            }
            String word = matcher.group(1);
            boolean colon = !matcher.group(2).isEmpty();
            String trailing = matcher.group(3) == null ? "" : matcher.group(3);
            Verb verb;
            switch (word) {
                case "connects" -> verb = Verb.CONNECTS;
                case "disconnects" -> verb = Verb.DISCONNECTS;
                case "sends" -> verb = Verb.SENDS;
                case "receives" -> verb = "nothing".equals(trailing) ? Verb.RECEIVES_NOTHING : Verb.RECEIVES;
                default -> {
                    error(lineNumber, verbColumn, "unknown verb '" + word + "' (expected connects, disconnects, "
                            + "sends, receives or receives: nothing)");
                    return new PendingAction(null, Verb.SENDS, lineNumber, verbColumn, true);
                }
            }
            if (verb != Verb.RECEIVES_NOTHING && !trailing.isEmpty()) {
                error(lineNumber, verbColumn, "unexpected text after '" + actor + " " + word + (colon ? ":" : "")
                        + "': '" + abbreviate(trailing) + "'");
                return new PendingAction(null, verb, lineNumber, verbColumn, true);
            }
            if (verb == Verb.RECEIVES_NOTHING && !colon) {
                warnings.add(new ScriptProblem(file, lineNumber, verbColumn,
                        "'receives nothing' is read as 'receives: nothing'"));
            }
            return new PendingAction(actor, verb, lineNumber, 1, false);
        }

        private void finish(PendingAction action) {
            if (action == null || action.broken) {
                return;
            }
            if (!action.verb.takesBlock()) {
                if (!action.reportedStrayBlock) {
                    actions.add(new Action(actions.size(), action.actor, action.verb, null, action.line,
                            action.column));
                }
                return;
            }
            if (action.firstBlockLine == 0) {
                error(action.line, action.column, "'" + action.actor + " " + action.verb.word()
                        + "' needs an XML block: indented lines (starting with a tab) right below it");
                return;
            }
            int firstLine = action.firstBlockLine;
            String block = String.join("\n", action.blockLines);
            List<Element> elements;
            try {
                elements = XmlParsing.parseBlock(block, (line, column) -> new int[] {firstLine + line - 1, column});
            } catch (XmlParsing.XmlProblem problem) {
                int line = Math.min(problem.line(), firstLine + action.blockLines.size() - 1);
                error(line, problem.column(), "malformed XML in the block of '" + action.actor + " "
                        + action.verb.word() + "' (line " + action.line + "): " + problem.getMessage());
                return;
            }
            if (elements.isEmpty()) {
                error(firstLine, 1, "the block of '" + action.actor + " " + action.verb.word()
                        + "' holds no XML element");
                return;
            }
            if (elements.size() > 1) {
                Element extra = elements.get(1);
                warnings.add(new ScriptProblem(file, extra.line(), extra.column(), "the block of '" + action.actor
                        + " " + action.verb.word() + "' (line " + action.line + ") holds " + elements.size()
                        + " elements; only the first is used"));
            }
            actions.add(new Action(actions.size(), action.actor, action.verb, elements.get(0), action.line,
                    action.column));
        }

        /**
         * Unknown variables and full JIDs of accounts that have not connected yet are script errors. A full JID
         * stays valid after its account disconnects: Prosody's blocking.scs expects the unavailable presence of
         * an account that has just disconnected, from its full JID.
         */
        private void checkVariables() {
            Set<String> connected = new HashSet<>();
            for (Action action : actions) {
                switch (action.verb()) {
                    case CONNECTS -> connected.add(action.actor());
                    default -> {
                        if (action.stanza() != null) {
                            checkElement(action.stanza(), action, connected);
                        }
                    }
                }
            }
        }

        private void checkElement(Element element, Action action, Set<String> connected) {
            for (Attribute attribute : element.attributes()) {
                for (Variables.Reference reference : Variables.references(attribute.value())) {
                    if (!reference.wellFormed()) {
                        error(element.line(), element.column(), "unknown variable " + reference.raw() + " in "
                                + attribute.qualifiedName() + "=: use ${Name's JID} or ${Name's full JID}");
                    } else if (!clients.containsKey(reference.account())) {
                        error(element.line(), element.column(), "unknown variable " + reference.raw()
                                + ": no [Client] " + reference.account() + " is declared");
                    } else if (reference.full() && !connected.contains(reference.account())) {
                        error(element.line(), element.column(), reference.raw() + " is used in '" + action.describe()
                                + "' (line " + action.line() + ") before " + reference.account()
                                + " connects: a full JID exists only after '" + reference.account()
                                + " connects'");
                    }
                }
            }
            for (Element child : element.children()) {
                checkElement(child, action, connected);
            }
        }

        private void error(int line, int column, String message) {
            errors.add(new ScriptProblem(file, line, column, message));
        }

        private static List<String> reversed(List<String> byLength) {
            List<String> copy = new ArrayList<>(byLength);
            copy.sort(null);
            return copy;
        }

        private static String abbreviate(String text) {
            return text.length() <= 40 ? text : text.substring(0, 37) + "...";
        }
    }

    private static final class ClientBuilder {
        final String name;
        final int line;
        final Map<String, String> properties = new LinkedHashMap<>();

        ClientBuilder(String name, int line) {
            this.name = name;
            this.line = line;
        }

        ClientDeclaration build() {
            return new ClientDeclaration(name, properties, line, 1);
        }
    }

    private static final class PendingAction {
        final String actor;
        final Verb verb;
        final int line;
        final int column;
        final boolean broken;
        final List<String> blockLines = new ArrayList<>();
        int firstBlockLine;
        boolean reportedStrayBlock;

        PendingAction(String actor, Verb verb, int line, int column, boolean broken) {
            this.actor = actor;
            this.verb = verb;
            this.line = line;
            this.column = column;
            this.broken = broken;
        }
    }
}
