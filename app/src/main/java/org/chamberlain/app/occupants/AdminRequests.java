package org.chamberlain.app.occupants;

import org.chamberlain.app.errors.Attempt;
import org.chamberlain.app.errors.ModerationException;
import org.chamberlain.app.errors.SmackErrors;
import org.chamberlain.app.events.Affiliation;
import org.chamberlain.app.events.Role;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.muc.MUCAffiliation;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.packet.MUCAdmin;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Single-item {@code muc#admin} requests. Always one item per request: Prosody 0.12 applies only the first
 * item of a multi-item request and still answers {@code result}, so a batch would silently change one person.
 *
 * <p>Blocks on a server round trip; call from a background thread. Stateless.
 */
public final class AdminRequests {

    private AdminRequests() {
    }

    /** Sets the role of the occupant {@code nickname} ({@link Role#NONE} kicks). */
    public static void setRole(XMPPConnection connection, EntityBareJid room, Resourcepart nickname, Role role,
            String reason, Attempt attempt) throws ModerationException {
        MUCAdmin request = new MUCAdmin();
        request.setTo(room);
        request.setType(IQ.Type.set);
        request.addItem(new MUCItem(MUCRole.valueOf(role.xmppName()), nickname, blankToNull(reason)));
        send(connection, request, attempt);
    }

    /** Sets the affiliation of {@code person} (a bare JID) with {@code room}. */
    public static void setAffiliation(XMPPConnection connection, EntityBareJid room, EntityBareJid person,
            Affiliation affiliation, String reason, Attempt attempt) throws ModerationException {
        MUCAdmin request = new MUCAdmin();
        request.setTo(room);
        request.setType(IQ.Type.set);
        request.addItem(new MUCItem(MUCAffiliation.valueOf(affiliation.xmppName()), person, blankToNull(reason)));
        send(connection, request, attempt);
    }

    private static void send(XMPPConnection connection, IQ request, Attempt attempt) throws ModerationException {
        try {
            connection.sendIqRequestAndWaitForResponse(request);
        } catch (XMPPException.XMPPErrorException | SmackException.NoResponseException
                | SmackException.NotConnectedException | InterruptedException e) {
            throw SmackErrors.translate(e, attempt);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
