package org.chamberlain.scripting.xml;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads XML into {@link Element}s with a StAX parser configured safely: no DTDs, no external entities, so a
 * script or a server cannot make the replayer read files or expand entity bombs.
 *
 * <p>Thread-safe: the factory is configured once and only used to create readers.
 */
public final class XmlParsing {
    /** Deeper nesting is refused: no stanza needs it, and it keeps every recursive walk safe. */
    public static final int MAX_DEPTH = 200;

    /** Created on first use: most runs never need the JDK's parser (see {@link QuickStanzaReader}). */
    private static final class Stax {
        static final XMLInputFactory FACTORY = createFactory();
    }
    private static final String STREAM_OPEN = "<stream:stream xmlns='" + Namespaces.JABBER_CLIENT
            + "' xmlns:stream='" + Namespaces.STREAMS + "'>";

    private XmlParsing() {
    }

    private static XMLInputFactory createFactory() {
        // The JDK's own implementation: its behaviour (and error messages) are what the tests pin down.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        return factory;
    }

    /** A problem in XML text, at a line and column of that text (1-based). */
    public static final class XmlProblem extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        public XmlProblem(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /** Maps a position in the parsed text to the position in the file the text came from. */
    public interface PositionMapper {
        /** @return {line, column} in the file */
        int[] map(int line, int column);
    }

    /**
     * Parses every top-level element inside {@code xml}, which is wrapped in an implicit root whose default
     * namespace is {@code jabber:client} and which declares the {@code scansion} prefix.
     *
     * @param mapper maps line/column of {@code xml} (1-based) to the file's
     * @return the top-level elements in order
     * @throws XmlProblem for anything not well-formed, with the position already mapped
     */
    public static List<Element> parseBlock(String xml, PositionMapper mapper) throws XmlProblem {
        List<Element> quick = QuickStanzaReader.readBlock(xml, mapper);
        return quick != null ? quick : parseBlockWithStax(xml, mapper);
    }

    /** {@link #parseBlock} by the JDK's parser alone (what {@link QuickStanzaReader} must agree with). */
    static List<Element> parseBlockWithStax(String xml, PositionMapper mapper) throws XmlProblem {
        String open = "<scansion:root xmlns='" + Namespaces.JABBER_CLIENT + "' xmlns:scansion='"
                + Namespaces.SCANSION + "'>\n";
        String text = open + xml + "\n</scansion:root>";
        int[] lineStarts = lineStarts(text);
        PositionMapper shifted = (line, column) -> {
            if (line <= 1) {
                return mapper.map(1, 1);
            }
            return mapper.map(line - 1, column);
        };
        return parse(text, lineStarts, shifted, true);
    }

    /** Parses one stanza as received on a client stream (default namespace {@code jabber:client}). */
    public static Element parseStanza(String xml) throws XmlProblem {
        Element quick = QuickStanzaReader.read(xml);
        return quick != null ? quick : parseStanzaWithStax(xml);
    }

    /** {@link #parseStanza} by the JDK's parser alone (what {@link QuickStanzaReader} must agree with). */
    static Element parseStanzaWithStax(String xml) throws XmlProblem {
        String text = STREAM_OPEN + xml + "</stream:stream>";
        List<Element> elements = parse(text, null, (line, column) -> new int[] {line, column}, false);
        if (elements.isEmpty()) {
            throw new XmlProblem("no element in received data", 1, 1);
        }
        return elements.get(0);
    }

    private static List<Element> parse(String text, int[] lineStarts, PositionMapper mapper, boolean block)
            throws XmlProblem {
        XMLStreamReader reader = null;
        try {
            reader = Stax.FACTORY.createXMLStreamReader(new StringReader(text));
            return readChildrenOfRoot(reader, text, lineStarts, mapper, block);
        } catch (XMLStreamException e) {
            Location location = e.getLocation();
            int line = location == null ? 1 : Math.max(1, location.getLineNumber());
            int column = location == null ? 1 : Math.max(1, location.getColumnNumber());
            int[] mapped = mapper.map(line, column);
            throw new XmlProblem(cleanMessage(e), mapped[0], mapped[1]);
        } catch (RuntimeException e) {
            // The JDK parser signals a few malformed inputs with unchecked exceptions; they are still bad XML.
            int[] mapped = mapper.map(1, 1);
            throw new XmlProblem("the XML is not well-formed (" + e.getClass().getSimpleName() + ")",
                    mapped[0], mapped[1]);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // Closing a reader over a string releases nothing that matters.
                }
            }
        }
    }

    private static List<Element> readChildrenOfRoot(XMLStreamReader reader, String text, int[] lineStarts,
            PositionMapper mapper, boolean block) throws XMLStreamException, XmlProblem {
        List<Element> topLevel = new ArrayList<>();
        Deque<Builder> stack = new ArrayDeque<>();
        int depth = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth == 1) {
                        continue;
                    }
                    if (depth > MAX_DEPTH) {
                        int[] position = startPosition(reader, text, lineStarts, mapper, block);
                        throw new XmlProblem("elements are nested more than " + MAX_DEPTH + " levels deep",
                                position[0], position[1]);
                    }
                    int[] position = block ? startPosition(reader, text, lineStarts, mapper, true) : new int[2];
                    stack.push(new Builder(reader, position[0], position[1]));
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (depth == 0) {
                        continue;
                    }
                    Element done = stack.pop().build();
                    if (stack.isEmpty()) {
                        topLevel.add(done);
                    } else {
                        stack.peek().content.add(done);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    String chars = reader.getText();
                    if (stack.isEmpty()) {
                        if (!chars.isBlank()) {
                            int[] position = currentPosition(reader, mapper);
                            throw new XmlProblem("text outside any element: '" + abbreviate(chars.strip()) + "'",
                                    position[0], position[1]);
                        }
                    } else {
                        stack.peek().addText(chars);
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE -> {
                    int[] position = currentPosition(reader, mapper);
                    throw new XmlProblem("unknown entity &" + reader.getLocalName() + ";", position[0], position[1]);
                }
                case XMLStreamConstants.DTD -> {
                    int[] position = currentPosition(reader, mapper);
                    throw new XmlProblem("a DOCTYPE is not allowed here", position[0], position[1]);
                }
                default -> {
                    // Comments and processing instructions carry nothing a stanza needs.
                }
            }
        }
        return topLevel;
    }

    private static int[] currentPosition(XMLStreamReader reader, PositionMapper mapper) {
        Location location = reader.getLocation();
        return mapper.map(Math.max(1, location.getLineNumber()), Math.max(1, location.getColumnNumber()));
    }

    /**
     * The JDK parser reports a start element's position at the end of its start tag; the tag starts at the last
     * {@code <} before that point ({@code <} cannot occur inside attribute values).
     */
    private static int[] startPosition(XMLStreamReader reader, String text, int[] lineStarts, PositionMapper mapper,
            boolean block) {
        Location location = reader.getLocation();
        if (!block || lineStarts == null) {
            return new int[] {location.getLineNumber(), location.getColumnNumber()};
        }
        int lineIndex = Math.min(Math.max(1, location.getLineNumber()), lineStarts.length) - 1;
        int offset = Math.min(text.length(), lineStarts[lineIndex] + Math.max(0, location.getColumnNumber() - 1));
        int start = text.lastIndexOf('<', Math.max(0, offset - 1));
        if (start < 0) {
            return mapper.map(location.getLineNumber(), location.getColumnNumber());
        }
        int line = lineOf(lineStarts, start);
        return mapper.map(line + 1, start - lineStarts[line] + 1);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        int[] result = new int[starts.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = starts.get(i);
        }
        return result;
    }

    private static int lineOf(int[] lineStarts, int offset) {
        int low = 0;
        int high = lineStarts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private static String cleanMessage(XMLStreamException e) {
        String message = e.getMessage() == null ? "the XML is not well-formed" : e.getMessage();
        int index = message.indexOf("Message: ");
        if (index >= 0) {
            message = message.substring(index + "Message: ".length());
        }
        message = message.strip();
        if (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        if (message.contains("scansion:root")) {
            message = "the XML block is not complete: an element is not closed";
        }
        return message.isEmpty() ? "the XML is not well-formed" : message;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private static final class Builder {
        final String namespace;
        final String localName;
        final String prefix;
        final List<Attribute> attributes = new ArrayList<>();
        final Map<String, String> declarations = new LinkedHashMap<>();
        final List<Object> content = new ArrayList<>();
        final int line;
        final int column;

        Builder(XMLStreamReader reader, int line, int column) {
            this.namespace = nullToEmpty(reader.getNamespaceURI());
            this.localName = reader.getLocalName();
            this.prefix = nullToEmpty(reader.getPrefix());
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                attributes.add(new Attribute(nullToEmpty(reader.getAttributeNamespace(i)),
                        reader.getAttributeLocalName(i), nullToEmpty(reader.getAttributePrefix(i)),
                        reader.getAttributeValue(i)));
            }
            for (int i = 0; i < reader.getNamespaceCount(); i++) {
                declarations.put(nullToEmpty(reader.getNamespacePrefix(i)), nullToEmpty(reader.getNamespaceURI(i)));
            }
            this.line = line;
            this.column = column;
        }

        void addText(String chars) {
            int last = content.size() - 1;
            if (last >= 0 && content.get(last) instanceof String previous) {
                content.set(last, previous + chars);
            } else {
                content.add(chars);
            }
        }

        Element build() {
            return new Element(namespace, localName, prefix, attributes, declarations, content, line, column);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
