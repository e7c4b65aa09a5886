package org.chamberlain.scripting.xml;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes an {@link Element} as XML text for a client stream: the top element is in scope of the stream's
 * default namespace {@code jabber:client}, so a stanza is written without {@code xmlns}, as scripts write it.
 * Namespace declarations written in the source are kept; missing ones are added.
 */
public final class XmlWriter {
    private final boolean forSending;

    private XmlWriter(boolean forSending) {
        this.forSending = forSending;
    }

    /** Readable XML of any element (script or received), pretty-printing whitespace kept as it was. */
    public static String toXml(Element element) {
        StringBuilder out = new StringBuilder(128);
        new XmlWriter(false).write(element, initialScope(), out);
        return out.toString();
    }

    /**
     * The bytes to put on the wire for a {@code sends} block: {@code scansion:*} attributes dropped, whitespace
     * between child elements (the script's indentation) dropped, everything else as written.
     */
    public static String toWire(Element element) {
        StringBuilder out = new StringBuilder(128);
        new XmlWriter(true).write(element, initialScope(), out);
        return out.toString();
    }

    private static Map<String, String> initialScope() {
        Map<String, String> scope = new HashMap<>();
        scope.put("", Namespaces.JABBER_CLIENT);
        scope.put("xml", Namespaces.XML);
        return scope;
    }

    private void write(Element element, Map<String, String> parentScope, StringBuilder out) {
        Map<String, String> scope = new HashMap<>(parentScope);
        String name = element.prefix().isEmpty() ? element.localName() : element.prefix() + ":" + element.localName();
        out.append('<').append(name);
        for (Map.Entry<String, String> declaration : element.namespaceDeclarations().entrySet()) {
            if (forSending && Namespaces.SCANSION.equals(declaration.getValue())) {
                continue;
            }
            writeDeclaration(declaration.getKey(), declaration.getValue(), out);
            scope.put(declaration.getKey(), declaration.getValue());
        }
        if (!element.namespace().equals(scope.get(element.prefix()))) {
            writeDeclaration(element.prefix(), element.namespace(), out);
            scope.put(element.prefix(), element.namespace());
        }
        for (Attribute attribute : element.attributes()) {
            if (forSending && Namespaces.SCANSION.equals(attribute.namespace())) {
                continue;
            }
            if (!attribute.prefix().isEmpty() && !attribute.namespace().equals(scope.get(attribute.prefix()))) {
                writeDeclaration(attribute.prefix(), attribute.namespace(), out);
                scope.put(attribute.prefix(), attribute.namespace());
            }
            out.append(' ').append(attribute.qualifiedName()).append("=\"");
            escape(attribute.value(), true, out);
            out.append('"');
        }
        boolean dropIndentation = forSending && !element.children().isEmpty();
        StringBuilder inner = new StringBuilder();
        for (Object item : element.content()) {
            if (item instanceof Element child) {
                write(child, scope, inner);
            } else {
                String text = (String) item;
                if (!(dropIndentation && text.isBlank())) {
                    escape(text, false, inner);
                }
            }
        }
        if (inner.length() == 0) {
            out.append("/>");
        } else {
            out.append('>').append(inner).append("</").append(name).append('>');
        }
    }

    private static void writeDeclaration(String prefix, String namespace, StringBuilder out) {
        out.append(prefix.isEmpty() ? " xmlns=\"" : " xmlns:" + prefix + "=\"");
        escape(namespace, true, out);
        out.append('"');
    }

    /** Escapes text for element content or a double-quoted attribute value. */
    public static void escape(String text, boolean attribute, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> out.append(c);
            }
        }
    }

    public static String escapeAttribute(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        escape(value, true, out);
        return out.toString();
    }
}
