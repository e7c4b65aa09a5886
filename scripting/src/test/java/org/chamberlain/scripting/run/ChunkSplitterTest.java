package org.chamberlain.scripting.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chunks read at any offset and cut at any point give back exactly the elements that were sent. */
class ChunkSplitterTest {

    @Test
    void chunksAtOffsetsAndCutsInsideTokensGiveTheSameElements() {
        String stream = "<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams'"
                + " version='1.0' xmlns='jabber:client'><stream:features><bind/></stream:features>"
                + "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"
                + "<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams' version='1.0'"
                + " xmlns='jabber:client'><iq type='result' id='b'><bind/></iq>"
                + "<presence from='r@c/R' xml:lang='en'><x xmlns='urn:x'><item a='1/2'/></x></presence>"
                + "<message to='a@b'><body>x &amp; y</body></message>";
        List<String> whole = split(stream, stream.length());
        assertThat(whole).containsExactly("<stream:features><bind/></stream:features>",
                "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>", "<iq type='result' id='b'><bind/></iq>",
                "<presence from='r@c/R' xml:lang='en'><x xmlns='urn:x'><item a='1/2'/></x></presence>",
                "<message to='a@b'><body>x &amp; y</body></message>");
        for (int size = 1; size < 40; size++) {
            assertThat(split(stream, size)).as("chunks of " + size).isEqualTo(whole);
        }
    }

    /** Feeds the text in chunks of {@code size}, each placed at a non-zero offset of a larger buffer. */
    private static List<String> split(String text, int size) {
        List<String> elements = new ArrayList<>();
        ChunkSplitter splitter = new ChunkSplitter(new CapturingConnection.ElementSink() {
            @Override
            public void element(String xml, long arrivalNanos) {
                elements.add(xml.strip());
            }

            @Override
            public void streamClosedByServer() {
            }

            @Override
            public void unreadable(String problem) {
                elements.add("UNREADABLE " + problem);
            }

            @Override
            public void ended(String why) {
            }
        });
        char[] buffer = new char[size + 7];
        for (int start = 0; start < text.length(); start += size) {
            int length = Math.min(size, text.length() - start);
            java.util.Arrays.fill(buffer, '#');
            text.getChars(start, start + length, buffer, 5);
            splitter.chunk(buffer, 5, length, 0);
        }
        return elements;
    }
}
