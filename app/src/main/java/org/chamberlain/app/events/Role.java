package org.chamberlain.app.events;

import java.util.Locale;

/** An occupant's role in a room (XEP-0045 §5.1); {@link #NONE} means not in the room. */
public enum Role {
    MODERATOR, PARTICIPANT, VISITOR, NONE;

    /** The protocol name, e.g. {@code "moderator"}. */
    public String xmppName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role for a protocol name; {@link #NONE} for {@code null} or unknown names. */
    public static Role fromXmppName(String name) {
        if (name == null) {
            return NONE;
        }
        for (Role role : values()) {
            if (role.xmppName().equals(name)) {
                return role;
            }
        }
        return NONE;
    }
}
