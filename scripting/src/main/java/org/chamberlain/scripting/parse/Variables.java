package org.chamberlain.scripting.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.chamberlain.scripting.xml.Attribute;
import org.chamberlain.scripting.xml.Element;

/**
 * The {@code ${Name's JID}} and {@code ${Name's full JID}} variables of attribute values. The name is everything
 * before the last {@code 's JID}} / {@code 's full JID}}, so names may contain apostrophes.
 */
public final class Variables {
    private static final String FULL_SUFFIX = "'s full JID";
    private static final String BARE_SUFFIX = "'s JID";

    private Variables() {
    }

    /**
     * A {@code ${…}} occurrence.
     *
     * @param account null when the text inside the braces is not a known variable form
     */
    public record Reference(String raw, String account, boolean full, int start, int end) {
        public boolean wellFormed() {
            return account != null;
        }
    }

    /** Looks up an account's JIDs when a script runs. */
    public interface Resolver {
        /**
         * @return the value to substitute
         * @throws UnresolvableVariableException when the account is unknown or (full JID) not connected
         */
        String resolve(String account, boolean full) throws UnresolvableVariableException;
    }

    /** A variable that cannot be substituted, with a sentence saying why. */
    public static final class UnresolvableVariableException extends Exception {
        private static final long serialVersionUID = 1L;

        public UnresolvableVariableException(String message) {
            super(message);
        }
    }

    /** Every {@code ${…}} in {@code value}; an unterminated {@code ${} counts as a malformed reference. */
    public static List<Reference> references(String value) {
        List<Reference> references = new ArrayList<>();
        int from = 0;
        while (true) {
            int start = value.indexOf("${", from);
            if (start < 0) {
                return references;
            }
            int close = value.indexOf('}', start + 2);
            if (close < 0) {
                references.add(new Reference(value.substring(start), null, false, start, value.length()));
                return references;
            }
            String inner = value.substring(start + 2, close);
            String raw = value.substring(start, close + 1);
            if (inner.endsWith(FULL_SUFFIX) && inner.length() > FULL_SUFFIX.length()) {
                references.add(new Reference(raw, inner.substring(0, inner.length() - FULL_SUFFIX.length()), true,
                        start, close + 1));
            } else if (inner.endsWith(BARE_SUFFIX) && inner.length() > BARE_SUFFIX.length()) {
                references.add(new Reference(raw, inner.substring(0, inner.length() - BARE_SUFFIX.length()), false,
                        start, close + 1));
            } else {
                references.add(new Reference(raw, null, false, start, close + 1));
            }
            from = close + 1;
        }
    }

    /** A copy of {@code element} whose attribute values have their variables replaced (text is left alone). */
    public static Element substitute(Element element, Resolver resolver) throws UnresolvableVariableException {
        List<Attribute> attributes = new ArrayList<>(element.attributes().size());
        boolean changed = false;
        for (Attribute attribute : element.attributes()) {
            String value = substitute(attribute.value(), resolver);
            changed |= !value.equals(attribute.value());
            attributes.add(value.equals(attribute.value()) ? attribute : attribute.withValue(value));
        }
        List<Object> content = new ArrayList<>(element.content().size());
        for (Object item : element.content()) {
            if (item instanceof Element child) {
                Element substituted = substitute(child, resolver);
                changed |= substituted != child;
                content.add(substituted);
            } else {
                content.add(item);
            }
        }
        return changed ? element.with(attributes, content) : element;
    }

    /** {@code value} with every variable replaced through {@code resolver}. */
    public static String substitute(String value, Resolver resolver) throws UnresolvableVariableException {
        Objects.requireNonNull(resolver, "resolver");
        if (value.indexOf("${") < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 32);
        int copied = 0;
        for (Reference reference : references(value)) {
            if (!reference.wellFormed()) {
                throw new UnresolvableVariableException("unknown variable " + reference.raw()
                        + " (expected ${Name's JID} or ${Name's full JID})");
            }
            out.append(value, copied, reference.start());
            out.append(resolver.resolve(reference.account(), reference.full()));
            copied = reference.end();
        }
        out.append(value, copied, value.length());
        return out.toString();
    }
}
