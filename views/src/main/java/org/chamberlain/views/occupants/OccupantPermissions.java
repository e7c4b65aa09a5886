package org.chamberlain.views.occupants;

import java.util.Optional;
import org.chamberlain.app.events.Affiliation;
import org.chamberlain.app.events.Occupant;
import org.chamberlain.app.events.Role;

/**
 * Which occupant actions the person may take, and why not (XEP-0045 §8–9): shown as the tooltip of a
 * disabled button, so nobody has to learn the rules from a server error. The server stays the judge; this
 * only spares requests that cannot succeed.
 */
public final class OccupantPermissions {

    private OccupantPermissions() {
    }

    /** The actions of the Occupants tab. */
    public enum Action { KICK, VOICE, MODERATOR, BAN }

    /**
     * @param self our own occupant in the room (empty when not joined)
     * @param target the selected occupant
     * @return why {@code action} is not possible, or empty when it is
     */
    public static Optional<String> whyNot(Action action, Optional<Occupant> self, Occupant target) {
        if (self.isEmpty()) {
            return Optional.of("Join the room first.");
        }
        Occupant me = self.get();
        if (me.nickname().equals(target.nickname())) {
            return Optional.of("This is you.");
        }
        switch (action) {
            case KICK:
                if (me.role() != Role.MODERATOR) {
                    return Optional.of("Only moderators may kick; you are a " + me.role().xmppName() + ".");
                }
                if (outranks(target.affiliation(), me.affiliation()) || target.affiliation() == Affiliation.OWNER
                        || (target.affiliation() == Affiliation.ADMIN && me.affiliation() != Affiliation.OWNER)) {
                    return Optional.of("A " + name(target.affiliation()) + " cannot be kicked by a "
                            + name(me.affiliation()) + ".");
                }
                return Optional.empty();
            case VOICE:
                if (me.role() != Role.MODERATOR) {
                    return Optional.of("Only moderators may give or take voice.");
                }
                if (target.role() == Role.MODERATOR) {
                    return Optional.of("Moderators always have voice.");
                }
                return Optional.empty();
            case MODERATOR:
                if (me.affiliation() != Affiliation.OWNER && me.affiliation() != Affiliation.ADMIN) {
                    return Optional.of("Only admins and owners may make or unmake moderators.");
                }
                if (target.affiliation() == Affiliation.OWNER || target.affiliation() == Affiliation.ADMIN) {
                    return Optional.of("Admins and owners are always moderators.");
                }
                return Optional.empty();
            case BAN:
                if (me.affiliation() != Affiliation.OWNER && me.affiliation() != Affiliation.ADMIN) {
                    return Optional.of("Only admins and owners may ban.");
                }
                if (target.affiliation() == Affiliation.OWNER
                        || (target.affiliation() == Affiliation.ADMIN && me.affiliation() != Affiliation.OWNER)) {
                    return Optional.of("A " + name(target.affiliation()) + " cannot be banned by a "
                            + name(me.affiliation()) + ".");
                }
                if (target.realJid().isEmpty()) {
                    return Optional.of("Their address is hidden from you, and bans are by address.");
                }
                return Optional.empty();
            default:
                return Optional.of("Unknown action.");
        }
    }

    private static boolean outranks(Affiliation a, Affiliation b) {
        return a.ordinal() < b.ordinal() && a != Affiliation.NONE && a != Affiliation.OUTCAST;
    }

    private static String name(Affiliation affiliation) {
        return affiliation == Affiliation.NONE ? "participant without affiliation"
                : affiliation.name().toLowerCase(java.util.Locale.ROOT);
    }
}
