package org.chamberlain.scripting.match;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chamberlain.scripting.xml.Attribute;
import org.chamberlain.scripting.xml.Element;
import org.chamberlain.scripting.xml.Namespaces;

/**
 * Matches an expected element (from a script, variables already substituted) against a received one, following
 * section 4 of the scansion contract:
 * <ul>
 * <li>names and namespaces equal, prefixes ignored;</li>
 * <li>mode from {@code scansion:strict}, else non-strict in {@code jabber:client} and strict elsewhere;</li>
 * <li>every expected attribute present and equal ({@code {scansion:any}}: present; {@code
 * {scansion:capture:NAME}}: binds or compares); strict: no extra attributes;</li>
 * <li>text compared (trimmed) only when the expected text is not blank;</li>
 * <li>children: non-strict, each expected child matches a distinct received child in any order; strict, the
 * same number of children matched pairwise in order.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class StanzaMatcher {
    public static final String ANY = "{scansion:any}";
    private static final String CAPTURE_PREFIX = "{scansion:capture:";

    private StanzaMatcher() {
    }

    /**
     * @param captures values bound by earlier matches of the script; not modified (new bindings are in the
     *     result, to be committed only when the caller accepts the match)
     */
    public static MatchResult match(Element expected, Element received, Map<String, String> captures) {
        Outcome outcome = compare(expected, received, "/" + expected.localName(), captures);
        if (outcome.difference == null) {
            return MatchResult.success(outcome.score, newBindings(outcome.bindings, captures));
        }
        return MatchResult.failure(outcome.difference, outcome.score);
    }

    /**
     * True when {@code receivedXml} certainly does not match {@code expected}, judged from its start tag without
     * parsing it: another element name, or an unprefixed attribute the expected element gives a plain value
     * (not {@code {scansion:any}}, not a capture) that is missing or different. False means "parse it and
     * {@link #match}". Where the raw text needs XML decoding to be sure (entities, line ends in a value,
     * prefixes, anything unusual), this says false. A room of many accounts queues many stanzas a
     * {@code receives} skips; most are ruled out here (docs/benchmarks.md, "single-threaded I/O").
     */
    public static boolean cannotMatch(Element expected, String receivedXml) {
        int length = receivedXml.length();
        if (length < 2 || receivedXml.charAt(0) != '<') {
            return false;
        }
        int position = 1;
        while (position < length && !isTagNameEnd(receivedXml.charAt(position))) {
            position++;
        }
        String name = expected.localName();
        if (position - 1 != name.length() || !receivedXml.startsWith(name, 1)) {
            // A prefixed name (p:message) is left to the parser; an unprefixed one is the local name.
            return receivedXml.lastIndexOf(':', position - 1) < 0;
        }
        for (Attribute attribute : expected.attributes()) {
            String value = attribute.value();
            if (!attribute.namespace().isEmpty() || ANY.equals(value) || value.startsWith(CAPTURE_PREFIX)) {
                continue;
            }
            int found = rawAttribute(receivedXml, position, attribute.localName());
            if (found == UNSURE) {
                return false;
            }
            if (found == MISSING) {
                return true;
            }
            int end = receivedXml.indexOf(receivedXml.charAt(found - 1), found);
            if (end - found != value.length() || !receivedXml.startsWith(value, found)) {
                return true;
            }
        }
        return false;
    }

    private static final int MISSING = -1;
    private static final int UNSURE = -2;

    private static boolean isTagNameEnd(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>';
    }

    /**
     * Where the value of the unprefixed attribute {@code name} starts in the start tag beginning at
     * {@code from}, {@link #MISSING}, or {@link #UNSURE} (a value that needs decoding, or a tag this simple
     * reading does not understand).
     */
    private static int rawAttribute(String xml, int from, String name) {
        int length = xml.length();
        int position = from;
        while (true) {
            while (position < length && Character.isWhitespace(xml.charAt(position))) {
                position++;
            }
            if (position >= length) {
                return UNSURE;
            }
            char c = xml.charAt(position);
            if (c == '>' || c == '/') {
                return MISSING;
            }
            int nameStart = position;
            while (position < length && xml.charAt(position) != '=' && !Character.isWhitespace(xml.charAt(position))
                    && xml.charAt(position) != '>') {
                position++;
            }
            int nameEnd = position;
            while (position < length && Character.isWhitespace(xml.charAt(position))) {
                position++;
            }
            if (position >= length || xml.charAt(position) != '=') {
                return UNSURE;
            }
            position++;
            while (position < length && Character.isWhitespace(xml.charAt(position))) {
                position++;
            }
            if (position >= length || xml.charAt(position) != '\'' && xml.charAt(position) != '"') {
                return UNSURE;
            }
            char quote = xml.charAt(position);
            int valueStart = position + 1;
            int valueEnd = xml.indexOf(quote, valueStart);
            if (valueEnd < 0) {
                return UNSURE;
            }
            if (nameEnd - nameStart == name.length() && xml.startsWith(name, nameStart)) {
                for (int i = valueStart; i < valueEnd; i++) {
                    char v = xml.charAt(i);
                    if (v == '&' || v == '<' || v == '\t' || v == '\r' || v == '\n') {
                        return UNSURE;
                    }
                }
                return valueStart;
            }
            position = valueEnd + 1;
        }
    }

    /** True when the element is compared strictly (section 4, "Mode"). */
    public static boolean isStrict(Element expected) {
        String mode = expected.attribute(Namespaces.SCANSION, "strict");
        if (mode != null) {
            return "true".equalsIgnoreCase(mode.strip());
        }
        return !Namespaces.JABBER_CLIENT.equals(expected.namespace());
    }

    private static Map<String, String> newBindings(Map<String, String> all, Map<String, String> before) {
        if (all == before) {
            return Map.of();
        }
        Map<String, String> added = new HashMap<>();
        all.forEach((key, value) -> {
            if (!before.containsKey(key)) {
                added.put(key, value);
            }
        });
        return added;
    }

    private static final class Outcome {
        final Difference difference;
        final int score;
        final Map<String, String> bindings;

        Outcome(Difference difference, int score, Map<String, String> bindings) {
            this.difference = difference;
            this.score = score;
            this.bindings = bindings;
        }
    }

    private static Outcome compare(Element e, Element r, String path, Map<String, String> bindings) {
        if (!e.localName().equals(r.localName()) || !e.namespace().equals(r.namespace())) {
            String sentence = e.localName().equals(r.localName())
                    ? "namespace is '" + r.namespace() + "', expected '" + e.namespace() + "'"
                    : "element is <" + r.displayName() + ">, expected <" + e.displayName() + ">";
            return new Outcome(new Difference(path, e.displayName(), r.displayName(), sentence), 0, bindings);
        }
        boolean strict = isStrict(e);
        int score = 2;
        Difference first = null;
        Map<String, String> current = bindings;
        for (Attribute attribute : e.attributes()) {
            if (Namespaces.SCANSION.equals(attribute.namespace())) {
                continue;
            }
            String expectedValue = attribute.value();
            String receivedValue = r.attribute(attribute.namespace(), attribute.localName());
            String attributePath = path + "/@" + attribute.qualifiedName();
            if (receivedValue == null) {
                if (first == null) {
                    first = new Difference(attributePath, expectedValue, null,
                            "attribute " + attribute.qualifiedName() + " is missing, expected '" + expectedValue + "'");
                }
                continue;
            }
            if (ANY.equals(expectedValue)) {
                score++;
                continue;
            }
            if (expectedValue.startsWith(CAPTURE_PREFIX) && expectedValue.endsWith("}")) {
                String name = expectedValue.substring(CAPTURE_PREFIX.length(), expectedValue.length() - 1);
                String bound = current.get(name);
                if (bound == null) {
                    if (current == bindings) {
                        current = new HashMap<>(bindings);
                    }
                    current.put(name, receivedValue);
                    score++;
                } else if (bound.equals(receivedValue)) {
                    score++;
                } else if (first == null) {
                    first = new Difference(attributePath, bound, receivedValue, "attribute "
                            + attribute.qualifiedName() + " is '" + receivedValue + "', but capture " + name
                            + " holds '" + bound + "'");
                }
                continue;
            }
            if (expectedValue.equals(receivedValue)) {
                score++;
            } else if (first == null) {
                first = new Difference(attributePath, expectedValue, receivedValue, "attribute "
                        + attribute.qualifiedName() + " is '" + receivedValue + "', expected '" + expectedValue + "'");
            }
        }
        if (strict && first == null) {
            for (Attribute attribute : r.attributes()) {
                String expectedValue = e.attribute(attribute.namespace(), attribute.localName());
                if (expectedValue == null) {
                    first = new Difference(path + "/@" + attribute.qualifiedName(), null, attribute.value(),
                            "unexpected attribute " + attribute.qualifiedName() + "='" + attribute.value()
                                    + "' (strict mode)");
                    break;
                }
            }
        }
        if (e.hasText()) {
            String expectedText = e.text().strip();
            String receivedText = r.text().strip();
            if (expectedText.equals(receivedText)) {
                score++;
            } else if (first == null) {
                first = new Difference(path + "/text()", expectedText, receivedText,
                        "text is '" + abbreviate(receivedText) + "', expected '" + abbreviate(expectedText) + "'");
            }
        }
        if (first != null) {
            // Still score the children so that the closest candidate can be chosen well.
            return new Outcome(first, score + childrenScore(e, r, path, current), bindings);
        }
        return strict ? strictChildren(e, r, path, current, score) : looseChildren(e, r, path, current, score);
    }

    private static int childrenScore(Element e, Element r, String path, Map<String, String> bindings) {
        int total = 0;
        for (Element expectedChild : e.children()) {
            int best = 0;
            for (Element receivedChild : r.children()) {
                if (expectedChild.localName().equals(receivedChild.localName())) {
                    best = Math.max(best, compare(expectedChild, receivedChild, path, bindings).score);
                }
            }
            total += best;
        }
        return total;
    }

    private static Outcome strictChildren(Element e, Element r, String path, Map<String, String> bindings,
            int score) {
        List<Element> expected = e.children();
        List<Element> received = r.children();
        Map<String, String> current = bindings;
        int total = score;
        int common = Math.min(expected.size(), received.size());
        for (int i = 0; i < common; i++) {
            Outcome child = compare(expected.get(i), received.get(i), childPath(path, e, i), current);
            total += child.score;
            if (child.difference != null) {
                return new Outcome(child.difference, total, bindings);
            }
            current = child.bindings;
        }
        if (expected.size() != received.size()) {
            String sentence = received.size() > expected.size()
                    ? "unexpected child <" + received.get(common).displayName() + "> (strict mode: "
                            + received.size() + " children, expected " + expected.size() + ")"
                    : "child <" + expected.get(common).displayName() + "> is missing (strict mode: "
                            + received.size() + " children, expected " + expected.size() + ")";
            String expectedName = expected.size() > common ? expected.get(common).displayName() : null;
            String receivedName = received.size() > common ? received.get(common).displayName() : null;
            return new Outcome(new Difference(path, expectedName, receivedName, sentence), total, bindings);
        }
        return new Outcome(null, total, current);
    }

    private static Outcome looseChildren(Element e, Element r, String path, Map<String, String> bindings,
            int score) {
        List<Element> expected = e.children();
        List<Element> received = r.children();
        if (expected.isEmpty()) {
            return new Outcome(null, score, bindings);
        }
        int n = expected.size();
        int m = received.size();
        Outcome[][] pairs = new Outcome[n][m];
        int total = score;
        for (int i = 0; i < n; i++) {
            Element expectedChild = expected.get(i);
            int best = 0;
            boolean anyMatch = false;
            Outcome closest = null;
            for (int j = 0; j < m; j++) {
                Element receivedChild = received.get(j);
                if (!expectedChild.localName().equals(receivedChild.localName())) {
                    continue;
                }
                Outcome pair = compare(expectedChild, receivedChild, childPath(path, e, i), bindings);
                pairs[i][j] = pair;
                if (pair.difference == null) {
                    anyMatch = true;
                } else if (closest == null || pair.score > closest.score) {
                    closest = pair;
                }
                best = Math.max(best, pair.score);
            }
            total += best;
            if (!anyMatch) {
                if (closest == null) {
                    return new Outcome(new Difference(childPath(path, e, i), expectedChild.displayName(), null,
                            "child <" + expectedChild.displayName() + "> is missing"), total, bindings);
                }
                return new Outcome(closest.difference, total, bindings);
            }
        }
        int[] assignment = new int[n];
        boolean[] used = new boolean[m];
        Map<String, String> assigned = assign(0, expected, received, pairs, assignment, used, bindings, path, e);
        if (assigned == null) {
            return new Outcome(new Difference(path, null, null, "the " + n + " expected children cannot each be "
                    + "matched by a different received child"), total, bindings);
        }
        return new Outcome(null, total, assigned);
    }

    /** Backtracking search for distinct received children, threading captures through; null if none. */
    private static Map<String, String> assign(int i, List<Element> expected, List<Element> received,
            Outcome[][] pairs, int[] assignment, boolean[] used, Map<String, String> bindings, String path,
            Element parent) {
        if (i == expected.size()) {
            return bindings;
        }
        for (int j = 0; j < received.size(); j++) {
            Outcome pair = pairs[i][j];
            if (used[j] || pair == null || pair.difference != null) {
                continue;
            }
            Map<String, String> next = bindings;
            if (pair.bindings != bindings && !pair.bindings.isEmpty()) {
                // A capture bound by a sibling may change this child's verdict: compare again with it.
                Outcome again = compare(expected.get(i), received.get(j), childPath(path, parent, i), bindings);
                if (again.difference != null) {
                    continue;
                }
                next = again.bindings;
            }
            used[j] = true;
            assignment[i] = j;
            Map<String, String> result = assign(i + 1, expected, received, pairs, assignment, used, next, path,
                    parent);
            if (result != null) {
                return result;
            }
            used[j] = false;
        }
        return null;
    }

    private static String childPath(String path, Element parent, int index) {
        Element child = parent.children().get(index);
        int sameName = 0;
        int position = 0;
        for (int k = 0; k < parent.children().size(); k++) {
            if (parent.children().get(k).localName().equals(child.localName())) {
                sameName++;
                if (k == index) {
                    position = sameName;
                }
            }
        }
        return path + "/" + child.localName() + (sameName > 1 ? "[" + position + "]" : "");
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
