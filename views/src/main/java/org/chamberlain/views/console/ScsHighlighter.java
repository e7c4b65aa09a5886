package org.chamberlain.views.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chamberlain.views.console.ScsToken.Kind;

/**
 * Splits a scansion script into highlighted ranges. Pure and stateless: call it from any thread (the editor
 * calls it off the FX thread on a snapshot of the text). It never fails on bad input: what it cannot place
 * is marked {@link Kind#UNKNOWN}; reporting errors is the parser's job.
 */
public final class ScsHighlighter {
    private static final Pattern DECLARATION = Pattern.compile("^(\\[[A-Za-z]+\\])\\s+(\\S.*?)\\s*$");
    private static final Pattern SEPARATOR = Pattern.compile("^-{3,}\\s*$");
    private static final Pattern PROPERTY = Pattern.compile("^(\\s+)([A-Za-z_][\\w-]*)(\\s*:)(.*)$");

    private ScsHighlighter() {
    }

    /** Tokens of {@code text}, ordered by start, never overlapping. */
    public static List<ScsToken> tokens(String text) {
        return new Pass(text).run();
    }

    /** The names declared with {@code [Client] Name}, longest first (the actor of a line is the longest match). */
    static List<String> declaredNames(List<Line> lines) {
        List<String> names = new ArrayList<>();
        for (Line line : lines) {
            Matcher m = DECLARATION.matcher(line.text());
            if (m.matches()) {
                names.add(m.group(2));
            }
        }
        names.sort(Comparator.comparingInt(String::length).reversed());
        return names;
    }

    record Line(int offset, String text) {
    }

