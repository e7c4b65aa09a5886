package org.chamberlain.views.console;

/**
 * One highlighted range of a scansion script: {@code [start, start + length)} in the text, shown with the
 * CSS style class {@code kind.styleClass()}. Immutable; safe to hand between threads.
 */
public record ScsToken(int start, int length, Kind kind) {

    /** What a range of script text is, each mapped to one CSS class of {@code console.css}. */
    public enum Kind {
        TITLE("scs-title"),
        TAG("scs-tag"),
        COMMENT("scs-comment"),
        SEPARATOR("scs-separator"),
        DECLARATION("scs-declaration"),
        ACTOR("scs-actor"),
        VERB("scs-verb"),
        PROPERTY_KEY("scs-property-key"),
        PROPERTY_VALUE("scs-property-value"),
        XML_BRACKET("scs-xml-bracket"),
        XML_TAG("scs-xml-tag"),
        XML_ATTRIBUTE("scs-xml-attribute"),
        XML_VALUE("scs-xml-value"),
        XML_TEXT("scs-xml-text"),
        VARIABLE("scs-variable"),
        SCANSION_VALUE("scs-scansion-value"),
        UNKNOWN("scs-unknown");

        private final String styleClass;

        Kind(String styleClass) {
            this.styleClass = styleClass;
        }

        public String styleClass() {
            return styleClass;
        }
    }

    public int end() {
        return start + length;
    }
}
