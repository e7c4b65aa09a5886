package org.chamberlain.app.affiliations;

import java.util.Objects;
import java.util.Optional;

/**
 * One pending edit: move a JID from one affiliation to another (from {@link Affiliation#NONE} = add, to
 * {@link Affiliation#NONE} = remove).
 *
 * @param jid the JID as entered (validation says whether it is a bare JID)
 * @param from its affiliation in the snapshot the change was made against
 * @param to the affiliation it should get
 * @param reason the reason sent to the server and written to the audit log, if any
 */
public record AffiliationChange(String jid, Affiliation from, Affiliation to, Optional<String> reason) {
    public AffiliationChange {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        reason = reason.filter(r -> !r.isBlank());
    }

    /** What kind of edit this is, for the preview. */
    public Kind kind() {
        if (from == Affiliation.NONE) {
            return Kind.ADD;
        }
        return to == Affiliation.NONE ? Kind.REMOVE : Kind.MOVE;
    }

    /** "add alice@example.org to members", "move bob@… from admins to owners", "remove carol@… from banned". */
    public String describe() {
        String text;
        switch (kind()) {
            case ADD:
                text = "add " + jid + " to " + to.listName();
                break;
            case REMOVE:
                text = "remove " + jid + " from " + from.listName();
                break;
            default:
                text = "move " + jid + " from " + from.listName() + " to " + to.listName();
                break;
        }
        return reason.map(r -> withReason(text, r)).orElse(text);
    }

    private static String withReason(String text, String reason) {
        return text + " (" + reason + ")";
    }

    /** Add, remove or move. */
    public enum Kind {
        ADD, REMOVE, MOVE
    }
}