    static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(new Line(start, text.substring(start, contentEnd)));
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
        return lines;
    }

    private enum XmlState { TEXT, TAG, VALUE, COMMENT }

    private static final class Pass {
        private final String text;
        private final List<ScsToken> tokens = new ArrayList<>();
        private boolean seenDeclaration;
        private boolean seenTitle;
        private boolean inProperties;
        private boolean inBlock;
        private XmlState xml = XmlState.TEXT;
        private char quote;

        Pass(String text) {
            this.text = text;
        }

        List<ScsToken> run() {
            List<Line> lines = lines(text);
            List<String> names = declaredNames(lines);
            for (Line line : lines) {
                line(line, names);
            }
            return tokens;
        }

        private void add(int start, int length, Kind kind) {
            if (length > 0) {
                tokens.add(new ScsToken(start, length, kind));
            }
        }

        private void line(Line line, List<String> names) {
            String s = line.text();
            int base = line.offset();
            if (s.isBlank()) {
                inProperties = false;
                return;
            }
            if (Character.isWhitespace(s.charAt(0))) {
                indented(line);
                return;
            }
            inProperties = false;
            inBlock = false;
            xml = XmlState.TEXT;
            if (!seenDeclaration && s.startsWith("##")) {
                add(base, s.length(), Kind.TAG);
            } else if (!seenDeclaration && s.startsWith("#")) {
                add(base, s.length(), seenTitle ? Kind.COMMENT : Kind.TITLE);
                seenTitle = true;
            } else if (SEPARATOR.matcher(s).matches()) {
                add(base, s.length(), Kind.SEPARATOR);
            } else if (s.startsWith("#") || s.startsWith("//") || s.startsWith("--")) {
                add(base, s.length(), Kind.COMMENT);
            } else if (DECLARATION.matcher(s).matches()) {
                Matcher m = DECLARATION.matcher(s);
                m.matches();
                seenDeclaration = true;
                inProperties = true;
                add(base + m.start(1), m.end(1) - m.start(1), Kind.DECLARATION);
                add(base + m.start(2), m.end(2) - m.start(2), Kind.ACTOR);
            } else {
                action(line, names);
            }
        }

        private void action(Line line, List<String> names) {
            String s = line.text();
            int base = line.offset();
            for (String name : names) {
                if (s.startsWith(name + " ")) {
                    add(base, name.length(), Kind.ACTOR);
                    int verbStart = name.length() + 1;
                    while (verbStart < s.length() && s.charAt(verbStart) == ' ') {
                        verbStart++;
                    }
                    int verbEnd = verbStart;
                    while (verbEnd < s.length() && Character.isLetter(s.charAt(verbEnd))) {
                        verbEnd++;
                    }
                    add(base + verbStart, verbEnd - verbStart, Kind.VERB);
                    String rest = s.substring(verbEnd);
                    String restTrimmed = rest.replaceFirst("^:?\\s*", "");
                    if (!restTrimmed.isEmpty()) {
                        int restStart = verbEnd + rest.indexOf(restTrimmed);
                        add(base + restStart, restTrimmed.length(), Kind.VERB);
                    }
                    inBlock = true;
                    return;
                }
            }
            add(base, s.length(), Kind.UNKNOWN);
        }

        private void indented(Line line) {
            String s = line.text();
            int base = line.offset();
            if (inProperties) {
                Matcher m = PROPERTY.matcher(s);
                if (m.matches()) {
                    add(base + m.start(2), m.end(2) - m.start(2), Kind.PROPERTY_KEY);
                    String value = m.group(4).strip();
                    if (!value.isEmpty()) {
                        add(base + m.start(4) + m.group(4).indexOf(value), value.length(), Kind.PROPERTY_VALUE);
                    }
                } else {
                    add(base, s.length(), Kind.UNKNOWN);
                }
                return;
            }
            if (!inBlock) {
                int first = firstNonBlank(s);
                add(base + first, s.length() - first, Kind.UNKNOWN);
                return;
            }
            xml(s, base);
        }

        private static int firstNonBlank(String s) {
            int i = 0;
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            return i;
        }

        private void xml(String s, int base) {
            int i = 0;
            int n = s.length();
            while (i < n) {
                switch (xml) {
                    case COMMENT -> {
                        int close = s.indexOf("-->", i);
                        int end = close < 0 ? n : close + 3;
                        add(base + i, end - i, Kind.COMMENT);
                        if (close >= 0) {
                            xml = XmlState.TEXT;
                        }
                        i = end;
                    }
                    case TEXT -> i = xmlText(s, base, i);
                    case TAG -> i = xmlTag(s, base, i);
                    case VALUE -> i = xmlValue(s, base, i);
                    default -> throw new IllegalStateException("Unknown XML state " + xml);
                }
            }
        }

        private int xmlText(String s, int base, int i) {
            int n = s.length();
            if (s.startsWith("<!--", i)) {
                xml = XmlState.COMMENT;
                return i;
            }
            if (s.charAt(i) == '<') {
                int nameStart = i + 1;
                if (nameStart < n && (s.charAt(nameStart) == '/' || s.charAt(nameStart) == '?')) {
                    nameStart++;
                }
                add(base + i, nameStart - i, Kind.XML_BRACKET);
                int nameEnd = nameStart;
                while (nameEnd < n && isNameChar(s.charAt(nameEnd))) {
                    nameEnd++;
                }
                add(base + nameStart, nameEnd - nameStart, Kind.XML_TAG);
                xml = XmlState.TAG;
                return nameEnd;
            }
            int next = s.indexOf('<', i);
            int end = next < 0 ? n : next;
            int first = i;
            while (first < end && Character.isWhitespace(s.charAt(first))) {
                first++;
            }
            int last = end;
            while (last > first && Character.isWhitespace(s.charAt(last - 1))) {
                last--;
            }
            add(base + first, last - first, Kind.XML_TEXT);
            return end;
        }

        private int xmlTag(String s, int base, int i) {
            int n = s.length();
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '=') {
                return i + 1;
            }
            if (c == '>') {
                add(base + i, 1, Kind.XML_BRACKET);
                xml = XmlState.TEXT;
                return i + 1;
            }
            if ((c == '/' || c == '?') && i + 1 < n && s.charAt(i + 1) == '>') {
                add(base + i, 2, Kind.XML_BRACKET);
                xml = XmlState.TEXT;
                return i + 2;
            }
            if (c == '"' || c == '\'') {
                quote = c;
                add(base + i, 1, Kind.XML_VALUE);
                xml = XmlState.VALUE;
                return i + 1;
            }
            int end = i;
            while (end < n && isNameChar(s.charAt(end))) {
                end++;
            }
            if (end == i) {
                add(base + i, 1, Kind.UNKNOWN);
                return i + 1;
            }
            add(base + i, end - i, Kind.XML_ATTRIBUTE);
            return end;
        }

        private int xmlValue(String s, int base, int i) {
            int n = s.length();
            int close = s.indexOf(quote, i);
            int end = close < 0 ? n : close;
            int plain = i;
            int j = i;
            while (j < end) {
                int special = specialEnd(s, j, end);
                if (special > j) {
                    add(base + plain, j - plain, Kind.XML_VALUE);
                    add(base + j, special - j, s.charAt(j) == '$' ? Kind.VARIABLE : Kind.SCANSION_VALUE);
                    j = special;
                    plain = j;
                } else {
                    j++;
                }
            }
            if (close >= 0) {
                add(base + plain, close + 1 - plain, Kind.XML_VALUE);
                xml = XmlState.TAG;
                return close + 1;
            }
            add(base + plain, end - plain, Kind.XML_VALUE);
            return n;
        }

        /** End of a {@code ${...}} or {@code {scansion:...}} starting at {@code i}, or {@code i} if none does. */
        private static int specialEnd(String s, int i, int limit) {
            boolean variable = s.startsWith("${", i);
            boolean scansion = s.startsWith("{scansion:", i);
            if (!variable && !scansion) {
                return i;
            }
            int close = s.indexOf('}', i);
            return close >= 0 && close < limit ? close + 1 : i;
        }

        private static boolean isNameChar(char c) {
            return Character.isLetterOrDigit(c) || c == ':' || c == '_' || c == '-' || c == '.';
        }
    }
}
