package org.chamberlain.scripting.xml;

import java.util.Objects;

/**
 * One attribute of an {@link Element}: namespace ({@code ""} when unprefixed), local name, the prefix it was
 * written with (for serialisation only), and its decoded value. Namespace declarations are never attributes.
 */
public record Attribute(String namespace, String localName, String prefix, String value) {
    public Attribute {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(localName, "localName");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(value, "value");
    }

    /** The name as written: {@code prefix:local} or {@code local}. */
    public String qualifiedName() {
        return prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    public Attribute withValue(String newValue) {
        return new Attribute(namespace, localName, prefix, newValue);
    }

    public boolean sameName(Attribute other) {
        return namespace.equals(other.namespace) && localName.equals(other.localName);
    }
}
