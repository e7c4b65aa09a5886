package org.chamberlain.app.forms;

/** The field types of XEP-0004 §3.3, with what a form renderer needs to know about each. */
public enum FieldType {
    TEXT_SINGLE("text-single", false, true),
    TEXT_PRIVATE("text-private", false, true),
    TEXT_MULTI("text-multi", true, true),
    BOOLEAN("boolean", false, true),
    LIST_SINGLE("list-single", false, true),
    LIST_MULTI("list-multi", true, true),
    JID_SINGLE("jid-single", false, true),
    JID_MULTI("jid-multi", true, true),
    /** Text for the person (often a section header); never submitted, may have no variable name. */
    FIXED("fixed", false, false),
    /** Not shown; returned unchanged with the submission. */
    HIDDEN("hidden", false, false);

    private final String xmppName;
    private final boolean multiValued;
    private final boolean editable;

    FieldType(String xmppName, boolean multiValued, boolean editable) {
        this.xmppName = xmppName;
        this.multiValued = multiValued;
        this.editable = editable;
    }

    /** The {@code type} attribute as written on the wire. */
    public String xmppName() {
        return xmppName;
    }

    /** Whether the field may hold several values (lines, choices or JIDs). */
    public boolean isMultiValued() {
        return multiValued;
    }

    /** Whether a person edits this field (false for fixed and hidden). */
    public boolean isEditable() {
        return editable;
    }

    /** Whether values are chosen from the field's options. */
    public boolean hasOptions() {
        return this == LIST_SINGLE || this == LIST_MULTI;
    }

    /** Whether the order of the values carries no meaning (choices and JID lists compare as sets). */
    public boolean isUnordered() {
        return this == LIST_MULTI || this == JID_MULTI;
    }

    /**
     * The type for a {@code type} attribute; XEP-0004 says a field without one is text-single.
     *
     * @throws IllegalArgumentException for a name that is not a XEP-0004 type
     */
    public static FieldType fromXmppName(String name) {
        if (name == null || name.isEmpty()) {
            return TEXT_SINGLE;
        }
        for (FieldType type : values()) {
            if (type.xmppName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown data form field type '" + name + "'");
    }
}
