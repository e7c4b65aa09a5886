package org.chamberlain.scripting.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable XML element: expected ones come from scripts (with the line and column of their start tag in the
 * script file), received ones from the wire (line and column 0). Content keeps the order of text and child
 * elements so that a stanza can be written back as it was written.
 */
public final class Element {
    private final String namespace;
    private final String localName;
    private final String prefix;
    private final List<Attribute> attributes;
    private final Map<String, String> namespaceDeclarations;
    private final List<Object> content;
    private final List<Element> children;
    private final String text;
    private final int line;
    private final int column;

    /**
     * @param namespaceDeclarations prefix ({@code ""} for the default namespace) to namespace, as declared on
     *     this element in the source
     * @param content {@link String} text and {@link Element} children in document order
     */
    public Element(String namespace, String localName, String prefix, List<Attribute> attributes,
            Map<String, String> namespaceDeclarations, List<Object> content, int line, int column) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.localName = Objects.requireNonNull(localName, "localName");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.attributes = List.copyOf(attributes);
        this.namespaceDeclarations = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(namespaceDeclarations));
        this.content = List.copyOf(content);
        List<Element> elements = new ArrayList<>();
        StringBuilder texts = new StringBuilder();
        for (Object item : this.content) {
            if (item instanceof Element element) {
                elements.add(element);
            } else if (item instanceof String string) {
                texts.append(string);
            } else {
                throw new IllegalArgumentException("Content must be text or elements, not " + item);
            }
        }
        this.children = List.copyOf(elements);
        this.text = texts.toString();
        this.line = line;
        this.column = column;
    }

    public String namespace() {
        return namespace;
    }

    public String localName() {
        return localName;
    }

    /** The prefix the element was written with; it never matters for matching. */
    public String prefix() {
        return prefix;
    }

    public List<Attribute> attributes() {
        return attributes;
    }

    public Map<String, String> namespaceDeclarations() {
        return namespaceDeclarations;
    }

    /** Text and child elements in document order. */
    public List<Object> content() {
        return content;
    }

    public List<Element> children() {
        return children;
    }

    /** All direct text of this element concatenated, whitespace included. */
    public String text() {
        return text;
    }

    /** True when the element has direct text that is not only whitespace. */
    public boolean hasText() {
        return !text.isBlank();
    }

    /** Line of the start tag in the script (1-based), 0 for received elements. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The attribute in no namespace with this local name, or null. */
    public String attribute(String name) {
        return attribute("", name);
    }

    public String attribute(String attributeNamespace, String name) {
        for (Attribute attribute : attributes) {
            if (attribute.localName().equals(name) && attribute.namespace().equals(attributeNamespace)) {
                return attribute.value();
            }
        }
        return null;
    }

    /** A copy with other attributes and content, same name, declarations and position. */
    public Element with(List<Attribute> newAttributes, List<Object> newContent) {
        return new Element(namespace, localName, prefix, newAttributes, namespaceDeclarations, newContent, line,
                column);
    }

    /** {@code name} or {@code {namespace}name} when the namespace is not jabber:client. */
    public String displayName() {
        return Namespaces.JABBER_CLIENT.equals(namespace) || namespace.isEmpty()
                ? localName : "{" + namespace + "}" + localName;
    }

    @Override
    public String toString() {
        return XmlWriter.toXml(this);
    }
}
