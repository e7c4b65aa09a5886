package org.chamberlain.views.members;

import java.util.Optional;
import org.chamberlain.app.affiliations.Affiliation;

/**
 * One line of the members editor: a JID with its affiliation on the server and the one it will have after
 * Apply, the reason of the pending change, and the problem that blocks it, if any.
 */
public record MemberRow(String jid, Affiliation current, Affiliation pending, Optional<String> nick,
        Optional<String> reason, Optional<String> problem) {

    /** How the row is highlighted. */
    public enum Status { UNCHANGED, ADDED, REMOVED, MOVED }

    public Status status() {
        if (current == pending) {
            return Status.UNCHANGED;
        }
        if (current == Affiliation.NONE) {
            return Status.ADDED;
        }
        return pending == Affiliation.NONE ? Status.REMOVED : Status.MOVED;
    }

    /** The list it is shown under: the pending one, or the old one for a removal. */
    public Affiliation shownList() {
        return pending == Affiliation.NONE ? current : pending;
    }

    /** "members → admins", "new", "remove" for the pending column. */
    public String pendingText() {
        switch (status()) {
            case ADDED:
                return "add to " + pending.listName();
            case REMOVED:
                return "remove from " + current.listName();
            case MOVED:
                return current.listName() + " → " + pending.listName();
            case UNCHANGED:
            default:
                return "";
        }
    }
}
