package org.chamberlain.scripting.xml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a received stanza (or a script's XML block) into an {@link Element} much faster than a StAX reader
 * (which costs 30–60 µs per stanza once compiled and several hundred µs in a fresh JVM: most of the replayer's
 * time from a stanza's arrival to its verdict, and of reading the scripts). It understands the XML a server
 * writes on a client stream: elements, attributes in
 * either quote, namespace declarations and prefixes, text, CDATA, comments, processing instructions, the five
 * predefined entities and character references. For anything else (a DOCTYPE, another entity, anything not
 * well-formed, even a duplicate attribute) it gives up and returns null, and {@link XmlParsing} lets the JDK's
 * parser read the text, so errors and odd input behave exactly as before.
 *
 * <p>The result is the same element the StAX path builds (checked by {@code QuickStanzaReaderTest}): text as
 * coalesced character data, line ends normalised, attribute values normalised, line and column 0. Stateless
 * and thread-safe.
 */
final class QuickStanzaReader {
    private static final Map<String, String> STREAM_SCOPE = Map.of("", Namespaces.JABBER_CLIENT, "stream",
            Namespaces.STREAMS, "xml", Namespaces.XML);
    private static final Map<String, String> BLOCK_SCOPE = Map.of("", Namespaces.JABBER_CLIENT, "scansion",
            Namespaces.SCANSION, "xml", Namespaces.XML);

    private final String text;
    /** Maps positions of script blocks; null for received stanzas (line and column 0). */
    private final XmlParsing.PositionMapper mapper;
    /** {@link #filePosition}: lines counted up to this offset, the 0-based line there and where it starts. */
    private int countedTo;
    private int countedLine;
    private int countedLineStart;
    private int position;

    private QuickStanzaReader(String text, XmlParsing.PositionMapper mapper) {
        this.text = text;
        this.mapper = mapper;
    }

    /**
     * The top-level elements of a script block, with the file positions of their start tags as
     * {@link XmlParsing#parseBlock} gives them, or null if this reader leaves the block to the StAX parser.
     */
    static List<Element> readBlock(String xml, XmlParsing.PositionMapper mapper) {
        try {
            QuickStanzaReader reader = new QuickStanzaReader(xml, mapper);
            List<Element> elements = new ArrayList<>(1);
            reader.skipMisc();
            while (reader.position < xml.length()) {
                if (!reader.lookingAt('<') || reader.lookingAt("</") || reader.lookingAt("<!")) {
                    return null;
                }
                Element element = reader.element(BLOCK_SCOPE, 1);
                elements.add(element);
                reader.skipMisc();
            }
            return elements;
        } catch (GiveUp | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** The stanza, or null if this reader does not handle the text (the caller then uses the StAX parser). */
    static Element read(String xml) {
        try {
            QuickStanzaReader reader = new QuickStanzaReader(xml, null);
            reader.skipMisc();
            if (!reader.lookingAt('<')) {
                return null;
            }
            Element element = reader.element(STREAM_SCOPE, 1);
            if (element == null) {
                return null;
            }
            reader.skipMisc();
            return reader.position == xml.length() ? element : null;
        } catch (GiveUp | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Thrown anywhere this reader meets something it leaves to the StAX parser. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super(null, null, false, false);
        }
    }

    private boolean lookingAt(char c) {
        return position < text.length() && text.charAt(position) == c;
    }

    private boolean lookingAt(String s) {
        return text.startsWith(s, position);
    }

    /** Whitespace, comments and processing instructions (outside the element). */
    private void skipMisc() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (isSpace(c)) {
                position++;
            } else if (lookingAt("<!--")) {
                skipComment();
            } else if (lookingAt("<?")) {
                skipInstruction();
            } else {
                return;
            }
        }
    }

    private void skipComment() {
        int end = text.indexOf("-->", position + 4);
        if (end < 0 || text.substring(position + 4, end).contains("--")) {
            throw GiveUp.INSTANCE;
        }
        position = end + 3;
    }

    private void skipInstruction() {
        int end = text.indexOf("?>", position + 2);
        if (end < 0 || text.regionMatches(true, position + 2, "xml", 0, 3)) {
            // An XML declaration inside the stream (or a malformed instruction): the JDK decides.
            throw GiveUp.INSTANCE;
        }
        position = end + 2;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean isNameChar(char c) {
        if (c > 0x7f) {
            return Character.isLetterOrDigit(c) || c == '\u00b7';
        }
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                || c == '.' || c == ':';
    }

    /** Characters XML does not allow (the JDK parser refuses them): left to it. */
    private static boolean forbidden(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == '\uFFFE' || c == '\uFFFF';
    }

    private String name() {
        int start = position;
        while (position < text.length() && isNameChar(text.charAt(position))) {
            position++;
        }
        if (position == start) {
            throw GiveUp.INSTANCE;
        }
        String name = text.substring(start, position);
        char first = name.charAt(0);
        if (first == '-' || first == '.' || first >= '0' && first <= '9' || first == ':' || name.endsWith(":")
                || name.indexOf(':') != name.lastIndexOf(':')) {
            throw GiveUp.INSTANCE;
        }
        return name;
    }

    private void skipSpaces() {
        while (position < text.length() && isSpace(text.charAt(position))) {
            position++;
        }
    }

    private Element element(Map<String, String> parentScope, int depth) {
        if (depth > XmlParsing.MAX_DEPTH) {
            throw GiveUp.INSTANCE;
        }
        int[] filePosition = mapper == null ? new int[2] : filePosition(position);
        position++; // '<'
        String qualifiedName = name();
        List<String[]> rawAttributes = new ArrayList<>(4);
        Map<String, String> declarations = new LinkedHashMap<>();
        boolean empty;
        while (true) {
            int before = position;
            skipSpaces();
            if (lookingAt("/>")) {
                position += 2;
                empty = true;
                break;
            }
            if (lookingAt('>')) {
                position++;
                empty = false;
                break;
            }
            if (position == before) {
                throw GiveUp.INSTANCE;
            }
            String attributeName = name();
            skipSpaces();
            if (!lookingAt('=')) {
                throw GiveUp.INSTANCE;
            }
            position++;
            skipSpaces();
            String value = attributeValue();
            if (attributeName.equals("xmlns")) {
                putOnce(declarations, "", value);
            } else if (attributeName.startsWith("xmlns:")) {
                String prefix = attributeName.substring(6);
                if (value.isEmpty() || prefix.equals("xmlns") || prefix.equals("xml")) {
                    throw GiveUp.INSTANCE;
                }
                putOnce(declarations, prefix, value);
            } else {
                rawAttributes.add(new String[] {attributeName, value});
            }
        }
        Map<String, String> scope = parentScope;
        if (!declarations.isEmpty()) {
            scope = new HashMap<>(parentScope);
            scope.putAll(declarations);
        }
        int colon = qualifiedName.indexOf(':');
        String prefix = colon < 0 ? "" : qualifiedName.substring(0, colon);
        String localName = colon < 0 ? qualifiedName : qualifiedName.substring(colon + 1);
        String namespace = scope.get(prefix);
        if (namespace == null) {
            throw GiveUp.INSTANCE;
        }
        List<Attribute> attributes = new ArrayList<>(rawAttributes.size());
        for (String[] raw : rawAttributes) {
            int attributeColon = raw[0].indexOf(':');
            String attributePrefix = attributeColon < 0 ? "" : raw[0].substring(0, attributeColon);
            String attributeLocal = attributeColon < 0 ? raw[0] : raw[0].substring(attributeColon + 1);
            String attributeNamespace = attributeColon < 0 ? "" : scope.get(attributePrefix);
            if (attributeNamespace == null) {
                throw GiveUp.INSTANCE;
            }
            Attribute attribute = new Attribute(attributeNamespace, attributeLocal, attributePrefix, raw[1]);
            for (Attribute other : attributes) {
                if (other.sameName(attribute)) {
                    throw GiveUp.INSTANCE;
                }
            }
            attributes.add(attribute);
        }
        List<Object> content = new ArrayList<>(2);
        if (!empty) {
            readContent(qualifiedName, scope, depth, content);
        }
        return new Element(namespace, localName, prefix, attributes, declarations, content, filePosition[0],
                filePosition[1]);
    }

    /**
     * The file's line and column of a character of the block (1-based before mapping, as the StAX path).
     * Elements are read in text order, so the line count goes on from the previous call (this ran for every
     * element of every script block; a table of line starts built with a stream each time was a noticeable part
     * of reading the scripts in a fresh JVM).
     */
    private int[] filePosition(int offset) {
        if (offset < countedTo) {
            countedTo = 0;
            countedLine = 0;
            countedLineStart = 0;
        }
        for (int i = countedTo; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                countedLine++;
                countedLineStart = i + 1;
            }
        }
        countedTo = offset;
        return mapper.map(countedLine + 1, offset - countedLineStart + 1);
    }

    private static void putOnce(Map<String, String> declarations, String prefix, String value) {
        if (declarations.put(prefix, value) != null) {
            throw GiveUp.INSTANCE;
        }
    }

    /** Children and text up to and including the end tag. */
    private void readContent(String qualifiedName, Map<String, String> scope, int depth, List<Object> content) {
        StringBuilder chars = null;
        while (true) {
            int lt = text.indexOf('<', position);
            if (lt < 0) {
                throw GiveUp.INSTANCE;
            }
            if (lt > position) {
                if (chars == null) {
                    chars = new StringBuilder();
                }
                appendText(position, lt, chars);
                position = lt;
            }
            if (lookingAt("</")) {
                position += 2;
                String closing = name();
                skipSpaces();
                if (!closing.equals(qualifiedName) || !lookingAt('>')) {
                    throw GiveUp.INSTANCE;
                }
                position++;
                flush(chars, content);
                return;
            } else if (lookingAt("<!--")) {
                skipComment();
            } else if (lookingAt("<![CDATA[")) {
                int end = text.indexOf("]]>", position + 9);
                if (end < 0) {
                    throw GiveUp.INSTANCE;
                }
                if (chars == null) {
                    chars = new StringBuilder();
                }
                appendNormalisedLines(position + 9, end, chars);
                position = end + 3;
            } else if (lookingAt("<?")) {
                skipInstruction();
            } else if (lookingAt("<!")) {
                throw GiveUp.INSTANCE;
            } else {
                flush(chars, content);
                chars = null;
                content.add(element(scope, depth + 1));
            }
        }
    }

    private static void flush(StringBuilder chars, List<Object> content) {
        if (chars != null && chars.length() > 0) {
            int last = content.size() - 1;
            if (last >= 0 && content.get(last) instanceof String previous) {
                content.set(last, previous + chars);
            } else {
                content.add(chars.toString());
            }
        }
    }

    /** Character data with references decoded and line ends normalised; {@code ]]>} is not allowed in it. */
    private void appendText(int start, int end, StringBuilder out) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '&') {
                i = reference(i, end, out);
            } else if (c == '\r') {
                out.append('\n');
                if (i + 1 < end && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '>' && i >= start + 2 && text.charAt(i - 1) == ']' && text.charAt(i - 2) == ']') {
                throw GiveUp.INSTANCE;
            } else if (forbidden(c)) {
                throw GiveUp.INSTANCE;
            } else {
                out.append(c);
            }
        }
    }

    private void appendNormalisedLines(int start, int end, StringBuilder out) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < end && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (forbidden(c)) {
                throw GiveUp.INSTANCE;
            } else {
                out.append(c);
            }
        }
    }

    /** A quoted attribute value, references decoded and whitespace normalised as XML says. */
    private String attributeValue() {
        char quote = text.charAt(position);
        if (quote != '"' && quote != '\'') {
            throw GiveUp.INSTANCE;
        }
        int end = text.indexOf(quote, position + 1);
        if (end < 0) {
            throw GiveUp.INSTANCE;
        }
        StringBuilder value = new StringBuilder(end - position);
        for (int i = position + 1; i < end; i++) {
            char c = text.charAt(i);
            if (c == '&') {
                i = reference(i, end, value);
            } else if (c == '<') {
                throw GiveUp.INSTANCE;
            } else if (c == '\r') {
                value.append(' ');
                if (i + 1 < end && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t') {
                value.append(' ');
            } else if (forbidden(c)) {
                throw GiveUp.INSTANCE;
            } else {
                value.append(c);
            }
        }
        position = end + 1;
        return value.toString();
    }

    /** Decodes the reference starting at {@code ampersand}; returns the index of its {@code ;}. */
    private int reference(int ampersand, int limit, StringBuilder out) {
        int semicolon = text.indexOf(';', ampersand);
        if (semicolon < 0 || semicolon >= limit || semicolon - ampersand > 12) {
            throw GiveUp.INSTANCE;
        }
        String name = text.substring(ampersand + 1, semicolon);
        switch (name) {
            case "lt" -> out.append('<');
            case "gt" -> out.append('>');
            case "amp" -> out.append('&');
            case "apos" -> out.append('\'');
            case "quot" -> out.append('"');
            default -> {
                if (!name.startsWith("#") || name.length() < 2) {
                    throw GiveUp.INSTANCE;
                }
                int codePoint;
                try {
                    codePoint = name.charAt(1) == 'x' ? Integer.parseInt(name.substring(2), 16)
                            : Integer.parseInt(name.substring(1));
                } catch (NumberFormatException e) {
                    throw GiveUp.INSTANCE;
                }
                boolean allowed = codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                        || codePoint >= 0x20 && codePoint <= 0xD7FF || codePoint >= 0xE000 && codePoint <= 0xFFFD
                        || codePoint >= 0x10000 && codePoint <= 0x10FFFF;
                if (!allowed || name.charAt(1) == 'x' && name.length() < 3 || name.contains("+")
                        || name.contains("-")) {
                    throw GiveUp.INSTANCE;
                }
                out.appendCodePoint(codePoint);
            }
        }
        return semicolon;
    }
}
