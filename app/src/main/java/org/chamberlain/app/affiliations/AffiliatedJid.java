package org.chamberlain.app.affiliations;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an affiliation list as the server reported it.
 *
 * @param jid the bare JID
 * @param affiliation the list it is on
 * @param nick the reserved nickname, when the server reports one
 * @param reason the reason stored with the entry (Prosody keeps one for bans)
 */
public record AffiliatedJid(String jid, Affiliation affiliation, Optional<String> nick, Optional<String> reason) {
    public AffiliatedJid {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(affiliation, "affiliation");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(reason, "reason");
    }

    public static AffiliatedJid of(String jid, Affiliation affiliation) {
        return new AffiliatedJid(jid, affiliation, Optional.empty(), Optional.empty());
    }
}
