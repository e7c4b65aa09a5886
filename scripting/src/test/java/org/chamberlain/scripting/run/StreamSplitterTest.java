package org.chamberlain.scripting.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chunks cut at any point give back exactly the elements that were sent, and the stream's structure. */
class StreamSplitterTest {
    private static final String STREAM = "<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/"
            + "streams' version='1.0' xmlns='jabber:client'><stream:features><bind/></stream:features>"
            + "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"
            + "<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams' version='1.0'"
            + " xmlns='jabber:client'><iq type='result' id='b'><bind/></iq> \n"
            + "<presence from='r@c/R' xml:lang='en'><x xmlns='urn:x'><item a='1/2' b=\"x>y\"/></x></presence>"
            + "<message to='a@b'><body>x &amp; y<!-- <not/> --><![CDATA[<b>]]></body><x/></message>"
            + "</stream:stream>";

    @Test
    void chunksCutAnywhereGiveTheSameElements() throws IOException {
        List<String> whole = split(STREAM, STREAM.length());
        assertThat(whole).containsExactly("OPEN", "<stream:features><bind/></stream:features>",
                "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>", "OPEN", "<iq type='result' id='b'><bind/></iq>",
                "<presence from='r@c/R' xml:lang='en'><x xmlns='urn:x'><item a='1/2' b=\"x>y\"/></x></presence>",
                "<message to='a@b'><body>x &amp; y<!-- <not/> --><![CDATA[<b>]]></body><x/></message>", "CLOSED");
        for (int size = 1; size < 40; size++) {
            assertThat(split(STREAM, size)).as("chunks of " + size).isEqualTo(whole);
        }
    }

    @Test
    void quotesCommentsCdataAndInstructionsInsideElementsSurviveAnyCut() throws IOException {
        String inner = "<iq a='x\"y>' b=\"p'q/>\"><q>t<!----><!-- a -- b ->--></q><?pi a>b ?>"
                + "<r><![CDATA[a]]b]>c>]]></r>  text &lt; </iq>";
        String stream = "<stream:stream xmlns:stream='s'><!-- top --> " + inner + "<x/></stream:stream>";
        List<String> whole = split(stream, stream.length());
        assertThat(whole).containsExactly("OPEN", inner, "<x/>", "CLOSED");
        for (int size = 1; size < 60; size++) {
            assertThat(split(stream, size)).as("chunks of " + size).isEqualTo(whole);
        }
    }

    @Test
    void anEmptyTagIsRefused() {
        assertThatThrownBy(() -> split("<stream:stream><>", 100)).isInstanceOf(IOException.class)
                .hasMessageContaining("empty tag");
    }

    @Test
    void anElementBeforeTheStreamHeaderIsRefused() {
        assertThatThrownBy(() -> split("<message/>", 100)).isInstanceOf(IOException.class)
                .hasMessageContaining("before the stream header");
    }

    @Test
    void anOversizedElementIsRefused() {
        String huge = "<stream:stream><message><body>" + "x".repeat(StreamSplitter.MAX_ELEMENT_CHARS) + "</body>";
        assertThatThrownBy(() -> split(huge, 65536)).isInstanceOf(IOException.class)
                .hasMessageContaining("larger than");
    }

    /** Feeds the text in chunks of {@code size}, each placed at a non-zero offset of a larger buffer. */
    private static List<String> split(String text, int size) throws IOException {
        List<String> events = new ArrayList<>();
        StreamSplitter splitter = new StreamSplitter(new StreamSplitter.Handler() {
            @Override
            public void streamOpened() {
                events.add("OPEN");
            }

            @Override
            public void element(String xml) {
                events.add(xml);
            }

            @Override
            public void streamClosed() {
                events.add("CLOSED");
            }
        });
        char[] buffer = new char[size + 7];
        for (int start = 0; start < text.length(); start += size) {
            int length = Math.min(size, text.length() - start);
            java.util.Arrays.fill(buffer, '#');
            text.getChars(start, start + length, buffer, 5);
            splitter.feed(buffer, 5, length);
        }
        return events;
    }
}
