package org.chamberlain.app.affiliations;

import java.util.Optional;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/** Checks and normalises the JIDs people type into member lists. Any thread. */
public final class BareJids {
    private BareJids() {
    }

    /**
     * The normalised bare JID (lower-cased domain and localpart, as servers compare them), or empty when the
     * text is not a bare JID.
     */
    public static Optional<String> normalise(String text) {
        return parse(text).filter(jid -> !jid.hasResource()).map(jid -> jid.asBareJid().toString());
    }

    /** Why this text is not a bare JID, or empty when it is one. */
    static Optional<ChangeProblem> problem(String text) {
        Optional<Jid> jid = parse(text);
        if (jid.isEmpty()) {
            return Optional.of(new ChangeProblem(text, ChangeProblem.Kind.INVALID_JID,
                    "'" + text + "' is not a valid address."));
        }
        if (jid.get().hasResource()) {
            return Optional.of(new ChangeProblem(text, ChangeProblem.Kind.NOT_BARE_JID,
                    "'" + text + "' has a resource; use the bare address " + jid.get().asBareJid() + "."));
        }
        return Optional.empty();
    }

    private static Optional<Jid> parse(String text) {
        if (text == null || text.isBlank() || !text.equals(text.strip())) {
            return Optional.empty();
        }
        try {
            return Optional.of(JidCreate.from(text));
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
