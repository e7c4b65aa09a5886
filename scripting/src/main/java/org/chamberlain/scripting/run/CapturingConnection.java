package org.chamberlain.scripting.run;

import java.io.IOException;
import java.util.Map;
import org.jivesoftware.smack.packet.Nonza;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.xml.splitter.XmppElementCallback;
import org.jxmpp.xml.splitter.XmppXmlSplitter;

/**
 * A Smack connection that hands over exactly what arrives and writes exactly what the script says.
 *
 * <p>Relies on Smack 4.5.0-rc1 internals (pinned in the root POM, covered by the replay tests):
 * {@code initDebugger()} is called by {@code XMPPTCPConnection.initReaderAndWriter()} after the protected
 * {@code reader}/{@code writer} fields are set (again after STARTTLS), and replacing them there puts our
 * wrappers between the socket and Smack.
 */
final class CapturingConnection extends XMPPTCPConnection {
    /** Elements larger than this end the connection; Prosody's own limit is far smaller. */
    private static final int MAX_ELEMENT_CHARS = 64 * 1024 * 1024;

    /** Receives complete top-level elements of the stream (on Smack's reader thread). */
    interface ElementSink {
        void element(String xml, long arrivalNanos);

        void streamClosedByServer();

        void unreadable(String problem);
    }

    private final ElementSink sink;
    private volatile FlushTrackingWriter trackedWriter;
    private long chunkArrival;

    CapturingConnection(XMPPTCPConnectionConfiguration configuration, ElementSink sink) {
        super(configuration);
        this.sink = sink;
    }

    @Override
    protected void initDebugger() {
        super.initDebugger();
        XmppXmlSplitter splitter = new XmppXmlSplitter(MAX_ELEMENT_CHARS, new XmppElementCallback() {
            @Override
            public void onCompleteElement(String completeElement) {
                sink.element(completeElement, chunkArrival);
            }

            @Override
            public void streamOpened(String prefix, Map<String, String> attributes) {
                // Stream headers (the first one and each restart) carry nothing for the script.
            }

            @Override
            public void streamClosed() {
                sink.streamClosedByServer();
            }
        });
        reader = new TappingReader(reader, (chars, offset, length, arrivalNanos) -> {
            chunkArrival = arrivalNanos;
            try {
                splitter.write(chars, offset, length);
            } catch (IOException e) {
                sink.unreadable(e.getMessage());
            }
        });
        FlushTrackingWriter tracked = new FlushTrackingWriter(writer);
        writer = tracked;
        trackedWriter = tracked;
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
