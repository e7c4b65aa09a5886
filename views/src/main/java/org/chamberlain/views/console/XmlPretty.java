package org.chamberlain.views.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Indents serialized XML for display without re-parsing it: the text is split into tags and text runs and
 * nothing is normalised, so what is shown is what went over the wire (plus indentation). An element whose
 * only content is short text stays on one line ({@code <body>Hi</body>}). Pure; any thread.
 */
public final class XmlPretty {
    private static final int INDENT = 2;

    private XmlPretty() {
    }

    public static String format(String xml) {
        if (xml == null) {
            return "";
        }
        List<String> parts = split(xml.strip());
        StringBuilder out = new StringBuilder(xml.length() + 64);
        int depth = 0;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.startsWith("</")) {
                depth = Math.max(0, depth - 1);
                line(out, depth, part);
            } else if (part.startsWith("<?") || part.startsWith("<!")) {
                line(out, depth, part);
            } else if (part.startsWith("<")) {
                boolean selfClosing = part.endsWith("/>");
                if (!selfClosing && i + 1 < parts.size() && parts.get(i + 1).startsWith("</")) {
                    line(out, depth, part + parts.get(i + 1));
                    i += 1;
                } else if (!selfClosing && i + 2 < parts.size() && !parts.get(i + 1).startsWith("<")
                        && parts.get(i + 2).startsWith("</") && parts.get(i + 1).length() <= 80
                        && parts.get(i + 1).indexOf('\n') < 0) {
                    line(out, depth, part + parts.get(i + 1) + parts.get(i + 2));
                    i += 2;
                } else {
                    line(out, depth, part);
                    if (!selfClosing) {
                        depth++;
                    }
                }
            } else {
                line(out, depth, part);
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, int depth, String text) {
        if (out.length() > 0) {
            out.append('\n');
        }
        out.append(" ".repeat(depth * INDENT)).append(text);
    }

    /** Tags (quote-aware) and non-blank trimmed text runs, in order. */
    static List<String> split(String xml) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        int n = xml.length();
        while (i < n) {
            if (xml.charAt(i) == '<') {
                int end = tagEnd(xml, i);
                parts.add(xml.substring(i, end));
                i = end;
            } else {
                int next = xml.indexOf('<', i);
                int end = next < 0 ? n : next;
                String text = xml.substring(i, end).strip();
                if (!text.isEmpty()) {
                    parts.add(text);
                }
                i = end;
            }
        }
        return parts;
    }

    private static int tagEnd(String xml, int start) {
        if (xml.startsWith("<!--", start)) {
            int close = xml.indexOf("-->", start);
            return close < 0 ? xml.length() : close + 3;
        }
        char quote = 0;
        for (int i = start + 1; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return xml.length();
    }

    /**
     * The 0-based line of {@code pretty} (output of {@link #format}) holding the element a matcher path points
     * at ({@code /message/body/text()}, {@code /presence/x[2]/@type}: attribute and text steps point at their
     * element's line), or -1 when the path does not lead anywhere in this text.
     */
    public static int lineOfPath(String pretty, String path) {
        if (pretty == null || path == null || !path.startsWith("/")) {
            return -1;
        }
        String[] lines = pretty.split("\n", -1);
        int from = 0;
        int found = -1;
        int depth = 0;
        for (String step : path.substring(1).split("/")) {
            if (step.isEmpty() || step.startsWith("@") || step.equals("text()")) {
                break;
            }
            String name = step;
            int position = 1;
            int bracket = step.indexOf('[');
            if (bracket > 0 && step.endsWith("]")) {
                name = step.substring(0, bracket);
                position = Integer.parseInt(step.substring(bracket + 1, step.length() - 1));
            }
            String indent = " ".repeat(depth * INDENT);
            int seen = 0;
            int match = -1;
            for (int i = from; i < lines.length; i++) {
                String line = lines[i];
                if (found >= 0 && i > found && leadingSpaces(line) < depth * INDENT) {
                    break;
                }
                if (line.startsWith(indent) && leadingSpaces(line) == depth * INDENT
                        && startsWithTag(line.substring(indent.length()), name) && ++seen == position) {
                    match = i;
                    break;
                }
            }
            if (match < 0) {
                return found;
            }
            found = match;
            from = match + 1;
            depth++;
        }
        return found;
    }

    private static int leadingSpaces(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean startsWithTag(String text, String localName) {
        if (!text.startsWith("<") || text.startsWith("</")) {
            return false;
        }
        int end = 1;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '>'
                && text.charAt(end) != '/') {
            end++;
        }
        String qualified = text.substring(1, end);
        String local = qualified.contains(":") ? qualified.substring(qualified.indexOf(':') + 1) : qualified;
        return local.equals(localName);
    }

    /**
     * The 0-based index of the first line where {@code a} and {@code b} differ, comparing trimmed lines
     * (so the two sides of a diff can mark it); -1 if they are equal line by line.
     */
    public static int firstDifferingLine(String a, String b) {
        String[] left = a.split("\n", -1);
        String[] right = b.split("\n", -1);
        int common = Math.min(left.length, right.length);
        for (int i = 0; i < common; i++) {
            if (!left[i].strip().equals(right[i].strip())) {
                return i;
            }
        }
        return left.length == right.length ? -1 : common;
    }
}
