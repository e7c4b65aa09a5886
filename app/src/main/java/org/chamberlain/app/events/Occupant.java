package org.chamberlain.app.events;

import java.util.Objects;
import java.util.Optional;

/**
 * Someone in a room as seen at one moment.
 *
 * @param nickname the occupant's nickname (the resource of their room JID)
 * @param realJid their real full JID when the room shows it to us (non-anonymous room, or we moderate)
 * @param role their role
 * @param affiliation their affiliation
 */
public record Occupant(String nickname, Optional<String> realJid, Role role, Affiliation affiliation) {

    public Occupant {
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(realJid, "realJid");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(affiliation, "affiliation");
    }

    /** The bare real JID (without resource), when known. */
    public Optional<String> realBareJid() {
        return realJid.map(jid -> {
            int slash = jid.indexOf('/');
            return slash < 0 ? jid : jid.substring(0, slash);
        });
    }
}
