package org.chamberlain.app.affiliations;

/**
 * Why a change set cannot be applied as it is.
 *
 * @param jid the JID concerned (empty for problems of the whole set)
 * @param kind what is wrong
 * @param message a sentence for the person
 */
public record ChangeProblem(String jid, Kind kind, String message) {

    /** Whether the person may apply anyway after confirming (only self-demotion). */
    public boolean needsConfirmationOnly() {
        return kind == Kind.SELF_DEMOTION;
    }

    @Override
    public String toString() {
        return message;
    }

    /** The rules a change set is checked against. */
    public enum Kind {
        /** Not a JID at all. */
        INVALID_JID,
        /** A full JID (with resource) where a bare JID is needed. */
        NOT_BARE_JID,
        /** The same JID changed twice in one set. */
        DUPLICATE,
        /** The JID already has the affiliation the change asks for. */
        NO_CHANGE,
        /** The room would be left without any owner. */
        LAST_OWNER,
        /** You would lower your own affiliation; allowed only after explicit confirmation. */
        SELF_DEMOTION
    }
}
