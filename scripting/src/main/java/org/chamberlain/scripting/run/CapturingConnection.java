package org.chamberlain.scripting.run;

import org.jivesoftware.smack.packet.Nonza;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/**
 * A Smack connection that hands over exactly what arrives and writes exactly what the script says.
 *
 * <p>Relies on Smack 4.5.0-rc1 internals (pinned in the root POM, covered by the replay tests):
 * {@code initDebugger()} is called by {@code XMPPTCPConnection.initReaderAndWriter()} after the protected
 * {@code reader}/{@code writer} fields are set (again after STARTTLS), and replacing them there puts our
 * wrappers between the socket and Smack.
 */
final class CapturingConnection extends XMPPTCPConnection {
    /** Receives complete top-level elements of the stream (on Smack's reader thread). */
    interface ElementSink {
        void element(String xml, long arrivalNanos);

        void streamClosedByServer();

        void unreadable(String problem);

        void ended(String why);
    }

    private final ElementSink sink;
    private volatile FlushTrackingWriter trackedWriter;
    private volatile boolean ended;

    CapturingConnection(XMPPTCPConnectionConfiguration configuration, ElementSink sink) {
        super(configuration);
        this.sink = sink;
    }

    @Override
    protected void initDebugger() {
        super.initDebugger();
        ChunkSplitter splitter = new ChunkSplitter(sink);
        reader = new TappingReader(reader, new TappingReader.Tap() {
            @Override
            public void chunk(char[] chars, int offset, int length, long arrivalNanos) {
                splitter.chunk(chars, offset, length, arrivalNanos);
            }

            @Override
            public void ended(String why) {
                ended = true;
                endWaitForClosingTag();
                sink.ended(why);
            }
        });
        FlushTrackingWriter tracked = new FlushTrackingWriter(writer);
        writer = tracked;
        trackedWriter = tracked;
    }

    /**
     * A dead socket will never bring the server's closing tag: ends a {@code disconnect()} waiting for it.
     *
     * <p>Why (Smack 4.5.0-rc1): {@code disconnect()} shuts the writer queue down, then waits up to the reply
     * timeout for {@code closingStreamReceived} or a connection exception. If the reader thread hits the end of
     * the socket <em>after</em> the writer queue was shut down, its error handling sees
     * {@code packetWriter.queue.isShutdown()} and drops the exception ("Ignoring ... as writer was already shut
     * down"): no connection exception is set, no closing tag comes, and {@code disconnect()} sits out the full
     * 10 s. Which side wins is a race (the server killed while the runner closes its accounts), so checking
     * {@link #ended()} before calling {@code disconnect()} cannot close the window. The flag is only read by that
     * wait and is reset by {@code connect()}; {@code notifyWaitingThreads()} publishes it under Smack's monitor.
     * Called on Smack's reader thread, before Smack's own handling of the end.
     */
    private void endWaitForClosingTag() {
        closingStreamReceived = true;
        notifyWaitingThreads();
    }

    /** True once the socket reached its end or failed. */
    boolean ended() {
        return ended;
    }

    FlushTrackingWriter trackedWriter() {
        return trackedWriter;
    }

    /** Script XML as a top-level element: Smack writes {@link #toXML} unchanged. */
    static final class RawXml implements Nonza {
        private final String xml;

        RawXml(String xml) {
            this.xml = xml;
        }

        @Override
        public String getNamespace() {
            return null;
        }

        @Override
        public String getElementName() {
            return "raw";
        }

        @Override
        public CharSequence toXML(XmlEnvironment environment) {
            return xml;
        }
    }
}
