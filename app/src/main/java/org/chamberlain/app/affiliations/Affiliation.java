package org.chamberlain.app.affiliations;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Room affiliations (XEP-0045 §5.2); {@link #OUTCAST} is the banned list. Ordered from most to least power. */
public enum Affiliation {
    OWNER("owner", "owners", "owner"),
    ADMIN("admin", "admins", "admin"),
    MEMBER("member", "members", "member"),
    OUTCAST("outcast", "banned", "banned"),
    /** No affiliation: "removed from every list". */
    NONE("none", "none", "no affiliation");

    /** The four lists a room keeps. */
    public static final List<Affiliation> LISTS = List.of(OWNER, ADMIN, MEMBER, OUTCAST);

    private final String xmppName;
    private final String listName;
    private final String personName;

    Affiliation(String xmppName, String listName, String personName) {
        this.xmppName = xmppName;
        this.listName = listName;
        this.personName = personName;
    }

    /** As on the wire: owner, admin, member, outcast, none. */
    public String xmppName() {
        return xmppName;
    }

    /** The list's name for people: owners, admins, members, banned. */
    public String listName() {
        return listName;
    }

    /** For sentences: "owner", "banned", "no affiliation". */
    public String personName() {
        return personName;
    }

    /** Whether this affiliation may edit the other lists (owners and admins). */
    public boolean isPrivileged() {
        return this == OWNER || this == ADMIN;
    }

    /**
     * Reads an affiliation as people and files write it: the XMPP name, the list name, singular or plural, any
     * case ("owners", "Admin", "banned", "ban", "outcast", "none").
     */
    public static Optional<Affiliation> parse(String text) {
        String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "owner":
            case "owners":
                return Optional.of(OWNER);
            case "admin":
            case "admins":
                return Optional.of(ADMIN);
            case "member":
            case "members":
                return Optional.of(MEMBER);
            case "outcast":
            case "outcasts":
            case "banned":
            case "ban":
                return Optional.of(OUTCAST);
            case "none":
                return Optional.of(NONE);
            default:
                return Optional.empty();
        }
    }

    public static Affiliation fromXmppName(String name) {
        for (Affiliation a : values()) {
            if (a.xmppName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown affiliation '" + name + "'");
    }
}
