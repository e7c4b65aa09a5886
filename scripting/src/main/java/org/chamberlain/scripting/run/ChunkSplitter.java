package org.chamberlain.scripting.run;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.jxmpp.xml.splitter.XmppElementCallback;
import org.jxmpp.xml.splitter.XmppXmlSplitter;

/**
 * Cuts the characters of a client stream, chunk by chunk as they are read, into complete top-level elements
 * and hands each to the sink with the arrival time of the chunk that completed it. Used by one reader thread.
 */
final class ChunkSplitter {
    /** Elements larger than this end the connection; Prosody's own limit is far smaller. */
    private static final int MAX_ELEMENT_CHARS = 64 * 1024 * 1024;

    private final CapturingConnection.ElementSink sink;
    private final XmppXmlSplitter splitter;
    private long chunkArrival;

    ChunkSplitter(CapturingConnection.ElementSink sink) {
        this.sink = sink;
        this.splitter = new XmppXmlSplitter(MAX_ELEMENT_CHARS, new XmppElementCallback() {
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
    }

    void chunk(char[] chars, int offset, int length, long arrivalNanos) {
        chunkArrival = arrivalNanos;
        try {
            // jxmpp 1.1.0's XmlSplitter.write(char[], off, len) reads cbuf[off + cur] with cur already starting
            // at off: a chunk with a non-zero offset is split wrongly (characters skipped). The JDK's XML parser
            // (under Smack) reads into its buffer at an offset when a chunk ends inside a token, so stanzas were
            // silently lost about once in ten connections. Always hand over offset 0.
            char[] chunk = offset == 0 && length == chars.length ? chars
                    : Arrays.copyOfRange(chars, offset, offset + length);
            splitter.write(chunk, 0, length);
        } catch (IOException | RuntimeException e) {
            sink.unreadable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
