package org.chamberlain.app.affiliations;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chamberlain.app.connections.Addresses;
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

    /**
     * The addresses in pasted text: split on whitespace, commas and semicolons, {@code xmpp:} prefixes and
     * surrounding {@code <>} removed, empty pieces dropped. Not validated (the change set's validation says
     * which pieces are not bare JIDs).
     */
    public static List<String> splitPasted(String text) {
        List<String> jids = new ArrayList<>();
        for (String piece : text.split("[\\s,;]+")) {
            String jid = piece.strip();
            if (jid.startsWith("<") && jid.endsWith(">")) {
                jid = jid.substring(1, jid.length() - 1);
            }
            if (jid.startsWith("xmpp:")) {
                jid = jid.substring("xmpp:".length());
            }
            if (!jid.isEmpty()) {
                jids.add(jid);
            }
        }
        return jids;
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
            Jid jid = JidCreate.from(text);
            return Addresses.isPlausible(jid) ? Optional.of(jid) : Optional.empty();
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
