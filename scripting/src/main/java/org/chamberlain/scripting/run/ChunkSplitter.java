package org.chamberlain.scripting.run;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.jxmpp.xml.splitter.XmlSplitter;

/**
 * Cuts the characters of a client stream, chunk by chunk as they are read, into complete top-level elements
 * and hands each to the sink with the arrival time of the chunk that completed it. Used by one reader thread.
 */
final class ChunkSplitter {
    /** Elements larger than this end the connection; Prosody's own limit is far smaller. */
    private static final int MAX_ELEMENT_CHARS = 16 * 1024 * 1024;
    /**
     * Initial buffer. (jxmpp's XmppXmlSplitter uses its maximum element size as the initial buffer size:
     * a generous maximum allocated hundreds of megabytes per connection and made each connect ~100 ms slower.)
     */
    private static final int INITIAL_BUFFER_CHARS = 4096;
    private static final String STREAMS = "http://etherx.jabber.org/streams";

    private final CapturingConnection.ElementSink sink;
    private final StreamSplitter splitter;
    private long chunkArrival;

    ChunkSplitter(CapturingConnection.ElementSink sink) {
        this.sink = sink;
        this.splitter = new StreamSplitter();
    }

    /**
     * Splits the children of {@code <stream:stream>}: a stream header (the first one and every restart) starts
     * a fresh split, so each stanza or nonza is a complete top-level element.
     */
    private final class StreamSplitter extends XmlSplitter {
        private String streamPrefix;

        StreamSplitter() {
            super(INITIAL_BUFFER_CHARS, element -> sink.element(element, chunkArrival), null, null);
        }

        @Override
        protected void onNextChar() throws IOException {
            if (getCurrentSplittedPartSize() >= MAX_ELEMENT_CHARS) {
                throw new IOException("an element larger than " + MAX_ELEMENT_CHARS + " characters arrived");
            }
        }

        @Override
        protected void onStartTag(String prefix, String localpart, Map<String, String> attributes) {
            if ("stream".equals(localpart) && STREAMS.equals(attributes.get("xmlns:" + prefix))) {
                streamPrefix = prefix;
                newSplittedPart();
            }
        }

        @Override
        protected void onEndTag(String qName) {
            if (streamPrefix != null && (streamPrefix + ":stream").equals(qName)) {
                sink.streamClosedByServer();
            }
        }
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
