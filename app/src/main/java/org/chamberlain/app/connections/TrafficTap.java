package org.chamberlain.app.connections;

import java.util.function.Consumer;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.debugger.SmackDebugger;
import org.jivesoftware.smack.packet.TopLevelStreamElement;
import org.jxmpp.jid.EntityFullJid;

/**
 * Smack's per-connection debugger hook, used only to copy each top-level element as text for the XML
 * console. Smack calls it on its reader and writer threads: it serializes and hands off without blocking,
 * and does nothing (not even serializing) while nobody listens.
 *
 * <p>Seen in Smack 4.5.0-rc1: incoming nonzas (SASL challenge/success, stream features) reach
 * {@link #onIncomingStreamElement}, but {@code XMPPTCPConnection}'s writer calls {@link #onOutgoingStreamElement}
 * for stanzas only, so outgoing SASL {@code <auth>}/{@code <response>} never show up here.
 */
final class TrafficTap extends SmackDebugger {
    private final Consumer<TopLevelStreamElement> incoming;
    private final Consumer<TopLevelStreamElement> outgoing;

    TrafficTap(XMPPConnection connection, Consumer<TopLevelStreamElement> incoming,
            Consumer<TopLevelStreamElement> outgoing) {
        super(connection);
        this.incoming = incoming;
        this.outgoing = outgoing;
    }

    @Override
    public void userHasLogged(EntityFullJid user) {
        // Nothing to record: the bind result already went through onIncomingStreamElement.
    }

    @Override
    public void outgoingStreamSink(CharSequence outgoingCharSequence) {
        // Raw chunks are not used: whole elements arrive in onOutgoingStreamElement.
    }

    @Override
    public void incomingStreamSink(CharSequence incomingCharSequence) {
        // Raw chunks are not used: whole elements arrive in onIncomingStreamElement.
    }

    @Override
    public void onIncomingStreamElement(TopLevelStreamElement streamElement) {
        incoming.accept(streamElement);
    }

    @Override
    public void onOutgoingStreamElement(TopLevelStreamElement streamElement) {
        outgoing.accept(streamElement);
    }
}
