package org.chamberlain.app.events;

import java.util.Locale;

/** A person's long-lived affiliation with a room (XEP-0045 §5.2); {@link #OUTCAST} is banned. */
public enum Affiliation {
    OWNER, ADMIN, MEMBER, NONE, OUTCAST;

    /** The protocol name, e.g. {@code "outcast"}. */
    public String xmppName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The affiliation for a protocol name; {@link #NONE} for {@code null} or unknown names. */
    public static Affiliation fromXmppName(String name) {
        if (name == null) {
            return NONE;
        }
        for (Affiliation affiliation : values()) {
            if (affiliation.xmppName().equals(name)) {
                return affiliation;
            }
        }
        return NONE;
    }
}
